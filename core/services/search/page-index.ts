/**
 * The FTS5 index of page text (page_text_fts, migration 009): one row per page_text row, holding the text folded by
 * core/domain/text/fold.ts (lower case, diacritics removed, đ → d), so a query folded the same way matches whatever
 * the clerk types. Contentless: snippets are cut from page_text.text, whose character offsets equal the folded ones.
 * Its prefix indexes of 2 and 3 characters serve word* queries: without them "ng*" merges the lists of every word
 * starting so, 0.7 s of CPU over 1,000,000 pages (test/bench/search-pages.bench.ts).
 */
import type { Db } from '../../store/database';
import { foldVietnamese } from '../../domain/text/fold';
import type { PageIndexWriter } from './types';

export class PageIndex implements PageIndexWriter {
  constructor(private readonly db: Db) {}

  put(textRowId: number, text: string): void {
    this.db.prepare('DELETE FROM page_text_fts WHERE rowid = ?').run(textRowId);
    this.db.prepare('INSERT INTO page_text_fts (rowid, body) VALUES (?, ?)').run(textRowId, foldVietnamese(text));
  }

  remove(textRowId: number): void {
    this.db.prepare('DELETE FROM page_text_fts WHERE rowid = ?').run(textRowId);
  }
}
