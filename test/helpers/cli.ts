import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { REPO } from './temp';

const run = promisify(execFile);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `motcua` bin on a data directory; never throws for a non-zero exit. */
export async function motcua(dataDir: string, args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  try {
    const r = await run(process.execPath, [path.join(REPO, 'bin', 'motcua.mjs'), ...args], {
      env: { ...process.env, MOTCUA_DATA_DIR: dataDir, ...env },
      cwd: REPO,
      timeout: 60_000,
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

let inProcessTurn: Promise<unknown> = Promise.resolve();

/**
 * Runs the program the bin runs (main() of core/adapters/cli/main.ts) in this test process, with the same data
 * directory, arguments and environment, and returns what the process would: its exit code, stdout and stderr.
 * For tests about what commands answer (exit codes, messages), not about the process itself: a spawn costs ~2 s of
 * module loading. Calls take turns (stdout, stderr, exitCode and the environment are the process's own).
 */
export function motcuaInProcess(dataDir: string, args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  const turn = inProcessTurn.then(() => runInProcess(dataDir, args, env));
  inProcessTurn = turn.catch(() => undefined);
  return turn;
}

async function runInProcess(dataDir: string, args: string[], env: Record<string, string>): Promise<CliResult> {
  const { main } = await import('../../core/adapters/cli/main');
  const vars = { ...env, MOTCUA_DATA_DIR: dataDir };
  const savedEnv = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  const savedExitCode = process.exitCode;
  const out = { stdout: '', stderr: '' };
  const capture = (stream: 'stdout' | 'stderr') =>
    ((chunk: string | Uint8Array, encoding?: BufferEncoding | ((e?: Error | null) => void), cb?: (e?: Error | null) => void): boolean => {
      out[stream] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString(typeof encoding === 'string' ? encoding : 'utf8');
      (typeof encoding === 'function' ? encoding : cb)?.();
      return true;
    }) as typeof process.stdout.write;
  const writes = { stdout: process.stdout.write, stderr: process.stderr.write };
  Object.assign(process.env, vars);
  process.exitCode = undefined;
  process.stdout.write = capture('stdout');
  process.stderr.write = capture('stderr');
  try {
    await main([process.execPath, path.join(REPO, 'bin', 'motcua.mjs'), ...args]);
    const code = process.exitCode;
    return { code: typeof code === 'number' ? code : Number(code ?? 0), ...out };
  } finally {
    process.stdout.write = writes.stdout;
    process.stderr.write = writes.stderr;
    process.exitCode = savedExitCode;
    for (const [k, v] of Object.entries(savedEnv)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
