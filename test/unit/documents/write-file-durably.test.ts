/** A PDF is written whole or not at all: a failed write leaves neither a temporary file nor a partial target. */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileDurably } from '../../../core/services/documents/durable-files';
import { tempDir } from '../../helpers/temp';

const tmp = tempDir('motcua-durable-');
afterAll(() => tmp.cleanup());

describe('writeFileDurably', () => {
  it('replaces the target with the new bytes and leaves nothing else', () => {
    const file = path.join(tmp.dir, 'a.pdf');
    writeFileSync(file, 'old');
    writeFileDurably(file, new TextEncoder().encode('new bytes'));
    expect(readFileSync(file, 'utf8')).toBe('new bytes');
    expect(readdirSync(tmp.dir)).toEqual(['a.pdf']);
  });

  it('removes its temporary file when the rename fails (the target is a folder)', () => {
    const dir = path.join(tmp.dir, 'sub');
    mkdirSync(path.join(dir, 'taken.pdf', 'inside'), { recursive: true });
    expect(() => writeFileDurably(path.join(dir, 'taken.pdf'), new Uint8Array([1, 2, 3]))).toThrow();
    expect(readdirSync(dir)).toEqual(['taken.pdf']);
  });
});
