/**
 * Marks that say "this process is working here" (a scan batch's lock, a core's run mark), and whether the process a
 * mark names is still the one that wrote it. A pid alone is not enough after a power cut: once the counter reboots,
 * another program may get the same pid. So a mark also records when this machine booted (to the minute); a mark
 * from before the last boot names a process that is gone, whatever now holds its pid.
 */
import os from 'node:os';

/** When this machine booted, in minutes since the epoch. */
export function bootMinute(): number {
  return Math.round((Date.now() - os.uptime() * 1000) / 60_000);
}

/** The text of a mark for this process. */
export function processMark(pid: number = process.pid): string {
  return `${pid} ${bootMinute()}\n`;
}

export interface ProcessMark {
  pid: number;
  /** Undefined in marks written before boots were recorded (then only the pid is checked). */
  boot?: number;
}

export function parseProcessMark(text: string): ProcessMark | null {
  const [p, b] = text.trim().split(/\s+/);
  const pid = Number(p);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  const boot = b === undefined ? undefined : Number(b);
  return boot === undefined || !Number.isFinite(boot) ? { pid } : { pid, boot };
}

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as { code?: string }).code === 'EPERM';
  }
}

/** Whether the process a mark names is still running: its pid is alive and the machine has not rebooted since. */
export function markAlive(mark: ProcessMark, alive: (pid: number) => boolean = pidAlive): boolean {
  // A minute of slack: uptime and the clock are read at different instants.
  if (mark.boot !== undefined && Math.abs(mark.boot - bootMinute()) > 1) return false;
  return alive(mark.pid);
}
