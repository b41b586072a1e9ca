/**
 * `motcua report --from YYYY-MM-DD --to YYYY-MM-DD --format json|xlsx|pdf [--agency CODE] [--out FILE]` (issue #19).
 * Through the core's reports.period / reports.export (runtime.withCore), so the CLI reads exactly what the
 * supervisors' screen reads. The period and format are checked before the core opens (the period by the same rule
 * the core applies, core/domain/reports/period.ts): bad input exits 2 with the Vietnamese message; an agency the
 * core does not know exits 2 too (REPORT_UNKNOWN_AGENCY). Files are written whole or not at all (temporary name,
 * fsync, rename, fsync of the folder); a file that cannot be written exits 1 (REPORT_FILE_UNWRITABLE).
 */
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { reportPeriod } from '../../../domain/reports/period';
import { t } from '../../../i18n/translate';
import { writeFileDurably } from '../../../services/documents/durable-files';
import { reportFileName } from '../../../services/reports/export/report-labels';
import { cliFailure, printJson, withCore } from '../runtime';

type Run = (fn: () => Promise<number | void>) => Promise<void>;

const FORMATS = ['json', 'xlsx', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

const line = (text: string) => process.stdout.write(`${text}\n`);
const REASONS = ['ENOENT', 'ENOTDIR', 'EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EISDIR'];
/** The system's reason in words (a missing folder, no right to write, a full disk), its code otherwise. */
const reasonOf = (e: unknown): string => {
  const code = (e as NodeJS.ErrnoException).code;
  return code && REASONS.includes(code) ? t(`reports.cli.reasons.${code}`) : (code ?? (e as Error).message);
};
const unwritable = (file: string, e: unknown) => cliFailure('REPORT_FILE_UNWRITABLE', t('reports.cli.unwritable', { path: file, reason: reasonOf(e) }));

/** The file to write: --out as given (a folder: the report's own name inside it), else the report's name here. */
function target(out: string | undefined, defaultName: string): string {
  if (!out) return path.resolve(defaultName);
  const resolved = path.resolve(out);
  try {
    if (statSync(resolved).isDirectory()) return path.join(resolved, defaultName);
  } catch {
    /* not there yet: a file to create */
  }
  return resolved;
}

/** Refuses a folder that cannot take the file before the report is computed (the write checks again). */
function checkWritable(file: string): void {
  try {
    accessSync(path.dirname(file), constants.W_OK);
  } catch (e) {
    throw unwritable(file, e);
  }
}

function writeOut(file: string, bytes: Uint8Array, mediaType: string, json: boolean): void {
  try {
    writeFileDurably(file, bytes);
  } catch (e) {
    throw unwritable(file, e);
  }
  if (json) printJson({ path: file, fileName: path.basename(file), mediaType, bytes: bytes.length });
  else line(t('reports.cli.written', { path: file }));
}

export function registerReportCommand(program: Command, run: Run): void {
  program
    .command('report')
    .description('Báo cáo tình hình tiếp nhận, giải quyết và số hoá hồ sơ theo kỳ / the period report')
    .requiredOption('--from <day>', 'ngày đầu kỳ YYYY-MM-DD / first day')
    .requiredOption('--to <day>', 'ngày cuối kỳ YYYY-MM-DD / last day')
    .requiredOption('--format <format>', 'json | xlsx | pdf')
    .option('--agency <code>', 'mã cơ quan (mặc định: tất cả) / agency code (default: all)')
    .option('--json', 'xlsx/pdf: in JSON {"path","fileName","mediaType","bytes"} / print JSON')
    .option('--out <file>', 'tệp ghi ra (json mặc định ra màn hình; xlsx/pdf mặc định bao-cao-<từ>_<đến>[-<cơ quan>].<đuôi> ở thư mục hiện tại) / output file')
    .action((opts: { from: string; to: string; format: string; agency?: string; out?: string; json?: boolean }) =>
      run(() => {
        const period = reportPeriod(opts.from, opts.to);
        const format = opts.format.toLowerCase() as Format;
        if (!FORMATS.includes(format)) throw cliFailure('CLI_BAD_ARGUMENT', t('reports.cli.badFormat', { value: opts.format.slice(0, 40) }));
        const agency = opts.agency?.trim() || undefined;
        const filter = { from: period.from, to: period.to, ...(agency ? { agency } : {}) };
        const file = format === 'json' && !opts.out ? null : target(opts.out, reportFileName(period.from, period.to, agency ?? null, format === 'json' ? 'json' : format));
        if (file) checkWritable(file);
        return withCore(async (s) => {
          if (format === 'json') {
            const report = await s.call('reports.period', filter);
            if (!file) return printJson(report);
            return writeOut(file, Buffer.from(JSON.stringify(report, null, 2) + '\n'), 'application/json', Boolean(opts.json));
          }
          const rendered = await s.call('reports.export', { ...filter, format });
          writeOut(file!, Buffer.from(rendered.base64, 'base64'), rendered.mediaType, Boolean(opts.json));
        });
      }),
    );
}
