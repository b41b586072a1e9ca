/**
 * CUPS through its command-line clients (Linux and macOS ship the same `lp` and `lpstat`): no maintained IPP client
 * on npm covers job submission, queue state and destination listing together, and the clients read the user's CUPS
 * configuration (server, default printer, credentials) exactly as every other program on the machine does.
 * Arguments go as an array (no shell); LC_ALL=C keeps the output in the English the parsers read.
 */
import { spawn } from 'node:child_process';

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The program was not found (ENOENT). */
  missing: boolean;
  /** Killed after the time bound. */
  timedOut: boolean;
  /** Every byte of stdin was taken by the program. */
  inputTaken: boolean;
}

export interface RunOptions {
  input?: Uint8Array;
  timeoutMs: number;
  env?: NodeJS.ProcessEnv;
}

/** Runs a program to its end, bounded in time, feeding it `input` on stdin. Never rejects. */
export function runProgram(program: string, args: readonly string[], o: RunOptions): Promise<RunResult> {
  return new Promise((resolve) => {
    const env = { ...(o.env ?? process.env), LC_ALL: 'C', LANG: 'C' };
    const child = spawn(program, args, { env, stdio: [o.input ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let inputTaken = o.input === undefined;
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout = (stdout + d).slice(-1_000_000)));
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr = (stderr + d).slice(-65_536)));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, o.timeoutMs);
    let settled = false;
    const done = (r: Omit<RunResult, 'stdout' | 'stderr' | 'timedOut' | 'inputTaken'>): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...r, stdout, stderr, timedOut, inputTaken });
    };
    child.on('error', (e: NodeJS.ErrnoException) => done({ code: null, missing: e.code === 'ENOENT' }));
    child.on('close', (code) => done({ code, missing: false }));
    if (o.input && child.stdin) {
      child.stdin.on('error', () => undefined); // EPIPE: the program exited without reading; its exit says why
      child.stdin.end(Buffer.from(o.input.buffer, o.input.byteOffset, o.input.length), () => (inputTaken = true));
    }
  });
}

export type QueueState = { found: false } | { found: true; enabled: boolean; accepting: boolean; reason: string | null };

/** `lpstat -p NAME -a NAME` output (LC_ALL=C) for one queue. */
export function parseQueueState(name: string, stdout: string): QueueState {
  const lines = stdout.split('\n');
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const printerLine = lines.findIndex((l) => new RegExp(`^printer ${esc} `).test(l));
  if (printerLine < 0) return { found: false };
  const line = lines[printerLine]!;
  const enabled = !/^printer \S+ disabled/.test(line);
  const accepting = !lines.some((l) => new RegExp(`^${esc} not accepting requests`).test(l));
  // The reason CUPS keeps (e.g. "Paused", "Rejecting Jobs") is on the indented line after.
  const next = lines[printerLine + 1];
  const reason = next !== undefined && /^\s+\S/.test(next) ? next.trim() : null;
  return { found: true, enabled, accepting, reason };
}

/** The job id from lp's "request id is NAME-42 (1 file(s))". */
export function parseRequestId(stdout: string): string | null {
  return /request id is (\S+)/.exec(stdout)?.[1] ?? null;
}

/** Destinations from `lpstat -v` ("device for NAME: URI"); the device URI is kept as a detail. */
export function parseDevices(stdout: string): Array<{ name: string; device: string }> {
  const out: Array<{ name: string; device: string }> = [];
  for (const line of stdout.split('\n')) {
    const m = /^device for (\S+): (.*)$/.exec(line.trim());
    if (m) out.push({ name: m[1]!, device: m[2]!.trim() });
  }
  return out;
}

/** Names from `lpstat -e` (one destination per line; classes and instances "NAME/inst" included). */
export function parseDestinations(stdout: string): string[] {
  return stdout
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^lpstat:/.test(l));
}

/** lp's complaint about a destination that does not exist (CUPS 2.x wording, and older "Unknown destination"). */
export function isUnknownDestination(stderr: string): boolean {
  return /does not exist|Unknown destination|Invalid destination name/i.test(stderr);
}

/** The scheduler cannot be reached (not running, socket refused, remote server down). */
export function isSchedulerDown(stderr: string): boolean {
  return /scheduler is not running|Unable to connect to server|Bad file descriptor|Connection refused|No such file or directory/i.test(stderr);
}
