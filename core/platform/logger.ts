/**
 * Structured JSON-lines log in <data>/logs with size-based rotation (motcua.log, motcua.1.log, ...).
 * Writes are synchronous appends: a log line written before a crash is on disk, which is what logs are for.
 */
import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

export interface FileLoggerOptions {
  dir: string;
  level?: LogLevel;
  maxBytes?: number;
  keep?: number;
  /** Also echo warnings and errors to stderr (CLI, web mode). */
  echo?: boolean;
  baseName?: string;
}

function serialiseError(e: unknown): unknown {
  if (e instanceof Error) {
    const extra = e as Error & { code?: unknown; params?: unknown };
    return { name: e.name, message: e.message, code: extra.code, params: extra.params, stack: e.stack };
  }
  return e;
}

export class FileLogger implements Logger {
  private readonly file: string;
  private readonly level: LogLevel;
  private readonly maxBytes: number;
  private readonly keep: number;
  private size: number;

  constructor(private readonly opts: FileLoggerOptions, private readonly bound: Record<string, unknown> = {}) {
    mkdirSync(opts.dir, { recursive: true });
    this.file = path.join(opts.dir, `${opts.baseName ?? 'motcua'}.log`);
    this.level = opts.level ?? 'info';
    this.maxBytes = opts.maxBytes ?? 5 * 1024 * 1024;
    this.keep = opts.keep ?? 5;
    this.size = existsSync(this.file) ? statSync(this.file).size : 0;
  }

  get path(): string {
    return this.file;
  }

  private rotate(): void {
    const name = (i: number) => path.join(this.opts.dir, `${this.opts.baseName ?? 'motcua'}.${i}.log`);
    rmSync(name(this.keep), { force: true });
    for (let i = this.keep - 1; i >= 1; i--) if (existsSync(name(i))) renameSync(name(i), name(i + 1));
    if (existsSync(this.file)) renameSync(this.file, name(1));
    this.size = 0;
  }

  private write(level: LogLevel, msg: string, fields: Record<string, unknown> = {}): void {
    if (ORDER[level] < ORDER[this.level]) return;
    const record: Record<string, unknown> = { t: new Date().toISOString(), level, msg, pid: process.pid, ...this.bound };
    for (const [k, v] of Object.entries(fields)) record[k] = k === 'err' || v instanceof Error ? serialiseError(v) : v;
    let line: string;
    try {
      line = JSON.stringify(record) + '\n';
    } catch {
      line = JSON.stringify({ t: record.t, level, msg, note: 'fields not serialisable' }) + '\n';
    }
    try {
      if (this.size + line.length > this.maxBytes) this.rotate();
      appendFileSync(this.file, line);
      this.size += Buffer.byteLength(line);
    } catch (e) {
      // A full disk must not take the app down with it; say it on stderr instead.
      process.stderr.write(`log write failed: ${(e as Error).message}\n${line}`);
    }
    if (this.opts.echo && ORDER[level] >= ORDER.warn) process.stderr.write(line);
  }

  debug(msg: string, f?: Record<string, unknown>): void { this.write('debug', msg, f); }
  info(msg: string, f?: Record<string, unknown>): void { this.write('info', msg, f); }
  warn(msg: string, f?: Record<string, unknown>): void { this.write('warn', msg, f); }
  error(msg: string, f?: Record<string, unknown>): void { this.write('error', msg, f); }
  child(fields: Record<string, unknown>): Logger {
    return new FileLogger(this.opts, { ...this.bound, ...fields });
  }
}

/** Uncaught exceptions and unhandled rejections are logged with context, never silent. */
export function installProcessHandlers(logger: Logger, context: Record<string, unknown>): void {
  process.on('uncaughtException', (err, origin) => {
    logger.error('uncaught exception', { err, origin, ...context });
    // State after an uncaught exception is unknown; SQLite keeps every committed write, so stop cleanly.
    process.exitCode = 70;
    setImmediate(() => process.exit(70));
  });
  process.on('unhandledRejection', (reason) => {
    logger.error('unhandled rejection', { err: reason, ...context });
  });
}
