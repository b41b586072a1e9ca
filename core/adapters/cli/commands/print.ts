/**
 * `motcua print --printer URI (--ticket N [--service NAME] | --pdf FILE | --form F --dossier CODE [--layout a4|80mm]) [--json]`
 * and `motcua print queue [--json]` (issue #16). The job goes through the core's print queue (printing.print, wait:
 * true): it is stored before a byte is sent, this process sends it once, and a job the printer could not take stays
 * queued for the counter app, which keeps retrying. Every argument is checked before the core opens.
 * Exit 0 the printer accepted the job; 3 it waits (printer unavailable, behind another job past the wait limit, or
 * the clerk must say whether it printed); 2 bad arguments or input; 1 any other failure. The CLI acts as the other CLI commands do (runtime.withCore).
 */
import { open } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { FORM_NAMES } from '../../../contract/forms';
import { MAX_PRINT_PDF_BYTES, printJobSchema, ticketInputSchema, type PrintJob, type PrintWhat } from '../../../contract/printing';
import { AppError, type ErrorParams } from '../../../contract/errors';
import { hasPdfHeader } from '../../../domain/printing/pdf-header';
import { errorMessage, t } from '../../../i18n/translate';
import { parsePrinterUri } from '../../../../native/printers/printer-uri';
import { checkPdfFolder } from '../../../services/printing/print-folder';
import { CliFailure, EXIT_DEVICE_UNAVAILABLE, EXIT_FAILED, EXIT_OK, exitCodeFor, printJson, withCore, type CliSession } from '../runtime';

type Run = (fn: () => Promise<number | void>) => Promise<void>;

export interface PrintOptions {
  printer?: string;
  ticket?: string;
  service?: string;
  pdf?: string;
  form?: string;
  dossier?: string;
  layout?: string;
  json?: boolean;
}

const LAYOUTS = ['a4', '80mm'] as const;

const HELP = `
Địa chỉ máy in / printer URIs:
  escpos+tcp://máy:9100   escpos+usb://VID:PID   escpos+serial:///dev/ttyUSB0?baud=19200 (COM3?baud=19200)
  escpos+spooler://<tên máy in Windows, RAW>   system:<tên máy in CUPS/Windows>   pdf:<thư mục>
Kết quả / output (--json): lệnh in / the print job
  {"id","seq","kind","title","printerUri","state":"printed"|"queued"|"uncertain"|"failed",…,"error":{"code","message"}|null}
Mã thoát / exit codes: 0 máy in đã nhận / the printer accepted the job;
  3 lệnh in đang chờ (máy in chưa sẵn sàng, đang chờ sau lệnh in khác quá lâu, hoặc chờ nhân viên xác nhận đã
    in hay chưa) / the job waits (printer unavailable, behind another job for too long, or the clerk must say
    whether it printed); the counter app sends it when it can; the line on stderr says which, with its code;
  2 sai tham số hoặc dữ liệu (kể cả pdf:<thư mục> là tệp hoặc nằm trong thư mục không có) / bad arguments or
    input (a pdf: folder that is a file or whose parent is missing too); 1 lỗi khác / other failure.
Một lệnh in khác đang in trên cùng máy in: lệnh này chờ tới lượt rồi in / another job on the printer: this one
  waits for its turn, then prints.
\`motcua print queue [--json]\`: các lệnh in đang chờ / the jobs waiting (queued, sending, uncertain).`;

export function registerPrintCommands(program: Command, run: Run): void {
  const print = program
    .command('print')
    .description('In phiếu số thứ tự, phiếu của hồ sơ hoặc tệp PDF ra máy in / print a ticket, a dossier form or a PDF')
    .option('--printer <uri>', 'máy in / printer URI')
    .option('--ticket <number>', 'số thứ tự in trên phiếu / ticket number')
    .option('--service <name>', 'tên dịch vụ in trên phiếu (chỉ với --ticket) / service name on the ticket')
    .option('--pdf <file>', 'tệp PDF (máy in A4 hoặc pdf:) / a PDF file')
    .option('--form <form>', FORM_NAMES.join(' | '))
    .option('--dossier <code>', 'mã hồ sơ (với --form) / dossier code')
    .option('--layout <layout>', 'a4 | 80mm (với --form; mặc định theo máy in) / default: the printer\'s')
    .option('--json', 'in JSON / print JSON')
    .addHelpText('after', HELP)
    .action((opts: PrintOptions) => run(() => printCommand(opts)));

  print
    .command('queue')
    .description('Các lệnh in đang chờ: chờ gửi, đang gửi, chờ nhân viên xác nhận / print jobs waiting')
    .option('--json', 'in JSON: [lệnh in / print job, …] / print JSON')
    // `motcua print --json queue` puts --json on the parent command.
    .action((opts: { json?: boolean }, cmd: Command) =>
      run(() => {
        const parent = cmd.parent?.opts<PrintOptions>() ?? {};
        queueOptionsCheck(parent);
        return printQueue(Boolean(opts.json || parent.json));
      }),
    );
}

