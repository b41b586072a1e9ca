/**
 * Messages from main to the core's utility process: the core's HostRequest, plus a shutdown request that only
 * this Electron layer uses (the core host closes the database and exits).
 */
import type { LogLevel } from '../../core/platform/logger';
import type { HostRequest } from '../../core/rpc/host-protocol';

export interface HostShutdown {
  type: 'shutdown';
}
export type MainToHost = HostRequest | HostShutdown;

/** Command-line flags main passes to the utility process. */
export interface HostArgs {
  dataDir: string;
  resourcesDir: string | undefined;
  logLevel: LogLevel | undefined;
}

const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

export function parseLogLevel(value: string | undefined): LogLevel | undefined {
  return LOG_LEVELS.find((l) => l === value);
}

export function hostArgv(args: HostArgs): string[] {
  const argv = [`--data-dir=${args.dataDir}`];
  if (args.resourcesDir !== undefined) argv.push(`--resources-dir=${args.resourcesDir}`);
  if (args.logLevel !== undefined) argv.push(`--log-level=${args.logLevel}`);
  return argv;
}

/** Reads the flags back; returns null when --data-dir is missing (the host cannot start without it). */
export function parseHostArgv(argv: readonly string[]): HostArgs | null {
  const value = (name: string): string | undefined => {
    const prefix = `--${name}=`;
    const hit = argv.find((a) => a.startsWith(prefix));
    const v = hit?.slice(prefix.length);
    return v === undefined || v === '' ? undefined : v;
  };
  const dataDir = value('data-dir');
  if (dataDir === undefined) return null;
  return { dataDir, resourcesDir: value('resources-dir'), logLevel: parseLogLevel(value('log-level')) };
}
