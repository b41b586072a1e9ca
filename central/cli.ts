/**
 * `npm run central -- …` (bin/central.mjs): the reference central server and its admin commands.
 *   --port P [--host H]            migrate, then serve; prints `listening on http://HOST:PORT`; SIGTERM/SIGINT stop it
 *   token --counter ID [--ttl-hours N]   prints only a one-time enrolment token
 *   dossiers [--json]              [{"id","code","procedureCode","state","files":[{"name","sha256","bytes"}]}]
 *   migrate
 *   result --dossier CODE [--note TEXT]                       a result is ready (to that dossier's counter)
 *   supplement --dossier CODE --reason TEXT [--items a,b]     the agency asks for more papers
 *   catalogue --file F.json | calendar --file F.json          to every counter, the file's JSON as given, once the
 *                                  counters' own parsers accept it (else exit 2, each problem with its code)
 *   audit-clear --counter ID       ends a disputed audit head (recorded with when); prints {"counterId","cleared","lastId","lastHash"}
 * Environment: CENTRAL_DATABASE_URL (required), CENTRAL_BLOB_DIR (default central-data/blobs under the cwd).
 * Exit 0 done, 1 failed, 2 bad arguments or input (a missing CENTRAL_DATABASE_URL too).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { errorMessage } from '../core/i18n/translate';
import { CentralError } from './errors';
import { publishProblems, type PublishProblem } from './publish-check';
import { clearAuditDispute } from './store/audit-heads';
import { publishChange, publishDossierChange } from './store/changes';
import { createPool, type Db } from './store/db';
import { createEnrolToken, DEFAULT_ENROL_TTL_HOURS, normaliseCounterId } from './store/devices';
import { listDossiers } from './store/dossiers';
import { migrateCentral } from './store/migrate';

const EXIT_FAILED = 1;
const EXIT_USAGE = 2;
/** A catalogue can have thousands of bad rows: the first ones are enough to fix the file. */
const MAX_PROBLEMS_SHOWN = 20;

/** A failure the user fixes by changing the command or its input: exit 2. */
class UsageError extends Error {
  constructor(readonly code: string, readonly params: Record<string, string | number> = {}) {
    super(code);
  }
}

/** A file the counters' parsers refuse: each problem printed with its code, nothing published. */
class FileRejected extends UsageError {
  constructor(
    file: string,
    readonly problems: PublishProblem[],
  ) {
    super('CENTRAL_FILE_INVALID', { file, count: problems.length });
  }
}

const usage = (reason: string): UsageError => new UsageError('CENTRAL_CLI_BAD_OPTION', { reason });

function databaseUrl(): string {
  const url = process.env.CENTRAL_DATABASE_URL?.trim();
  if (!url) throw new UsageError('CENTRAL_DATABASE_URL_MISSING');
  return url;
}

/** Opens the database (migrated: an admin command on a fresh database works), runs fn, closes it. */
async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const db = createPool(databaseUrl(), 2);
  try {
    await migrateCentral(db);
    return await fn(db);
  } finally {
    await db.end();
  }
}

function intOption(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) throw usage(`${name} ${value} (${min}–${max})`);
  return Number(value);
}

async function readJsonObject(file: string): Promise<Record<string, unknown>> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    throw new UsageError('CENTRAL_FILE_UNREADABLE', { file, reason: (e as Error).message });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsageError('CENTRAL_FILE_UNREADABLE', { file, reason: 'not an object' });
  return value as Record<string, unknown>;
}

const print = (text: string): void => void process.stdout.write(`${text}\n`);

