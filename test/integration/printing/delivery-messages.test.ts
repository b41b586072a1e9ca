/**
 * Every delivery and transport error reads whole in Vietnamese: the reason is a key the message turns into
 * Vietnamese words, and only raw technical bits (an OS error code, hex bytes) appear as they are.
 */
import { describe, expect, it } from 'vitest';
import { errorMessage, hasMessage } from '../../../core/i18n/translate';
import { printingEscpos } from '../../../core/i18n/messages/printing-escpos';
import { DELIVERY_ERROR_CODES, failureParams } from '../../../core/services/printing/delivery';
import { PrinterLinkError, type LinkFailure } from '../../../native/printers/types';

// English words that no Vietnamese text here has, as whole words.
const ENGLISH = /\b(the|and|printer|status|reply|after|job|connection|not|no|folder|error|such|file|directory|paused|ended|closed|took|data|query|answer|within|cannot|was|is|of|to|timed|out|queue|rejecting|scheduler|installed)\b/i;

const reasonsOf = (locale: 'vi' | 'en'): string[] => Object.keys((printingEscpos[locale] as { printingReasons: Record<string, string> }).printingReasons);

const FAILURES: LinkFailure[] = ['unreachable', 'timeout', 'closed', 'io', 'busy', 'not_found', 'unsupported'];

describe('delivery messages in Vietnamese', () => {
  const printer = 'escpos+tcp://10.0.0.5:9100';
  const linkParams = FAILURES.flatMap((f) => [
    failureParams(new PrinterLinkError(f, 0, 'tcp 10.0.0.5:9100: the printer ended the connection')),
    failureParams(new PrinterLinkError(f, 0, 'pdf folder /x: ENOENT', { cause: Object.assign(new Error('Error: No such file or directory'), { code: 'ENOENT' }) })),
  ]);
  const samples = [
    ...linkParams,
    ...reasonsOf('vi').map((reason) => ({ reason, detail: reason === 'status_garbled' ? 'ff 00 41' : '' })),
  ];

  it('every code with every reason: no English sentence, no placeholder or key left', () => {
    for (const code of DELIVERY_ERROR_CODES) {
      for (const p of samples) {
        const params = { printer, written: 100, total: 22424, ...p };
        const vi = errorMessage(code, params, 'vi');
        const bare = vi.replace(printer, '').replace(/ESC\/POS|CUPS|Windows|USB|ENOENT|ff 00 41/g, '');
        expect(bare, `${code} ${p.reason}: ${vi}`).not.toMatch(ENGLISH);
        expect(vi, `${code} ${p.reason}`).not.toMatch(/\{\{|\$t\(|printingReasons|link_|_code/);
      }
    }
  });

  it('the raw detail follows a Vietnamese lead-in; English has the same reasons', () => {
    const vi = errorMessage('PRINTER_UNREACHABLE', { printer, ...failureParams(new PrinterLinkError('unreachable', 0, 'x', { cause: { code: 'ECONNREFUSED' } })) }, 'vi');
    expect(vi).toContain('(không kết nối được (mã lỗi hệ thống: ECONNREFUSED))');
    const garbled = errorMessage('PRINTER_NOT_CONFIRMED', { printer, written: 5, total: 5, reason: 'status_garbled', detail: 'ff 00 41' }, 'vi');
    expect(garbled).toContain('dữ liệu không đọc được: ff 00 41');
    expect(reasonsOf('en').sort()).toEqual(reasonsOf('vi').sort());
    for (const r of linkParams) expect(hasMessage(`printingReasons.${r.reason}`, 'vi'), r.reason).toBe(true);
  });
});