/** The options of a print (`motcua print --ticket 9 queue`) mean nothing to `print queue`: refused, not ignored. */
export function queueOptionsCheck(parent: PrintOptions): void {
  const given = PRINT_ONLY_OPTIONS.filter((k) => parent[k] !== undefined);
  if (given.length) throw failure('CLI_PRINT_QUEUE_OPTIONS', { given: given.map((k) => `--${k}`).join(', ') });
}

const PRINT_ONLY_OPTIONS = ['printer', 'ticket', 'service', 'pdf', 'form', 'dossier', 'layout'] as const;
/** How much of a refused value the message repeats (a 2,000-character value is not echoed whole). */
const ECHO_CHARS = 40;

/** A value as the error message repeats it: its first ECHO_CHARS characters, "…" when cut. */
export function echoValue(value: string): string {
  const chars = Array.from(value);
  return chars.length > ECHO_CHARS ? `${chars.slice(0, ECHO_CHARS).join('')}…` : value;
}

function failure(code: string, params: ErrorParams): CliFailure {
  return new CliFailure({ code, message: errorMessage(code, params), params }, exitCodeFor(code));
}

/** What the arguments ask for, checked without the core: a printer URI that parses, exactly one thing to print. */
export type PrintRequest =
  | { printer: string; what: 'ticket'; ticket: { number: string; service?: string; qr: string } }
  | { printer: string; what: 'pdf'; file: string }
  | { printer: string; what: 'form'; form: (typeof FORM_NAMES)[number]; dossier: string; layout?: (typeof LAYOUTS)[number] };

export function printRequest(opts: PrintOptions): PrintRequest {
  const request = requestShape(opts);
  // The URI's own check (native/printers/printer-uri.ts) throws PRINT_BAD_URI, as the core would; a pdf: folder
  // that is a file or has no parent is refused as the core refuses it (PRINT_BAD_FOLDER), before the core opens.
  const address = parsePrinterUri(request.printer);
  if (address.kind === 'pdf') checkPdfFolder(request.printer, address.dir);
  return request;
}

function requestShape(opts: PrintOptions): PrintRequest {
  const printer = opts.printer?.trim();
  if (!printer) throw failure('CLI_PRINT_NO_PRINTER', {});
  const given = (['ticket', 'pdf', 'form'] as const).filter((k) => opts[k] !== undefined);
  if (given.length !== 1) throw failure('CLI_PRINT_ONE_SOURCE', { given: given.length ? given.map((k) => `--${k}`).join(', ') : '-' });
  const only = (option: keyof PrintOptions, withOption: 'ticket' | 'form'): void => {
    if (opts[option] !== undefined && given[0] !== withOption) throw failure('CLI_PRINT_OPTION_ONLY_WITH', { option: `--${option}`, with: `--${withOption}` });
  };
  only('service', 'ticket');
  only('dossier', 'form');
  only('layout', 'form');
  const bad = (option: string, value: string, expected: string): CliFailure =>
    failure('CLI_PRINT_BAD_VALUE', { option, value: echoValue(value), expected: t(`cliPrint.expected.${expected}`) });
  if (given[0] === 'ticket') {
    const ticket = ticketInputSchema.safeParse({ number: opts.ticket, ...(opts.service !== undefined ? { service: opts.service } : {}) });
    if (!ticket.success) {
      const onService = ticket.error.issues.some((i) => i.path[0] === 'service');
      throw onService ? bad('--service', opts.service ?? '', 'service') : bad('--ticket', opts.ticket ?? '', 'ticket');
    }
    // The QR carries the ticket's id, the number as issued (ASCII by the schema): the queue service (next issue)
    // will give a URL to follow the queue by phone instead; a ticket without a QR cannot be scanned at the counter.
    const { number, service } = ticket.data;
    return { printer, what: 'ticket', ticket: { number, ...(service !== undefined ? { service } : {}), qr: number } };
  }
  if (given[0] === 'pdf') {
    if (!opts.pdf?.trim()) throw bad('--pdf', opts.pdf ?? '', 'pdf');
    return { printer, what: 'pdf', file: opts.pdf };
  }
  const form = FORM_NAMES.find((f) => f === opts.form);
  if (!form) throw bad('--form', opts.form ?? '', 'form');
  const dossier = opts.dossier?.trim();
  if (opts.dossier === undefined) throw failure('CLI_PRINT_DOSSIER_REQUIRED', { form });
  if (!dossier) throw bad('--dossier', opts.dossier, 'dossier');
  let layout: (typeof LAYOUTS)[number] | undefined;
  if (opts.layout !== undefined) {
    layout = LAYOUTS.find((l) => l === opts.layout);
    if (!layout) throw bad('--layout', opts.layout, 'layout');
  }
  return { printer, what: 'form', form, dossier, ...(layout ? { layout } : {}) };
}

/**
 * Reads the PDF the user named, refusing at once what no printer could take: an empty file, one too large for a
 * job, one that is no PDF. The print queue checks the document again (it is the rule for every adapter).
 */
