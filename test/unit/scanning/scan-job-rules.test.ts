/**
 * Small rules of scan jobs: the job status from the device's stop code, the batch settings a continued batch reuses,
 * the separator column read back, and batch locks (which process is working on a batch: recovery takes over only
 * those whose process is gone).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BatchLocks } from '../../../core/services/scanning/batch-locks';
import { parseSeparator } from '../../../core/services/scanning/batch-rows';
import { parseBatchSettings, statusOfCode } from '../../../core/services/scanning/scan-job';
import { tempDir } from '../../helpers/temp';

const tmp = tempDir('motcua-scan-locks-');
afterAll(() => tmp.cleanup());

describe('scan job rules', () => {
  it('names the job status after the code that stopped the device', () => {
    expect(statusOfCode(null)).toBe('completed');
    expect(statusOfCode('SCAN_JAMMED')).toBe('jammed');
    expect(statusOfCode('SCAN_FEEDER_EMPTY')).toBe('empty');
    expect(statusOfCode('SCAN_COVER_OPEN')).toBe('cover_open');
    expect(statusOfCode('SCAN_BUSY')).toBe('busy');
    expect(statusOfCode('SCAN_DEVICE_GONE')).toBe('gone');
    expect(statusOfCode('SCAN_CANCELLED')).toBe('cancelled');
    expect(statusOfCode('SCAN_FAILED')).toBe('failed');
    expect(statusOfCode('DISK_FULL')).toBe('failed');
  });

  it('reads back the batch settings, with defaults for what an old or damaged row lacks', () => {
    expect(parseBatchSettings(JSON.stringify({ source: 'adf-duplex', color: 'bw', dpi: 200, separators: false }))).toEqual({ source: 'adf-duplex', color: 'bw', dpi: 200, separators: false });
    expect(parseBatchSettings('{}')).toEqual({ source: 'adf', color: 'gray', separators: true });
    expect(parseBatchSettings('not json')).toEqual({ source: 'adf', color: 'gray', separators: true });
  });

  it('reads the separator column as the page store writes it (the mark as JSON), and a bare Patch-T text', () => {
    expect(parseSeparator(JSON.stringify({ kind: 'item', itemCode: 'TP2', text: 'MOTCUA-ITEM:TP2' }))).toEqual({ kind: 'item', itemCode: 'TP2', text: 'MOTCUA-ITEM:TP2' });
    expect(parseSeparator('PATCHT')).toEqual({ kind: 'patch-t', text: 'PATCHT' });
    expect(parseSeparator(null)).toBeNull();
    expect(parseSeparator('{"kind":"other"}')).toBeNull();
  });
});

describe('batch locks', () => {
  const locks = new BatchLocks(tmp.dir);
  const lockFile = (id: string) => path.join(locks.dir, `${id}.pid`);

  it('a batch held by another live process is left alone; one held by a process that is gone is not', () => {
    // A live process that is not us: our parent (the test runner).
    writeFileSync(lockFile('live'), String(process.ppid));
    expect(locks.heldElsewhere('live')).toBe(true);
    // A process that has exited (its pid is free again).
    const gone = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid!;
    writeFileSync(lockFile('gone'), String(gone));
    expect(locks.heldElsewhere('gone')).toBe(false);
    // Our own lock is not "elsewhere".
    locks.take('ours');
    expect(locks.heldElsewhere('ours')).toBe(false);
    writeFileSync(lockFile('junk'), 'not a pid');
    expect(locks.heldElsewhere('junk')).toBe(false);
  });

  it('sweep removes the locks of processes that are gone and keeps live ones (ours too)', () => {
    locks.sweep();
    expect(readdirSync(locks.dir).sort()).toEqual(['live.pid', 'ours.pid']);
    locks.release('ours');
    expect(existsSync(lockFile('ours'))).toBe(false);
  });

  it('keeps a batch id that is not a plain name out of the path', () => {
    locks.take('../../etc/x');
    expect(readdirSync(locks.dir).filter((n) => n.includes('etc'))).toEqual(['______etc_x.pid']);
    locks.release('../../etc/x');
  });
});
