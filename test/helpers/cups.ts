/**
 * CUPS with the cups-pdf backend as the tests' A4 printer (issue #16): a real scheduler, a real queue, and the PDF it
 * "printed" read back. ensureCupsQueue() starts cupsd when `lpstat -r` says it is not running (root only: the
 * scheduler is a system daemon), adds the queue with lpadmin when missing, and says where cups-pdf writes (the
 * `Out` line of /etc/cups/cups-pdf.conf, ${HOME} being the job owner's home: the user running the tests).
 * Without cups, cups-pdf or root the tests skip, saying why; under CI=true that throws instead (.ci/run installs
 * and starts them).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkTools, isCi, MissingToolError, onPath } from './tools';

const CUPSD = '/usr/sbin/cupsd';
const CUPS_PDF_BACKEND = '/usr/lib/cups/backend/cups-pdf';
const CUPS_PDF_CONF = '/etc/cups/cups-pdf.conf';
/** The PPD Debian's cups-pdf ships, by model name (lpinfo -m) and by file. */
const CUPS_PDF_MODEL = 'lsb/usr/cups-pdf/CUPS-PDF_opt.ppd';
const CUPS_PDF_PPD = '/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd';

export interface CupsSetup {
  skip: boolean;
  reason: string;
  /** The queue's name (system:<queue>). */
  queue: string;
  /** Where cups-pdf writes this user's jobs. */
  outDir: string;
}

function run(cmd: string, args: string[]): { code: number | null; out: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C', LANG: 'C' }, timeout: 15_000 });
  return { code: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

function skipOrThrow(queue: string, reason: string): CupsSetup {
  if (isCi()) throw new MissingToolError(`CI=true but CUPS cannot be used: ${reason}; .ci/run installs cups printer-driver-cups-pdf and starts cupsd`);
  console.warn(`SKIPPED tests needing CUPS: ${reason}`);
  return { skip: true, reason, queue, outDir: '' };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function schedulerRunning(): Promise<boolean> {
  return /scheduler is running/.test(run('lpstat', ['-r']).out);
}

/** cups-pdf's output folder for the current user (Out, with ${HOME} and ${USER} expanded as cups-pdf does). */
export function cupsPdfOutDir(): string {
  const user = os.userInfo();
  let out = '/var/spool/cups-pdf/${USER}';
  if (existsSync(CUPS_PDF_CONF)) {
    const line = readFileSync(CUPS_PDF_CONF, 'utf8')
      .split('\n')
      .find((l) => /^\s*Out\s+\S/.test(l));
    if (line) out = line.trim().replace(/^Out\s+/, '');
  }
  return out.replace(/\$\{HOME\}/g, user.homedir).replace(/\$\{USER\}/g, user.username);
}

/** A cups-pdf queue named `queue`, enabled and accepting, with cupsd running; or a skip (CI: a throw). */
export async function ensureCupsQueue(queue = 'motcua-test'): Promise<CupsSetup> {
  const tools = checkTools(['lp', 'lpstat', 'lpadmin', 'cupsenable', 'cupsaccept'], { isInstalled: (t, env) => onPath(t, env) });
  if (tools.skip) return skipOrThrow(queue, tools.reason);
  if (!existsSync(CUPSD)) return skipOrThrow(queue, 'missing cupsd (apt-get install -y cups)');
  if (!existsSync(CUPS_PDF_BACKEND)) return skipOrThrow(queue, 'missing the cups-pdf backend (apt-get install -y printer-driver-cups-pdf)');
  if (!(await schedulerRunning())) {
    if (process.getuid?.() !== 0) return skipOrThrow(queue, 'the CUPS scheduler is not running and only root can start it');
    // cupsd puts itself in the background; the scheduler answers once it has read its configuration.
    run(CUPSD, []);
    for (let i = 0; i < 50 && !(await schedulerRunning()); i += 1) await sleep(200);
    if (!(await schedulerRunning())) return skipOrThrow(queue, `${CUPSD} did not start`);
  }
  if (run('lpstat', ['-p', queue]).code !== 0) {
    let r = run('lpadmin', ['-p', queue, '-v', 'cups-pdf:/', '-E', '-m', CUPS_PDF_MODEL]);
    if (r.code !== 0 && existsSync(CUPS_PDF_PPD)) r = run('lpadmin', ['-p', queue, '-v', 'cups-pdf:/', '-E', '-P', CUPS_PDF_PPD]);
    if (r.code !== 0) return skipOrThrow(queue, `lpadmin could not add the queue: ${r.out.trim()}`);
  }
  // PDF → PostScript with poppler's cairo renderer: its fonts keep their Unicode mapping through cups-pdf's
  // Ghostscript, so pdftotext reads Vietnamese back (the default, Ghostscript, turns it into private-use glyphs).
  run('lpadmin', ['-p', queue, '-o', 'pdftops-renderer-default=pdftocairo']);
  run('cupsenable', [queue]);
  run('cupsaccept', [queue]);
  return { skip: false, reason: '', queue, outDir: cupsPdfOutDir() };
}

/** Removes a queue the tests added (a paused or rejecting one must not linger for the next run). */
export function removeCupsQueue(queue: string): void {
  run('lpadmin', ['-x', queue]);
}

/** Runs a CUPS admin command (cupsdisable, cupsreject …) on a queue. */
export function cupsAdmin(command: 'cupsenable' | 'cupsdisable' | 'cupsaccept' | 'cupsreject', queue: string): void {
  const r = run(command, [queue]);
  if (r.code !== 0) throw new Error(`${command} ${queue}: ${r.out}`);
}

/**
 * The PDF cups-pdf wrote for a job whose title contains `token` (ASCII letters and digits: cups-pdf keeps them in the
 * file name), once its size has stopped changing. Polls every 200 ms, at most `timeoutMs`.
 */
export async function findCupsPdf(outDir: string, token: string, timeoutMs = 30_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  let lastSize = -1;
  while (Date.now() < until) {
    const name = existsSync(outDir) ? readdirSync(outDir).find((n) => n.includes(token) && n.endsWith('.pdf')) : undefined;
    if (name !== undefined) {
      const file = path.join(outDir, name);
      const size = statSync(file).size;
      if (size > 0 && size === lastSize) return file;
      lastSize = size;
    }
    await sleep(200);
  }
  throw new Error(`cups-pdf wrote no PDF containing "${token}" in ${outDir} within ${timeoutMs} ms`);
}
