/** A folder of images as an ADF, on the real file system. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FolderBackend } from '../../../native/scanners/folder/folder-backend';
import { makePng } from '../../helpers/escl-server';
import { tempDir } from '../../helpers/temp';
import { drain } from '../../helpers/scan-pages';

const dirs: ReturnType<typeof tempDir>[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));

function folder(files: Record<string, Buffer | string>): string {
  const d = tempDir('motcua-folder-scan-');
  dirs.push(d);
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(d.dir, name), content);
  return d.dir;
}


const signal = () => new AbortController().signal;

describe('folder backend', () => {
  it('gives the images in name order (numbers as numbers), skipping other files', async () => {
    const dir = folder({ 'p10.png': makePng(10, 10, 300), 'p2.png': makePng(20, 20, 300), 'p1.PNG': makePng(30, 30, 200), 'notes.txt': 'x', '.hidden.png': makePng(5, 5, 300) });
    const { pages, error } = await drain(new FolderBackend().scan(dir, { source: 'adf' }, signal()));
    expect(error).toBeNull();
    expect(pages.map((p) => [p.index, p.widthPx, p.dpi])).toEqual([
      [1, 30, 200],
      [2, 20, 300],
      [3, 10, 300],
    ]);
  });

  it('stops at a zero-byte or corrupt file with SCAN_FAILED naming it, after the pages before it', async () => {
    const good = makePng(12, 12, 300);
    for (const [bad, content] of [
      ['p3.png', Buffer.alloc(0)],
      ['p3.jpg', Buffer.from('not a jpeg at all')],
      ['p3.png', good.subarray(0, good.length - 20)],
    ] as const) {
      const dir = folder({ 'p1.png': good, 'p2.png': good, [bad]: content, 'p4.png': good });
      const { pages, error } = await drain(new FolderBackend().scan(dir, { source: 'adf' }, signal()));
      expect(pages).toHaveLength(2);
      expect(error?.code).toBe('SCAN_FAILED');
      expect(error?.params.file).toBe(bad);
    }
  });

  it('an empty folder is an empty feeder; a missing one is a device gone; the flatbed takes one page', async () => {
    expect((await drain(new FolderBackend().scan(folder({}), { source: 'adf' }, signal()))).error?.code).toBe('SCAN_FEEDER_EMPTY');
    const gone = path.join(folder({}), 'removed');
    expect((await drain(new FolderBackend().scan(gone, { source: 'adf' }, signal()))).error?.code).toBe('SCAN_DEVICE_GONE');
    const dir = folder({ 'a.png': makePng(8, 8, 300), 'b.png': makePng(8, 8, 300) });
    expect((await drain(new FolderBackend().scan(dir, { source: 'flatbed' }, signal()))).pages).toHaveLength(1);
  });

  it('lists only the folders configured', async () => {
    const dir = folder({});
    mkdirSync(path.join(dir, 'inbox'));
    expect(await new FolderBackend().list()).toEqual([]);
    expect(await new FolderBackend({ folders: [path.join(dir, 'inbox')] }).list()).toEqual([{ uri: `folder:${path.join(dir, 'inbox')}`, name: 'inbox', kind: 'folder' }]);
  });
});