async function serve(opts: { port?: string; host?: string }): Promise<void> {
  const port = intOption(opts.port, '--port', 0, 65535);
  if (port === undefined) throw usage('--port P');
  // Loaded only to serve: the admin commands start faster without the HTTP layer.
  const { startCentralServer } = await import('./server/index');
  const server = await startCentralServer({
    databaseUrl: databaseUrl(),
    blobDir: path.resolve(process.env.CENTRAL_BLOB_DIR?.trim() || path.join('central-data', 'blobs')),
    port,
    host: opts.host ?? '127.0.0.1',
    logger: {
      info: (m) => void process.stderr.write(`${new Date().toISOString()} ${m}\n`),
      error: (m, e) => void process.stderr.write(`${new Date().toISOString()} ${m}: ${e instanceof Error ? (e.stack ?? e.message) : String(e ?? '')}\n`),
    },
  });
  print(`listening on ${server.url}`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      void server.close().then(resolve, resolve);
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
}

function buildProgram(): Command {
  // Set before the subcommands are added: they inherit it (a usage error then throws here instead of exiting).
  const program = new Command('central')
    .exitOverride()
    // Commander's own error text is replaced by ours (code and Vietnamese message, see main); help still prints.
    .configureOutput({ writeErr: () => {}, outputError: () => {} })
    .description('MotCua Desk — máy chủ trung tâm tham chiếu / reference central server')
    .option('--port <P>', 'cổng lắng nghe / port to listen on')
    .option('--host <H>', 'địa chỉ lắng nghe / address to listen on', '127.0.0.1')
    .action(serve);

  program
    .command('token')
    .description('cấp mã đăng ký dùng một lần cho một quầy / one-time enrolment token for a counter')
    .requiredOption('--counter <ID>', 'mã quầy / counter id (e.g. Q03)')
    .option('--ttl-hours <N>', 'hiệu lực (giờ) / valid for (hours)', String(DEFAULT_ENROL_TTL_HOURS))
    .action(async (o: { counter: string; ttlHours: string }) => {
      const ttl = intOption(o.ttlHours, '--ttl-hours', 1, 24 * 365)!;
      print(await withDb((db) => createEnrolToken(db, o.counter, ttl)));
    });

  program
    .command('dossiers')
    .description('hồ sơ đã nhận / dossiers received')
    .option('--json', 'JSON')
    .action(async (o: { json?: boolean }) => {
      const list = await withDb(listDossiers);
      if (o.json) print(JSON.stringify(list));
      else for (const d of list) print(`${d.code}\t${d.procedureCode}\t${d.state}\t${d.files.length}`);
    });

  program
    .command('migrate')
    .description('cập nhật cấu trúc cơ sở dữ liệu / apply database migrations')
    .action(async () => {
      const db = createPool(databaseUrl(), 1);
      try {
        for (const m of await migrateCentral(db)) print(m);
      } finally {
        await db.end();
      }
    });

  program
    .command('result')
    .description('báo có kết quả cho quầy / a result is ready')
    .requiredOption('--dossier <CODE>', 'mã hồ sơ / dossier code')
    .option('--note <TEXT>')
    .action(async (o: { dossier: string; note?: string }) => {
      print(String(await withDb((db) => publishDossierChange(db, 'result_ready', o.dossier, o.note === undefined ? {} : { note: o.note }))));
    });

  program
    .command('supplement')
    .description('yêu cầu bổ sung hồ sơ / the agency asks for more papers')
    .requiredOption('--dossier <CODE>', 'mã hồ sơ / dossier code')
    .requiredOption('--reason <TEXT>')
    .option('--items <a,b>')
    .action(async (o: { dossier: string; reason: string; items?: string }) => {
      const items = o.items?.split(',').map((s) => s.trim()).filter(Boolean);
      print(String(await withDb((db) => publishDossierChange(db, 'supplement_requested', o.dossier, { reason: o.reason, ...(items ? { items } : {}) }))));
    });

  program
    .command('audit-clear')
    .description('gỡ trạng thái tranh chấp nhật ký của một quầy (có ghi lại) / clear a disputed audit head (recorded)')
    .requiredOption('--counter <ID>', 'mã quầy / counter id')
    .action(async (o: { counter: string }) => {
      const counterId = normaliseCounterId(o.counter);
      const r = await withDb((db) => clearAuditDispute(db, counterId));
      print(JSON.stringify({ counterId, cleared: r.cleared, lastId: r.kept?.lastId ?? null, lastHash: r.kept?.lastHash ?? null }));
    });

  for (const kind of ['catalogue', 'calendar'] as const) {
    program
      .command(kind)
      .description(kind === 'catalogue' ? 'gửi danh mục cho mọi quầy / publish a catalogue' : 'gửi lịch làm việc cho mọi quầy / publish a calendar')
      .requiredOption('--file <F.json>')
      .action(async (o: { file: string }) => {
        const data = await readJsonObject(o.file);
        const problems = publishProblems(kind, data);
        if (problems.length > 0) throw new FileRejected(o.file, problems);
        print(String(await withDb((db) => publishChange(db, { kind, counterId: null, data }))));
      });
  }
  return program;
}

/** Like the counter's CLI (core/adapters/cli/runtime.ts printFailure): Vietnamese message first, then the stable code. */
const printError = (code: string, params: Record<string, string | number> = {}): void => void process.stderr.write(`Lỗi [${code}]: ${errorMessage(code, params)}\n`);

/** PostgreSQL or the network refusing us: the database URL or the server is wrong, not this program. */
const DATABASE_ERRORS = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', '28P01', '28000', '3D000']);

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version exit 0; anything else is a bad command line (unknown option, missing value …).
      if (e.exitCode !== 0 && e.code !== 'commander.helpDisplayed' && e.code !== 'commander.help') {
        printError('CENTRAL_CLI_BAD_OPTION', { reason: e.message.replace(/^error:\s*/, '') });
      }
      process.exitCode = e.exitCode === 0 ? 0 : EXIT_USAGE;
      return;
    }
    if (e instanceof UsageError || (e instanceof CentralError && e.status < 500)) {
      printError(e.code, e.params);
      if (e instanceof FileRejected) {
        const shown = e.problems.slice(0, MAX_PROBLEMS_SHOWN);
        for (const p of shown) process.stderr.write(`Lỗi [${p.code}]: ${errorMessage(p.code, p.params)}${p.where ? ` (${p.where})` : ''}\n`);
        if (e.problems.length > shown.length) process.stderr.write(`… (+${e.problems.length - shown.length})\n`);
      }
      process.exitCode = EXIT_USAGE;
      return;
    }
    const err = e as { code?: string; message?: string };
    if (typeof err.code === 'string' && DATABASE_ERRORS.has(err.code)) {
      printError('CENTRAL_DATABASE_UNREACHABLE', { reason: err.message ?? err.code });
    } else if (err.code === 'EADDRINUSE') {
      printError('CENTRAL_PORT_IN_USE', { reason: err.message ?? err.code });
    } else {
      printError('INTERNAL');
      process.stderr.write(`${err.message ?? String(e)}\n`);
    }
    process.exitCode = EXIT_FAILED;
  }
}
