import { describe, expect, it } from 'vitest';
import { bootMinute, markAlive, parseProcessMark, processMark } from '../../../core/platform/process-marks';

describe('process marks (scan batch locks, core run marks)', () => {
  it('a mark of this process, written now, names a live process', () => {
    const mark = parseProcessMark(processMark());
    expect(mark).toEqual({ pid: process.pid, boot: bootMinute() });
    expect(markAlive(mark!)).toBe(true);
  });

  it('a mark from before the last reboot names a process that is gone, even when its pid is alive now', () => {
    const beforeReboot = parseProcessMark(`${process.pid} ${bootMinute() - 90}\n`)!;
    expect(markAlive(beforeReboot)).toBe(false);
    expect(markAlive(beforeReboot, () => true)).toBe(false);
  });

  it('reads marks written before boots were recorded (pid only), and refuses garbage', () => {
    expect(parseProcessMark('4242\n')).toEqual({ pid: 4242 });
    expect(markAlive({ pid: 4242 }, (pid) => pid === 4242)).toBe(true);
    expect(markAlive({ pid: 4242 }, () => false)).toBe(false);
    expect(parseProcessMark('')).toBeNull();
    expect(parseProcessMark('-3 1')).toBeNull();
    expect(parseProcessMark('abc')).toBeNull();
  });
});
