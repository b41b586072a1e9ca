/**
 * `motcua dossier scan CODE --device URI [--item ITEM] [...]`: scan straight into a received dossier's checklist
 * item through the core, as the UI does (scans.start, progress on the push channel with --follow). Every page is
 * durable in the dossier before the next is read; the result names the pages stored, in the same shape as
 * `motcua scan`: {"status","pages","error"}. Exit 0 completed, 3 the device stopped (pages kept), 2 bad arguments,
 * 1 failed.
 */
import type { Command } from 'commander';
import { isInputError } from '../../../contract/errors';
import type { Page } from '../../../contract/scans';
import { errorMessage, t } from '../../../i18n/translate';
import { followEvents, followWriter } from '../follow';
import { CliFailure, cliFailure, printJson, withCore, type CliSession } from '../runtime';
import { defaultSource, exitOf, EXIT_DEVICE_STOPPED, scanArgs, statusOf, type ScanArgs } from './scan-options';

type Run = (fn: () => Promise<number | void>) => Promise<void>;

interface DossierScanOptions {
  device: string;
  item?: string;
  source?: string;
  dpi?: string;
  color?: string;
  continue?: string;
  separators?: boolean;
  json?: boolean;
  follow?: boolean;
}

const HELP = `
Kết quả / output (--json):
  {"status":"completed"|"jammed"|"empty"|"failed",
   "pages":[{"id","batchId","itemCode","position","state","kind","mediaType","widthPx","heightPx","dpi","error"}, …],
   "error":{"code","message"}|null}
  pages: các trang của lô quét (cả các lượt trước khi tiếp tục) trong hồ sơ, theo thành phần và thứ tự / the batch's pages in the dossier (earlier runs of a continued batch included), by item and position.
  Mỗi trang được lưu bền (fsync) vào hồ sơ trước khi nhận trang sau / each page is durable before the next.
  Sau khi gỡ kẹt giấy: --continue <batchId> quét tiếp cùng lô vào cùng chỗ / after a jam, continue the batch.
  --follow: in từng sự kiện scans.progress / pages.changed một dòng JSON (ra stderr khi có --json).
Mã thoát / exit codes: 0 xong / completed; 3 máy quét dừng (kẹt giấy, hết giấy, mở nắp, bận, mất kết nối),
  các trang đã nhận vẫn trong hồ sơ / the device stopped, pages kept; 2 sai tham số / bad arguments; 1 lỗi khác.`;

/** Adds `scan` under the `dossier` command (made by the reception commands). */
export function registerDossierScanCommand(program: Command, run: Run): void {
  const dossier = program.commands.find((c) => c.name() === 'dossier') ?? program.command('dossier').description('Hồ sơ / dossiers');
  dossier
    .command('scan')
    .description('Quét giấy tờ thẳng vào thành phần của hồ sơ đã tiếp nhận / scan straight into a received dossier\'s checklist item')
    .argument('<code>', 'mã hồ sơ / dossier code')
    .requiredOption('--device <uri>', 'máy quét / scanner URI (xem `motcua devices`)')
    .option('--item <item>', 'mã thành phần (mặc định: thành phần đầu tiên) / checklist item (default: the first)')
    .option('--source <source>', 'flatbed | adf | adf-duplex (mặc định: khay nạp nếu có / default: the feeder if any)')
    .option('--dpi <n>', 'độ phân giải / resolution (50–1200, mặc định / default 300)')
    .option('--color <mode>', 'bw | gray | color')
    .option('--continue <batchId>', 'quét tiếp lô đã dừng (sau khi gỡ kẹt giấy) / continue a stopped batch')
    .option('--no-separators', 'không tách theo tờ phân cách / do not split on separator sheets')
    .option('--json', 'in JSON / print JSON')
    .option('--follow', 'in tiến trình từng trang (JSON lines) / print progress events as JSON lines')
    .addHelpText('after', HELP)
    .action((code: string, opts: DossierScanOptions) => run(() => dossierScan(code, opts)));
}