export async function readPdfArgument(file: string): Promise<Buffer> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (e) {
    throw failure('CLI_PRINT_FILE_UNREADABLE', { file, detail: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
  }
  try {
    const { size } = await handle.stat();
    const refuse = (key: string, params: ErrorParams = {}): AppError => new AppError('PRINT_BAD_PDF', { detail: `${file}: ${t(`cliPrint.${key}`, params)}` });
    if (size === 0) throw refuse('pdfEmpty');
    if (size > MAX_PRINT_PDF_BYTES) throw refuse('pdfTooLarge', { size, max: MAX_PRINT_PDF_BYTES });
    const bytes = await handle.readFile();
    // The queue's own rule (it checks the document again, and loads it).
    if (!hasPdfHeader(bytes)) throw refuse('pdfNoHeader');
    return bytes;
  } catch (e) {
    if (e instanceof AppError || e instanceof CliFailure) throw e;
    throw failure('CLI_PRINT_FILE_UNREADABLE', { file, detail: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
  } finally {
    await handle.close();
  }
}

async function printWhat(s: CliSession, r: PrintRequest, pdf: Buffer | null): Promise<PrintWhat> {
  if (r.what === 'ticket') return { kind: 'ticket', ticket: r.ticket };
  if (r.what === 'pdf') return { kind: 'pdf', title: path.basename(r.file).slice(0, 200), contentBase64: (pdf ?? (await readPdfArgument(r.file))).toString('base64') };
  // The code (or a receipt's QR text) as the clerk has it; an unknown one is DOSSIER_NOT_FOUND, before any job exists.
  const dossier = await s.call('dossiers.lookup', { text: r.dossier });
  return { kind: 'form', form: r.form, dossierId: dossier.id, ...(r.layout ? { layout: r.layout } : {}) };
}

/** The job's outcome as an exit code: accepted 0; still waiting (printer unavailable, or for the clerk) 3; else 1. */
export function exitForJob(job: Pick<PrintJob, 'state'>): number {
  switch (job.state) {
    case 'printed':
      return EXIT_OK;
    case 'queued':
    case 'sending':
    case 'uncertain':
      return EXIT_DEVICE_UNAVAILABLE;
    default:
      return EXIT_FAILED;
  }
}

/**
 * One Vietnamese line on what became of the job. The queue's reason (job.error) already says what to do and whether
 * the job prints by itself; the line adds only what the reason cannot know (the job, the printer, where to answer).
 */
export function jobLine(job: PrintJob): string {
  const reason = job.error ? (/[.!?]$/.test(job.error.message.trim()) ? job.error.message.trim() : `${job.error.message.trim()}.`) : '';
  const params = { title: job.title, printer: job.printerUri, seq: job.seq, reason };
  switch (job.state) {
    case 'printed':
      return t('cliPrint.printed', params);
    case 'queued':
      return t(reason ? 'cliPrint.queued' : 'cliPrint.queuedNoReason', params);
    case 'sending':
      return t('cliPrint.sending', params);
    case 'uncertain':
      return t('cliPrint.uncertain', params);
    case 'cancelled':
      return t('cliPrint.cancelled', params);
    default:
      return t(reason ? 'cliPrint.failed' : 'cliPrint.failedNoReason', params);
  }
}

/** The plain-text line: with the job's code first when it did not print, as other commands say `Lỗi [CODE]: …`. */
export function plainLine(job: PrintJob): string {
  const line = jobLine(job);
  return job.state !== 'printed' && job.error ? `Lỗi [${job.error.code}]: ${line}` : line;
}

export async function printCommand(opts: PrintOptions): Promise<number> {
  const request = printRequest(opts);
  // A PDF the user named is read (and refused) before the core opens.
  const pdf = request.what === 'pdf' ? await readPdfArgument(request.file) : null;
  return withCore(async (s) => {
    const what = await printWhat(s, request, pdf);
    // copies 1: what the command prints is one (a counter's receipt copies are the app's, not the command's).
    const job = printJobSchema.parse(await s.call('printing.print', { what, printer: request.printer, copies: 1, wait: true }));
    const code = exitForJob(job);
    // stdout carries the result (the job with --json, else the line when it printed); a job that did not print
    // says why on stderr, with its code.
    if (opts.json) printJson(job);
    if (code !== EXIT_OK) process.stderr.write(`${plainLine(job)}\n`);
    else if (!opts.json) process.stdout.write(`${plainLine(job)}\n`);
    return code;
  });
}

const WAITING_LIMIT = 500;

async function printQueue(json: boolean): Promise<void> {
  // printing.jobs without states: the jobs waiting (queued, sending, uncertain), newest first.
  const r = await withCore((s) => s.call('printing.jobs', { limit: WAITING_LIMIT }));
  if (json) {
    printJson(r.jobs);
    return;
  }
  if (!r.jobs.length) process.stdout.write(`${t('cliPrint.queueEmpty')}\n`);
  for (const j of r.jobs) {
    const cols = [`#${j.seq}`, t(`cliPrint.state.${j.state}`), j.title, j.printerUri, j.error ? `${j.error.code}: ${j.error.message}` : ''];
    process.stdout.write(`${cols.join('\t').trimEnd()}\n`);
  }
}
