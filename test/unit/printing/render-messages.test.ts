/** Ticket, test-page and reprint texts: Vietnamese and English have the same keys and the same placeholders. */
import { describe, expect, it } from 'vitest';
import { printingRender } from '../../../core/i18n/messages/printing-render';
import type { MessageTree } from '../../../core/i18n/types';
import { t } from '../../../core/i18n/translate';

function leaves(tree: MessageTree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of leaves(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}
const placeholders = (s: string): string[] => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!).sort();

describe('printing-render messages', () => {
  it('vi and en have the same keys and placeholders, none empty', () => {
    const vi = leaves(printingRender.vi);
    const en = leaves(printingRender.en);
    expect([...vi.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [key, text] of vi) {
      expect(text.trim(), key).not.toBe('');
      expect(placeholders(en.get(key)!), key).toEqual(placeholders(text));
    }
  });

  it('are in the catalogue, Vietnamese first', () => {
    expect(t('printing.render.ticket.heading')).toBe('SỐ THỨ TỰ');
    expect(t('printing.render.ticket.ahead', { count: 3 })).toBe('Số người đang chờ trước bạn: 3');
    expect(t('printing.render.ticket.wait', { minutes: 15 }, 'en')).toBe('Expected wait: about 15 minutes');
    // The test page line carries every Vietnamese vowel letter and every tone mark.
    expect(t('printing.render.testPage.vietnamese')).toBe('Tiếng Việt: ă â đ ê ô ơ ư — à á ả ã ạ');
  });
});