async function dossierScan(code: string, opts: DossierScanOptions): Promise<number> {
  // Every argument is checked before the core opens or a scanner is touched.
  const args = scanArgs(opts);
  const item = opts.item?.trim();
  if (opts.item !== undefined && !item) throw cliFailure('CLI_BAD_ARGUMENT', '--item: cần mã thành phần / an item code is needed');
  return withCore((s) => scanInto(s, code, item, args, opts));
}

async function scanInto(s: CliSession, code: string, item: string | undefined, args: ScanArgs, opts: DossierScanOptions): Promise<number> {
  const dossier = await s.call('dossiers.lookup', { text: code });
  const itemCode = item ?? dossier.checklist[0]?.itemCode;
  if (!itemCode) throw new CliFailure({ code: 'SCAN_NO_ITEM', message: errorMessage('SCAN_NO_ITEM', { code: dossier.code ?? code }), params: { code } }, 2);
  const stopFollowing = opts.follow ? await followEvents(s.core, s.conn, ['scans.progress', 'pages.changed'], followWriter(Boolean(opts.json))) : null;
  try {
    const source = args.source ?? (opts.continue ? 'adf' : defaultSource((await s.call('scans.capabilities', { device: args.device })).sources));
    let jobId: string | null = null;
    let cancelled = false;
    // Ctrl+C stops the scanner; the pages already stored stay in the dossier and are listed.
    const onSigint = (): void => {
      cancelled = true;
      if (jobId) void s.call('scans.cancel', { jobId }).catch(() => undefined);
    };
    process.once('SIGINT', onSigint);
    let result: { status: ReturnType<typeof statusOf>; pages: ReturnType<typeof pageOut>[]; error: { code: string; message: string } | null };
    try {
      const job = await s
        .call('scans.start', {
          device: args.device,
          target: { dossierId: dossier.id, itemCode },
          settings: { source, color: args.color ?? 'gray', ...(args.dpi !== undefined ? { dpi: args.dpi } : {}) },
          separators: opts.separators !== false,
          ...(opts.continue ? { continueBatchId: opts.continue } : {}),
        })
        .catch((e: unknown) => {
          // A device that refuses at once (busy) is a stop like any other: say so with the result shape.
          if (e instanceof CliFailure && !isInputError(e.error.code) && exitOf(e.error.code) === EXIT_DEVICE_STOPPED) return e;
          throw e;
        });
      if (job instanceof CliFailure) {
        result = { status: statusOf(job.error.code), pages: [], error: { code: job.error.code, message: job.error.message } };
      } else {
        jobId = job.jobId;
        if (cancelled) await s.call('scans.cancel', { jobId });
        const done = await s.core.services.scans.finished(job.jobId);
        const pages = (await s.call('pages.list', { dossierId: dossier.id })).filter((p) => p.batchId === job.batchId);
        result = { status: statusOf(done.error?.code ?? null), pages: pages.map(pageOut), error: done.error };
      }
    } finally {
      process.removeListener('SIGINT', onSigint);
    }
    if (opts.json) printJson(result);
    else {
      for (const p of result.pages) process.stdout.write(`${p.itemCode} #${p.position}\t${p.id}\t${p.state}${p.kind === 'separator' ? '\t(tờ phân cách / separator)' : ''}\n`);
      process.stdout.write(`${t(result.error ? 'scanJobs.cli.stopped' : 'scanJobs.cli.completed', { count: result.pages.length, code: dossier.code ?? code })}\n`);
    }
    if (result.error) process.stderr.write(`Lỗi [${result.error.code}]: ${result.error.message}\n`);
    return exitOf(result.error?.code ?? null);
  } finally {
    await stopFollowing?.();
  }
}

function pageOut(p: Page) {
  return {
    id: p.id,
    batchId: p.batchId,
    itemCode: p.itemCode,
    position: p.position,
    state: p.state,
    kind: p.kind,
    mediaType: p.mediaType,
    widthPx: p.widthPx,
    heightPx: p.heightPx,
    dpi: p.dpi,
    error: p.error,
  };
}
