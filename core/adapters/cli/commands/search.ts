/**
 * `motcua search "QUERY" [--json]`: full-text search over the OCR text of dossier pages (search.pages, the same
 * method as the Dossiers screen). --json prints [{"dossierCode","item","page","snippet"}], every hit unless --limit (item: the checklist item
 * code, page: the page's position in that document, snippet: plain text); otherwise one line per hit with the
 * matched words between « ». Nothing found: [] (or a note) and exit 0; a query with nothing to look for: exit 2.
 */
import type { Command } from 'commander';
import type { SearchHit } from '../../../contract/ocr';
import { t } from '../../../i18n/translate';
import { integerOption, printJson, withCore } from '../runtime';

type Run = (fn: () => Promise<number | void>) => Promise<void>;

/** search.pages answers at most 200 hits from an offset of at most 10,000. */
const PAGE_SIZE = 200;
const MAX_OFFSET = 10_000;

/** The snippet with each highlighted range between « and ». */
export function markedSnippet(hit: Pick<SearchHit, 'snippet' | 'highlights'>): string {
  let out = '';
  let at = 0;
  for (const [s, e] of hit.highlights) {
    out += `${hit.snippet.slice(at, s)}«${hit.snippet.slice(s, e)}»`;
    at = e;
  }
  return out + hit.snippet.slice(at);
}

type SearchPage = { hits: SearchHit[]; more: boolean };

/** Without a limit every hit, read from the core PAGE_SIZE at a time (its answers are bounded); else one page. */
export async function collectHits(
  search: (input: { query: string; limit: number; offset: number }) => Promise<SearchPage>,
  query: string,
  limit: number | null,
  offset: number,
): Promise<SearchPage> {
  if (limit !== null) return search({ query, limit, offset });
  const hits: SearchHit[] = [];
  let more = true;
  for (let at = offset; more && at <= MAX_OFFSET; at += PAGE_SIZE) {
    const page = await search({ query, limit: PAGE_SIZE, offset: at });
    hits.push(...page.hits);
    more = page.more;
  }
  return { hits, more };
}

export function registerSearchCommand(program: Command, run: Run): void {
  program
    .command('search')
    .description('Tìm trong chữ đã nhận dạng (OCR) của mọi trang hồ sơ / full-text search over the pages of every dossier')
    .argument('<query>', 'từ cần tìm; không phân biệt hoa thường, dấu, đ = d; "cụm từ" trong ngoặc kép; từ* tìm theo phần đầu / words to find')
    .option('--json', 'in JSON: [{"dossierCode","item","page","snippet"}] / print JSON')
    .option('--limit <n>', 'số kết quả tối đa (1–200; mặc định: tất cả) / most results (default: all)')
    .option('--offset <n>', 'bỏ qua n kết quả đầu / skip the first n results', '0')
    .action((query: string, opts: { json?: boolean; limit?: string; offset: string }) =>
      run(() => {
        const limit = opts.limit === undefined ? null : integerOption('--limit', opts.limit, 1, 200);
        const offset = integerOption('--offset', opts.offset, 0, 10_000);
        return withCore(async (s) => {
          const r = await collectHits((input) => s.call('search.pages', input), query, limit, offset);
          if (opts.json) {
            printJson(r.hits.map((h) => ({ dossierCode: h.dossierCode, item: h.itemCode, page: h.page, snippet: h.snippet })));
            return;
          }
          if (!r.hits.length) process.stdout.write(`${t('search.cli.noHits')}\n`);
          for (const h of r.hits) process.stdout.write(`${h.dossierCode}\t${h.itemCode}\t${t('search.cli.page')} ${h.page}\t${markedSnippet(h)}\n`);
          if (r.more) process.stdout.write(`${t('search.cli.more')}\n`);
        });
      }),
    );
}
