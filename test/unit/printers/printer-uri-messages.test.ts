/**
 * PRINT_BAD_URI in words (issue #16 review): the reason is a key whose text comes from the catalogue, so the
 * Vietnamese message has no English in it and the English one none of the Vietnamese; every reason has a text in
 * both languages, through the core's t() and the renderer's i18next alike; a long URI is not echoed whole.
 */
import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { AppError } from '../../../core/contract/errors';
import { catalogue } from '../../../core/i18n/catalogue';
import { errorMessage, hasMessage } from '../../../core/i18n/translate';
import { MAX_ECHO_CHARS, URI_REASONS, parsePrinterUri } from '../../../native/printers/printer-uri';

const ENGLISH = /\b(missing|unknown|out of range|scheme|port is|is not|not a|expected|must|parameter|given twice|empty|folder|printer|host|name|characters|address|the|without|unexpected|device)\b/i;
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

const i18n = createInstance();
await i18n.init({ resources: { vi: { translation: catalogue.vi }, en: { translation: catalogue.en } }, lng: 'vi', fallbackLng: 'vi', interpolation: { escapeValue: false }, initAsync: false });

function refusal(uri: string): AppError {
  try {
    parsePrinterUri(uri);
  } catch (e) {
    return e as AppError;
  }
  throw new Error(`${uri} parsed`);
}

describe('PRINT_BAD_URI reasons', () => {
  it.each(URI_REASONS.map((r) => [r]))('%s has a text in both languages, the same in core and renderer', async (reason) => {
    const params = { uri: 'x1', reason, value: '42', rates: '9600' };
    for (const locale of ['vi', 'en'] as const) {
      expect(hasMessage(`printUri.reasons.${reason}`, locale)).toBe(true);
      const core = errorMessage('PRINT_BAD_URI', params, locale);
      await i18n.changeLanguage(locale); // as the renderer's language switch does (a nested $t follows the language)
      const renderer = i18n.t('errors.PRINT_BAD_URI', { replace: params });
      expect(renderer).toBe(core);
      expect(core).not.toMatch(/\$t\(|\{\{|printUri|reasons/);
      const own = catalogue[locale].printUri as { reasons: Record<string, string> };
      if (own.reasons[reason]!.includes('{{value}}')) expect(core).toContain('42');
      if (locale === 'vi') expect(core, core).not.toMatch(ENGLISH);
      else expect(core, core).not.toMatch(VIETNAMESE);
    }
  });

  it('the refusals of real URIs read in Vietnamese, with the reason in words', () => {
    expect(errorMessage('PRINT_BAD_URI', { ...refusal('foo:bar').params })).toContain('(không có loại máy in "foo:")');
    expect(errorMessage('PRINT_BAD_URI', { ...refusal('escpos+tcp://').params })).toContain('(thiếu tên máy hoặc địa chỉ IP)');
    expect(errorMessage('PRINT_BAD_URI', { ...refusal('escpos+tcp://h:0').params })).toContain('(cổng 0 nằm ngoài khoảng 1–65535)');
    expect(errorMessage('PRINT_BAD_URI', { ...refusal('escpos+tcp://h:0').params }, 'en')).toContain('(port 0 is out of range 1–65535)');
  });

  it('a 2,000-character URI and its parts are echoed cut short', () => {
    const long = `escpos+tcp://${'a'.repeat(2000)}`;
    const err = refusal(long);
    expect(err.params.reason).toBe('hostname');
    for (const v of [err.params.uri, err.params.value]) {
      expect([...String(v)].length).toBeLessThanOrEqual(MAX_ECHO_CHARS);
      expect(String(v).endsWith('…')).toBe(true);
    }
    for (const locale of ['vi', 'en'] as const) expect(errorMessage('PRINT_BAD_URI', { ...err.params }, locale).length).toBeLessThan(500);
    expect(refusal(`ipp://${'b'.repeat(2000)}`).params.uri).toHaveLength(MAX_ECHO_CHARS);
  });
});
