/** `motcua search` without --limit prints every hit, reading the core's bounded answers page by page. */
import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../core/contract/ocr';
import { collectHits } from '../../../core/adapters/cli/commands/search';

const hit = (n: number): SearchHit => ({ dossierId: 'd', dossierCode: `C${n}`, itemCode: 'TP1', itemName: 'TP1', pageId: `p${n}`, page: n, snippet: 's', highlights: [] });

function core(total: number) {
  const calls: { limit: number; offset: number }[] = [];
  const search = async (input: { query: string; limit: number; offset: number }) => {
    calls.push({ limit: input.limit, offset: input.offset });
    const end = Math.min(total, input.offset + input.limit);
    return { hits: Array.from({ length: Math.max(0, end - input.offset) }, (_, i) => hit(input.offset + i + 1)), more: end < total };
  };
  return { calls, search };
}

describe('collectHits', () => {
  it('reads every hit in order when no limit is given', async () => {
    const c = core(450);
    const r = await collectHits(c.search, 'x', null, 0);
    expect(r.hits.map((h) => h.page)).toEqual(Array.from({ length: 450 }, (_, i) => i + 1));
    expect(r.more).toBe(false);
    expect(c.calls).toEqual([{ limit: 200, offset: 0 }, { limit: 200, offset: 200 }, { limit: 200, offset: 400 }]);
  });

  it('reads one page with a limit, from the offset', async () => {
    const c = core(450);
    const r = await collectHits(c.search, 'x', 10, 5);
    expect(r.hits.map((h) => h.page)).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(r.more).toBe(true);
    expect(c.calls).toHaveLength(1);
  });
});
