import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

interface StartModule {
  electronBinaryPath(root: string): string | null;
  isStale(outputs: string[], sources: string[]): boolean;
}
// Imported by URL: scripts/start.mjs is plain JavaScript run by node, without type declarations.
const startUrl = new URL('../../../scripts/start.mjs', import.meta.url).href;
const load = async (): Promise<StartModule> => (await import(startUrl)) as StartModule;

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'motcua-start-'));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

describe('scripts/start.mjs', () => {
  it('finds no Electron binary when the package has no path.txt (this machine)', async () => {
    const { electronBinaryPath } = await load();
    mkdirSync(path.join(tmp, 'node_modules', 'electron'), { recursive: true });
    expect(electronBinaryPath(tmp)).toBeNull();
  });

  it('finds no binary when path.txt points at a missing file, and finds it when present', async () => {
    const { electronBinaryPath } = await load();
    const pkg = path.join(tmp, 'node_modules', 'electron');
    mkdirSync(path.join(pkg, 'dist'), { recursive: true });
    writeFileSync(path.join(pkg, 'path.txt'), 'electron');
    expect(electronBinaryPath(tmp)).toBeNull();
    writeFileSync(path.join(pkg, 'dist', 'electron'), '');
    expect(electronBinaryPath(tmp)).toBe(path.join(pkg, 'dist', 'electron'));
  });

  it('rebuilds when an output is missing or older than a source', async () => {
    const { isStale } = await load();
    const src = path.join(tmp, 'src');
    mkdirSync(src);
    writeFileSync(path.join(src, 'a.ts'), 'x');
    const out = path.join(tmp, 'out.js');
    expect(isStale([out], [src])).toBe(true);
    writeFileSync(out, 'y');
    const past = new Date(Date.now() - 60_000);
    utimesSync(path.join(src, 'a.ts'), past, past);
    expect(isStale([out], [src])).toBe(false);
    const future = new Date(Date.now() + 60_000);
    utimesSync(path.join(src, 'a.ts'), future, future);
    expect(isStale([out], [src])).toBe(true);
  });
});
