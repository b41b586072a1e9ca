/** Page files: a batch id is a folder name and cannot leave the scans folder; each write is a new, complete file. */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PageFiles } from '../../../core/services/documents/page-files';
import { tempDir } from '../../helpers/temp';

const dirs: (() => void)[] = [];
afterEach(() => dirs.splice(0).forEach((c) => c()));

describe('page files', () => {
  it('refuses batch ids that are not a plain folder name', () => {
    for (const bad of ['..', '../x', 'a/b', 'a\\b', '', '.hidden', 'x'.repeat(101), 'a b', 'C:x']) {
      expect(() => PageFiles.checkBatchId(bad), bad).toThrow('PAGE_BAD_BATCH_ID');
    }
    for (const good of ['b1', '3f2a9c1e-1d2b-4c5d-8e9f-001122334455', 'batch_7']) expect(() => PageFiles.checkBatchId(good)).not.toThrow();
  });

  it('writes each file under scans/<batch>/ with a new name, creating the folders, never over another file', () => {
    const t = tempDir();
    dirs.push(t.cleanup);
    const files = new PageFiles(t.dir);
    const a = files.name('b1', 7, 'raw', 'image/png');
    const b = files.name('b1', 7, 'raw', 'image/png');
    expect(a).toMatch(/^scans\/b1\/0007-[0-9a-f]{8}\.raw\.png$/);
    expect(b).not.toBe(a);
    expect(files.name('b1', 7, 'image', 'image/tiff')).toMatch(/^scans\/b1\/0007-[0-9a-f]{8}\.tif$/);
    const w = files.write(a, Buffer.from('page'));
    expect(w).toEqual({ rel: a, bytes: 4, sha256: createHash('sha256').update('page').digest('hex') });
    expect(readFileSync(path.join(t.dir, 'scans', 'b1', path.basename(a)), 'utf8')).toBe('page');
    expect(() => files.write(a, Buffer.from('other'))).toThrow();
    expect(readFileSync(files.abs(a), 'utf8')).toBe('page');
    expect(readdirSync(path.join(t.dir, 'scans'))).toEqual(['b1']);
  });
});
