/**
 * `motcua devices` and `motcua scan`: document scanners from the command line. `devices` lists what the counter's
 * core lists (backends, mDNS, Settings); `scan` goes straight through native/scanners (no database: a scan into a
 * folder needs none, and stays fast). Each page is made durable (written, file fsynced,
 * folder fsynced) before the next is taken, so a jam, an unplugged scanner or a crash keeps every page received.
 */
import { mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { errorMessage, t } from '../../../i18n/translate';
import { isInputError } from '../../../contract/errors';
import { createScannerRegistry, isScanError, parseDeviceUri, type ScannedPage } from '../../../../native/scanners/index';
import { extensionFor } from '../../../../native/scanners/image-info';
import { CliFailure, cliFailure, EXIT_FAILED, printJson, withCore } from '../runtime';
import { DeviceDirectory } from '../../../services/scanning/device-directory';
import { badArgument, checkedUri, defaultSource, exitOf, scanArgs, statusOf } from './scan-options';

export { EXIT_DEVICE_STOPPED } from './scan-options';

type Run = (fn: () => Promise<number | void>) => Promise<void>;

const collect = (v: string, prev: string[]): string[] => [...prev, v];

/** The next page number in `dir`: after the highest existing page-NNNN, so an earlier batch is never overwritten. */
async function nextPageNumber(dir: string): Promise<number> {
  let max = 0;
  for (const name of await readdir(dir)) {
    const m = /^page-(\d{4,})\./.exec(name);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max + 1;
}

/** Written under a temporary name, fsynced, renamed, then the folder fsynced: the page is complete or absent. */
async function writeDurably(dir: string, name: string, bytes: Buffer): Promise<void> {
  const temp = path.join(dir, `.${name}.part`);
  const fh = await open(temp, 'wx');
  try {
    await fh.writeFile(bytes);
    await fh.sync();
  } catch (e) {
    await fh.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw e;
  }
  await fh.close();
  await rename(temp, path.join(dir, name));
  if (process.platform !== 'win32') {
    // The rename is durable only once the folder's entry is on disk (Windows cannot open a folder for fsync).
    const d = await open(dir, 'r');
    try {
      await d.sync();
    } finally {
      await d.close();
    }
  }
}

interface PageOut {
  file: string;
  width: number;
  height: number;
  dpi: number;
}

const SCAN_HELP = `
Kết quả / output (--json):
  {"status":"completed"|"jammed"|"empty"|"failed",
   "pages":[{"file":"page-0001.png","width":2480,"height":3508,"dpi":300}, …],
   "error":{"code":"SCAN_JAMMED","message":"…"}|null}
  pages[].file là tên tệp trong --out, theo thứ tự nhận / file name inside --out, in arrival order.
  Tệp page-NNNN.<png|jpg|tif> được ghi trọn (fsync) trước khi nhận trang sau; nếu --out đã có trang,
  số trang tiếp nối sau trang cuối, không ghi đè / each page is complete before the next; numbering
  continues after pages already in --out, never overwriting.
Mã thoát / exit codes: 0 xong / completed; 3 máy quét dừng (kẹt giấy, hết giấy, mở nắp, bận, mất kết nối),
  các trang đã nhận được giữ / the device stopped, pages received are kept; 2 sai tham số / bad arguments;
  1 lỗi khác / other failure.
Thiết bị / devices: sane:<tên>, escl:http://máy:cổng/eSCL, folder:<thư mục>, wia:<mã>, twain:<tên>.`;

export function registerScanCommands(program: Command, run: Run): void {
  program
    .command('devices')
    .description('Liệt kê máy quét tìm thấy hoặc đã cấu hình / list scanners found or configured')
    .option('--escl <url>', 'thêm máy quét eSCL theo địa chỉ (lặp lại được) / add an eSCL scanner by URL (repeatable)', collect, [])
    .option('--folder <dir>', 'thêm thư mục ảnh làm máy quét (lặp lại được) / add an image folder as a scanner (repeatable)', collect, [])
    .option('--json', 'in JSON: [{uri, name, kind, origin, sources, resolutions, colorModes}] / print JSON')
    .addHelpText('after', DEVICES_HELP)
    .action((opts: { escl: string[]; folder: string[]; json?: boolean }) => run(() => devicesCommand(opts)));

  program
    .command('scan')
    .description('Quét tài liệu vào một thư mục, mỗi trang một tệp page-0001… / scan documents into a folder, one file per page')
    .requiredOption('--device <uri>', 'máy quét / scanner URI (xem `motcua devices`)')
    .option('--source <source>', 'flatbed | adf | adf-duplex (mặc định: khay nạp nếu có / default: the feeder if any)')
    .option('--dpi <n>', 'độ phân giải / resolution (50–1200, mặc định / default 300)')
    .option('--color <mode>', 'bw | gray | color')
    .requiredOption('--out <dir>', 'thư mục ghi các trang / folder for the pages')
    .option('--json', 'in JSON / print JSON')
    .addHelpText('after', SCAN_HELP)
    .action((opts: { device: string; source?: string; dpi?: string; color?: string; out: string; json?: boolean }) => run(() => scanCommand(opts)));
}

const DEVICES_HELP = `
Nguồn / origin: listed (trình điều khiển máy này liệt kê: SANE, WIA, TWAIN / listed by this computer's drivers),
  discovered (tìm thấy trên mạng qua mDNS / found on the network by mDNS), configured (quản trị cấu hình trong
  Cài đặt → Thiết bị, hoặc --escl/--folder / configured in Settings → Devices, or --escl/--folder).`;

/**
 * The scanners the counter's core lists (scans.devices: backends, mDNS, Settings), plus --escl/--folder, each with its
 * capabilities. Opens the core for the Settings; arguments are checked first (exit 2 before anything opens).
 */
async function devicesCommand(opts: { escl: string[]; folder: string[]; json?: boolean }): Promise<void> {
  const esclUrls = opts.escl.map((u) => parseOrBad(`escl:${u}`).id);
  const folders = opts.folder.map((f) => parseOrBad(`folder:${f}`).id);
  const devices = await withCore(async ({ core }) => {
    const directory = new DeviceDirectory({ settings: core.services.settings, logger: core.logger, extra: { esclUrls, folders } });
    const found = await directory.list({ refresh: true });
    return Promise.all(
      found.map(async (d) => {
        // A device whose capabilities cannot be read (off, unplugged) is listed anyway, with empty lists.
        const caps = await directory.capabilities(d.uri).catch(() => ({ sources: [], resolutions: [], colorModes: [] }));
        return { uri: d.uri, name: d.name, kind: d.kind, origin: d.origin, sources: caps.sources, resolutions: caps.resolutions, colorModes: caps.colorModes };
      }),
    );
  });
  if (opts.json) printJson(devices);
  else if (devices.length === 0) process.stdout.write(`${t('scanner.cli.noDevices')}\n`);
  else for (const d of devices) process.stdout.write(`${d.uri}\t${d.name}\t${d.sources.join(',')}\t${d.resolutions.join(',')} dpi\t${d.colorModes.join(',')}\t${t(`scanner.origin.${d.origin}`)}\n`);
}

function parseOrBad(uri: string): { id: string } {
  checkedUri(uri);
  return parseDeviceUri(uri);
}

async function scanCommand(opts: { device: string; source?: string; dpi?: string; color?: string; out: string; json?: boolean }): Promise<number> {
  // Every argument is checked before the scanner is touched: a typo never moves paper.
  const { device: uri, source: wantedSource, color, dpi } = scanArgs(opts);
  const dir = path.resolve(opts.out);
  let next: number;
  try {
    await mkdir(dir, { recursive: true });
    next = await nextPageNumber(dir);
  } catch (e) {
    throw cliFailure('CLI_FILE_UNWRITABLE', `Không ghi được vào thư mục ${opts.out}: ${(e as Error).message}. Hãy chọn thư mục có quyền ghi / cannot write to the folder; choose a writable one.`);
  }

  const registry = createScannerRegistry();
  const controller = new AbortController();
  const onSigint = (): void => controller.abort();
  process.once('SIGINT', onSigint);
  const pages: PageOut[] = [];
  let error: { code: string; message: string } | null = null;
  try {
    const { backend, id } = registry.resolve(uri);
    let source = wantedSource;
    if (!source) {
      const caps = await backend.capabilities(id, controller.signal);
      source = defaultSource(caps.sources);
    }
    for await (const page of backend.scan(id, { source, ...(dpi !== undefined ? { dpi } : {}), ...(color ? { color } : {}) }, controller.signal)) {
      const name = `page-${String(next).padStart(4, '0')}.${extensionFor(page.mime)}`;
      await writeDurably(dir, name, await pageBytes(page)).catch((e: Error) => {
        throw new CliFailure({ code: 'CLI_FILE_UNWRITABLE', message: `Không ghi được trang ${name} vào ${opts.out}: ${e.message} / cannot write the page`, params: {} }, EXIT_FAILED);
      });
      next += 1;
      const out = { file: name, width: page.widthPx, height: page.heightPx, dpi: page.dpi };
      pages.push(out);
      if (!opts.json) process.stdout.write(`${t('scanner.cli.page', { n: pages.length, file: name, width: out.width, height: out.height, dpi: out.dpi })}\n`);
    }
  } catch (e) {
    if (isScanError(e)) error = { code: e.code, message: errorMessage(e.code, e.params) };
    else if (e instanceof CliFailure) error = { code: e.error.code, message: e.error.message };
    // Anything else still ends with the result printed: the pages already written are on disk and must be named.
    else error = { code: 'SCAN_FAILED', message: errorMessage('SCAN_FAILED', { detail: (e as Error)?.message ?? String(e) }) };
    if (isInputError(error.code)) throw badArgument(error.code, isScanError(e) ? (e.params as Record<string, string>) : {});
  } finally {
    process.removeListener('SIGINT', onSigint);
  }

  const status = statusOf(error?.code ?? null);
  if (opts.json) printJson({ status, pages, error });
  else if (!error) process.stdout.write(`${t('scanner.cli.completed', { count: pages.length, dir: opts.out })}\n`);
  else process.stdout.write(`${t('scanner.cli.stopped', { count: pages.length, dir: opts.out })}\n`);
  if (error) process.stderr.write(`Lỗi [${error.code}]: ${error.message}\n`);
  return exitOf(error?.code ?? null);
}

async function pageBytes(page: ScannedPage): Promise<Buffer> {
  if (page.bytes) return page.bytes;
  if (page.file) return readFile(page.file);
  throw new Error('page without data');
}
