/**
 * search.pages: full-text search over the OCR text of dossier pages (page_text_fts, written by PageIndex).
 * Found: pages filed in a dossier (never a clerk's tray: those are not anyone's record yet), not set aside, and real
 * pages (not separator sheets). Every counter role sees every dossier (dossiers.get/list are open to any session),
 * so there is no further filter by caller.
 *
 * Order: the best match first (FTS5 bm25), then the newest dossier. Ranking every match of a common word (hundreds
 * of thousands of pages) costs seconds, so bm25 ranks only the RANK_WINDOW most recently read matching pages
 * (page_text ids grow as OCR reads pages, and pages are read soon after scanning): the FTS index yields those by
 * walking its rowids downwards and stops there. Beyond that window, matches follow newest read first. The trade: an
 * old page that fits the words better than all of the newest RANK_WINDOW matches is not listed first; with fewer
 * matches than the window (any specific search) the order is exactly bm25. test/bench/search-pages.bench.ts measures it.
 */
import type { z } from 'zod';
import type { searchContract, SearchHit } from '../../contract/ocr';
import type { ChecklistLine } from '../../domain/dossier/checklist';
import { parseSearchQuery } from '../../domain/text/search-query';
import { makeSnippet } from '../../domain/text/snippet';
import type { Db } from '../../store/database';

export const RANK_WINDOW = 1000;

type SearchInput = z.output<(typeof searchContract)['pages']['input']>;

interface Candidate {
  text_id: number;
  score: number;
  created_at: string;
  item_code: string;
  position: number;
}

interface HitRow {
  text_id: number;
  page_id: string;
  dossier_id: string;
  code: string | null;
  checklist: string;
  item_code: string;
  position: number;
  text: string;
}

export class SearchService {
  constructor(private readonly db: Db) {}

  pages(input: SearchInput): { hits: SearchHit[]; more: boolean; ms: number } {
    const t0 = performance.now();
    const { terms, match } = parseSearchQuery(input.query);
    // One more than the page asked for tells whether there is more.
    const want = input.offset + input.limit + 1;
    const candidates = this.db
      .prepare<[string, number], Candidate>(
        `SELECT f.rowid AS text_id, bm25(page_text_fts) AS score, d.created_at, p.item_code, p.position
         FROM page_text_fts f
         JOIN page_text t ON t.id = f.rowid
         JOIN dossier_pages p ON p.id = t.page_id
         JOIN dossiers d ON d.id = p.dossier_id
         WHERE page_text_fts MATCH ? AND p.removed_at IS NULL AND p.kind = 'page'
         ORDER BY f.rowid DESC
         LIMIT ?`,
      )
      .all(match, Math.max(RANK_WINDOW, want));
    const ranked = candidates.slice(0, RANK_WINDOW).sort(
      (a, b) =>
        a.score - b.score ||
        (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : 0) ||
        a.item_code.localeCompare(b.item_code) ||
        a.position - b.position ||
        b.text_id - a.text_id,
    );
    const ordered = ranked.concat(candidates.slice(RANK_WINDOW));
    const page = ordered.slice(input.offset, input.offset + input.limit);
    const rows = this.rows(page.map((c) => c.text_id));
    const names = new Map<string, Map<string, string>>();
    const hits: SearchHit[] = [];
    for (const c of page) {
      const r = rows.get(c.text_id);
      if (!r) continue;
      let items = names.get(r.dossier_id);
      if (!items) {
        items = new Map();
        // The checklist as received names each item; the first line of a code wins (KHAC may repeat).
        for (const l of JSON.parse(r.checklist) as ChecklistLine[]) if (!items.has(l.itemCode)) items.set(l.itemCode, l.name);
        names.set(r.dossier_id, items);
      }
      const snippet = makeSnippet(r.text, terms);
      hits.push({
        dossierId: r.dossier_id,
        dossierCode: r.code ?? '',
        itemCode: r.item_code,
        itemName: items.get(r.item_code) ?? r.item_code,
        pageId: r.page_id,
        page: r.position,
        snippet: snippet.text,
        highlights: snippet.highlights,
      });
    }
    return { hits, more: ordered.length > input.offset + input.limit, ms: Math.round((performance.now() - t0) * 10) / 10 };
  }

  private rows(textIds: number[]): Map<number, HitRow> {
    if (!textIds.length) return new Map();
    const rows = this.db
      .prepare<number[], HitRow>(
        `SELECT t.id AS text_id, t.page_id, p.dossier_id, d.code, d.checklist, p.item_code, p.position, t.text
         FROM page_text t JOIN dossier_pages p ON p.id = t.page_id JOIN dossiers d ON d.id = p.dossier_id
         WHERE t.id IN (${textIds.map(() => '?').join(',')})`,
      )
      .all(...textIds);
    return new Map(rows.map((r) => [r.text_id, r]));
  }
}
