/**
 * `motcua search "QUERY" [--json]`: full-text search over the OCR text of dossier pages (search.pages, the same
 * method as the Dossiers screen). --json prints [{"dossierCode","item","page","snippet"}] (item: the checklist item
 * code, page: the page's position in that document, snippet: plain text); otherwise one line per hit with the
 * matched words between « ». Nothing found: [] (or a note) and exit 0; a query with nothing to look for: exit 2.
 */
import type { Command } from 'commander';
import type { SearchHit } from '../../../contract/ocr';
import { t } from '../../../i18n/translate';
import { integerOption, printJson, withCore } from '../runtime';

type Run = (fn: () => Promise<number | void>) => Promise<void>;

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

export function registerSearchCommand(program: Command, run: Run): void {
  program
    .command('search')
    .description('Tìm trong chữ đã nhận dạng (OCR) của mọi trang hồ sơ / full-text search over the pages of every dossier')
    .argument('<query>', 'từ cần tìm; không phân biệt hoa thường, dấu, đ = d; "cụm từ" trong ngoặc kép; từ* tìm theo phần đầu / words to find')
    .option('--json', 'in JSON: [{"dossierCode","item","page","snippet"}] / print JSON')
    .option('--limit <n>', 'số kết quả tối đa (1–200, mặc định 50) / most results', '50')
    .option('--offset <n>', 'bỏ qua n kết quả đầu / skip the first n results', '0')
    .action((query: string, opts: { json?: boolean; limit: string; offset: string }) =>
      run(() => {
        const limit = integerOption('--limit', opts.limit, 1, 200);
        const offset = integerOption('--offset', opts.offset, 0, 10_000);
        return withCore(async (s) => {
          const r = await s.call('search.pages', { query, limit, offset });
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
