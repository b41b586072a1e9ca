/**
 * search.pages: full-text search over the OCR text of dossier pages (page_text_fts, written by PageIndex).
 * Found: pages filed in a dossier (never a clerk's tray: those are not anyone's record yet), not set aside, and real
 * pages (not separator sheets). Every counter role sees every dossier (dossiers.get/list are open to any session),
 * so there is no further filter by caller.
 *
 * Order: newest dossier first, then the dossier's checklist order and page position. Not bm25: measured over
 * 1,000,000 pages (test/bench/search-pages.bench.ts), FTS5's bm25 needs each term's document frequency, a pass over
 * every page holding it, whatever LIMIT says: +20 ms CPU for one common word, +40 ms for two, +100–160 ms for a
 * common phrase (positions checked on every page), which with the rest of a search puts p95 over its 200 ms. Sorting
 * all matches by dossier date is no better (a common word is on 700,000 pages), so the order is taken over a window:
 * the ORDER_WINDOW matches read most recently (page_text ids grow as OCR reads pages, soon after scanning), which the
 * FTS index yields by walking its rowids downwards and stopping there; past the window, matches follow in that order.
 * The trade: a dossier whose pages were read much later than it was received (OCR backlog, a re-read) may sit among
 * newer ones, and relevance plays no part beyond "every word is on the page".
 */
import type { z } from 'zod';
import type { searchContract, SearchHit } from '../../contract/ocr';
import type { ChecklistLine } from '../../domain/dossier/checklist';
import { parseSearchQuery } from '../../domain/text/search-query';
import { makeSnippet } from '../../domain/text/snippet';
import type { Db } from '../../store/database';

export const ORDER_WINDOW = 200;

type SearchInput = z.output<(typeof searchContract)['pages']['input']>;

interface Candidate {
  text_id: number;
  dossier_id: string;
  created_at: string;
  item_code: string;
  position: number;
}

interface HitRow {
  text_id: number;
  page_id: string;
  dossier_id: string;
  code: string | null;
  item_code: string;
  position: number;
  text: string;
}

export class SearchService {
  /** window: how many of the newest matches are put in order (ORDER_WINDOW; tests pass a small one). */
  constructor(
    private readonly db: Db,
    private readonly window = ORDER_WINDOW,
  ) {}

  pages(input: SearchInput): { hits: SearchHit[]; more: boolean; ms: number } {
    const t0 = performance.now();
    const { terms, match } = parseSearchQuery(input.query);
    // One more than the page asked for tells whether there is more.
    const want = input.offset + input.limit + 1;
    const candidates = this.db
      .prepare<[string, number], Candidate>(
        `SELECT f.rowid AS text_id, p.dossier_id, d.created_at, p.item_code, p.position
         FROM page_text_fts f
         JOIN page_text t ON t.id = f.rowid
         JOIN dossier_pages p ON p.id = t.page_id
         JOIN dossiers d ON d.id = p.dossier_id
         WHERE page_text_fts MATCH ? AND p.removed_at IS NULL AND p.kind = 'page'
         ORDER BY f.rowid DESC
         LIMIT ?`,
      )
      .all(match, Math.max(this.window, want));
    const items = this.checklists(candidates.slice(0, this.window).map((c) => c.dossier_id));
    const rank = (c: Candidate) => {
      const order = items.get(c.dossier_id)?.order.get(c.item_code);
      return order ?? Number.MAX_SAFE_INTEGER;
    };
    const windowed = candidates.slice(0, this.window).sort(
      (a, b) =>
        (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : 0) ||
        (a.dossier_id < b.dossier_id ? -1 : a.dossier_id > b.dossier_id ? 1 : 0) ||
        rank(a) - rank(b) ||
        (a.item_code < b.item_code ? -1 : a.item_code > b.item_code ? 1 : 0) ||
        a.position - b.position,
    );
    const ordered = windowed.concat(candidates.slice(this.window));
    const page = ordered.slice(input.offset, input.offset + input.limit);
    const rows = this.rows(page.map((c) => c.text_id));
    const names = this.checklists(page.map((c) => c.dossier_id));
    const hits: SearchHit[] = [];
    for (const c of page) {
      const r = rows.get(c.text_id);
      if (!r) continue;
      const snippet = makeSnippet(r.text, terms);
      hits.push({
        dossierId: r.dossier_id,
        dossierCode: r.code ?? '',
        itemCode: r.item_code,
        itemName: names.get(r.dossier_id)?.name.get(r.item_code) ?? r.item_code,
        pageId: r.page_id,
        page: r.position,
        snippet: snippet.text,
        highlights: snippet.highlights,
      });
    }
    return { hits, more: ordered.length > input.offset + input.limit, ms: Math.round((performance.now() - t0) * 10) / 10 };
  }

  /** Each dossier's checklist as received: item order and names (the first line of a code wins: KHAC may repeat). */
  private checklists(dossierIds: string[]): Map<string, { order: Map<string, number>; name: Map<string, string> }> {
    const out = new Map<string, { order: Map<string, number>; name: Map<string, string> }>();
    const get = this.db.prepare<[string], { checklist: string }>('SELECT checklist FROM dossiers WHERE id = ?');
    for (const id of new Set(dossierIds)) {
      const order = new Map<string, number>();
      const name = new Map<string, string>();
      for (const l of JSON.parse(get.get(id)?.checklist ?? '[]') as ChecklistLine[]) {
        if (order.has(l.itemCode)) continue;
        order.set(l.itemCode, order.size);
        name.set(l.itemCode, l.name);
      }
      out.set(id, { order, name });
    }
    return out;
  }

  private rows(textIds: number[]): Map<number, HitRow> {
    if (!textIds.length) return new Map();
    const rows = this.db
      .prepare<number[], HitRow>(
        `SELECT t.id AS text_id, t.page_id, p.dossier_id, d.code, p.item_code, p.position, t.text
         FROM page_text t JOIN dossier_pages p ON p.id = t.page_id JOIN dossiers d ON d.id = p.dossier_id
         WHERE t.id IN (${textIds.map(() => '?').join(',')})`,
      )
      .all(...textIds);
    return new Map(rows.map((r) => [r.text_id, r]));
  }
}
