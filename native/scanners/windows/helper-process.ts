/**
 * Running a Windows scanning helper (powershell.exe with the WIA script, NAPS2.Console.exe): the command line is
 * quoted here and passed verbatim (command-lines.ts), stdout is read line by line as pages finish, stderr is kept
 * for the message, and a cancel kills the helper. spawn is injectable: tests replay recorded helper output.
 */
import { spawn as nodeSpawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createInterface } from 'node:readline';
import { quoteWindowsArg, windowsCommandLine } from './command-lines';

export type SpawnFn = (command: string, args: readonly string[], options: SpawnOptions) => ChildProcess;

export const defaultSpawn: SpawnFn = (command, args, options) => nodeSpawn(command, args, options);

export interface HelperRun {
  /** stdout, one line at a time, as the helper prints them. */
  lines: AsyncIterable<string>;
  /** Resolves when the helper is gone: its exit code, or the error that kept it from starting. */
  ended: Promise<{ code: number | null; spawnError: NodeJS.ErrnoException | null }>;
  /** The last 64 KiB of stderr. */
  stderr(): string;
  /** Ends the helper if it still runs (a cancel, a consumer that stopped reading). */
  stop(): void;
}

export function startHelper(spawnFn: SpawnFn, program: string, args: readonly string[], env?: NodeJS.ProcessEnv): HelperRun {
  const child = spawnFn(program, [windowsCommandLine(args)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    windowsHide: true,
    // Quoted by us for CommandLineToArgvW; argv0 too, or a program under "C:\Program Files" would split.
    windowsVerbatimArguments: true,
    argv0: quoteWindowsArg(program),
    ...(env ? { env } : {}),
  });
  const ended = new Promise<{ code: number | null; spawnError: NodeJS.ErrnoException | null }>((resolve) => {
    let spawnError: NodeJS.ErrnoException | null = null;
    child.on('error', (e: NodeJS.ErrnoException) => {
      spawnError = e;
      if (child.pid === undefined) resolve({ code: null, spawnError });
    });
    child.on('close', (code) => resolve({ code, spawnError }));
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr = (stderr + d).slice(-65_536)));
  const lines = child.stdout ? createInterface({ input: child.stdout, crlfDelay: Infinity }) : (async function* () {})();
  return {
    lines,
    ended,
    stderr: () => stderr,
    stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill();
    },
  };
}

/** Runs a helper to the end within `timeoutMs`; stdout whole. A helper that does not answer in time is killed. */
export async function runHelper(
  spawnFn: SpawnFn,
  program: string,
  args: readonly string[],
  opts: { timeoutMs: number; signal?: AbortSignal; env?: NodeJS.ProcessEnv },
): Promise<{ code: number | null; spawnError: NodeJS.ErrnoException | null; stdout: string[]; stderr: string; timedOut: boolean }> {
  const run = startHelper(spawnFn, program, args, opts.env);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    run.stop();
  }, opts.timeoutMs);
  const onAbort = (): void => run.stop();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  const stdout: string[] = [];
  try {
    const reading = (async () => {
      for await (const l of run.lines) stdout.push(l);
    })();
    const [ended] = await Promise.all([run.ended, reading]);
    return { ...ended, stdout, stderr: run.stderr(), timedOut };
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
  }
}
