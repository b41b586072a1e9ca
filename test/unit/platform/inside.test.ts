import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveInside } from '../../../core/adapters/web/static-files';
import { isInside, realInside, realInsideSync } from '../../../core/platform/inside';

describe('isInside (lexical)', () => {
  it('counts the folder itself and anything under it', () => {
    expect(isInside('/data', '/data')).toBe(true);
    expect(isInside('/data', '/data/')).toBe(true);
    expect(isInside('/data', '/data/files/a.pdf')).toBe(true);
    expect(isInside('/data/', '/data/a')).toBe(true);
  });

  it('refuses a sibling whose name starts with the folder name', () => {
    expect(isInside('/data', '/data2')).toBe(false);
    expect(isInside('/data', '/data2/a.pdf')).toBe(false);
    expect(isInside('/data', '/data-old/a.pdf')).toBe(false);
  });

  it('refuses ".." out of the folder, however it is spelled', () => {
    expect(isInside('/data', '/data/..')).toBe(false);
    expect(isInside('/data', '/data/../etc/passwd')).toBe(false);
    expect(isInside('/data', '/data/files/../../data2/x')).toBe(false);
    expect(isInside('/data/files', '/data')).toBe(false);
    // ".." that comes back inside is inside: the check is on where the path lands.
    expect(isInside('/data', '/data/files/../a.pdf')).toBe(true);
  });

  it('a name that merely starts with ".." is a file inside, not a way out', () => {
    expect(isInside('/data', '/data/..notes')).toBe(true);
    expect(isInside('/data', '/data/...')).toBe(true);
    // Web mode's static server used to answer 400 for such a file (its copy refused any ".." prefix).
    const webRoot = path.resolve('/srv/renderer');
    expect(resolveInside(webRoot, '/..chunk.js')).toBe(path.join(webRoot, '..chunk.js'));
    expect(resolveInside(webRoot, '/assets/%2e%2e/%2e%2e/x.js')).toBe(path.join(webRoot, 'x.js'));
  });

  it('refuses absolute paths elsewhere and the filesystem root', () => {
    expect(isInside('/data', '/etc/passwd')).toBe(false);
    expect(isInside('/data', '/')).toBe(false);
    expect(isInside('/', '/etc/passwd')).toBe(true);
  });

  it('resolves relative paths against the working directory', () => {
    expect(isInside('.', 'a/b')).toBe(true);
    expect(isInside('a', 'a/../b')).toBe(false);
  });

  it('Windows: another drive root is outside (path.relative answers an absolute path there)', () => {
    const w = path.win32;
    expect(isInside('C:\\data', 'C:\\data\\files\\a.pdf', w)).toBe(true);
    expect(isInside('C:\\data', 'c:\\DATA\\a.pdf', w)).toBe(true); // drive letters and names are case-insensitive
    expect(isInside('C:\\data', 'D:\\data\\a.pdf', w)).toBe(false);
    expect(isInside('C:\\', 'D:\\', w)).toBe(false);
    expect(isInside('C:\\data', 'C:\\data2\\a.pdf', w)).toBe(false);
    expect(isInside('C:\\data', 'C:\\data\\..\\x', w)).toBe(false);
    expect(isInside('C:\\data', 'C:\\data\\..notes', w)).toBe(true);
  });
});

describe('realInside / realInsideSync (symlinks resolved on both sides)', () => {
  let dir: string;
  let root: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-inside-'));
    root = path.join(dir, 'data');
    mkdirSync(path.join(root, 'files'), { recursive: true });
    mkdirSync(path.join(dir, 'data2'));
    writeFileSync(path.join(root, 'files', 'a.pdf'), 'a');
    writeFileSync(path.join(dir, 'data2', 'secret.txt'), 's');
    writeFileSync(path.join(dir, 'outside.txt'), 'o');
    symlinkSync(path.join(dir, 'outside.txt'), path.join(root, 'link-out.txt'));
    symlinkSync(path.join(dir, 'data2'), path.join(root, 'dir-out'));
    symlinkSync(path.join(root, 'files', 'a.pdf'), path.join(root, 'link-in.pdf'));
    // The root reached through a link: its real path is what counts.
    symlinkSync(root, path.join(dir, 'data-link'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers the real paths of a file inside', async () => {
    const want = { root: realInsideSync(root, root)!.root, path: realInsideSync(root, path.join(root, 'files', 'a.pdf'))!.path };
    expect(want.path.endsWith(path.join('data', 'files', 'a.pdf'))).toBe(true);
    await expect(realInside(root, path.join(root, 'files', 'a.pdf'))).resolves.toEqual(want);
    // A link that stays inside resolves to its target.
    expect(realInsideSync(root, path.join(root, 'link-in.pdf'))).toEqual(want);
  });

  it('refuses a symlink out of the folder, to a file or to a sibling folder with the same prefix', async () => {
    await expect(realInside(root, path.join(root, 'link-out.txt'))).resolves.toBeNull();
    await expect(realInside(root, path.join(root, 'dir-out', 'secret.txt'))).resolves.toBeNull();
    expect(realInsideSync(root, path.join(root, 'link-out.txt'))).toBeNull();
    expect(realInsideSync(root, path.join(root, 'dir-out', 'secret.txt'))).toBeNull();
    // Lexically these look inside; only the real paths tell.
    expect(isInside(root, path.join(root, 'dir-out', 'secret.txt'))).toBe(true);
  });

  it('resolves a symlinked root too', async () => {
    const viaLink = path.join(dir, 'data-link');
    await expect(realInside(viaLink, path.join(root, 'files', 'a.pdf'))).resolves.not.toBeNull();
    expect(realInsideSync(root, path.join(viaLink, 'files', 'a.pdf'))).not.toBeNull();
    expect(realInsideSync(viaLink, path.join(dir, 'outside.txt'))).toBeNull();
  });

  it('throws when the root or the candidate does not exist', async () => {
    await expect(realInside(root, path.join(root, 'missing.pdf'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(() => realInsideSync(path.join(dir, 'nope'), path.join(root, 'files', 'a.pdf'))).toThrow(/ENOENT/);
  });
});
