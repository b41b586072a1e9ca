import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

function files(dir: string, exts: RegExp): string[] {
  let out: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out = out.concat(files(p, exts));
    else if (exts.test(name)) out.push(p);
  }
  return out;
}

/** Runtime imports of electron (type-only imports are erased and fine). */
function runtimeElectronImports(source: string): string[] {
  const hits: string[] = [];
  const re = /^\s*(import|export)\s+(type\s+)?[^'";]*?from\s+['"](electron(?:\/[a-z]+)?)['"]|require\(\s*['"](electron(?:\/[a-z]+)?)['"]\s*\)|import\(\s*['"](electron(?:\/[a-z]+)?)['"]\s*\)|^\s*import\s+['"](electron(?:\/[a-z]+)?)['"]/gm;
  for (const m of source.matchAll(re)) {
    if (m[2]) continue;
    hits.push(m[0].trim());
  }
  return hits;
}

describe('who may import electron at run time', () => {
  it('the scanner sees value imports and ignores type imports', () => {
    expect(runtimeElectronImports("import { app } from 'electron';")).toHaveLength(1);
    expect(runtimeElectronImports("import type { App } from 'electron';")).toHaveLength(0);
    expect(runtimeElectronImports("const e = require('electron');")).toHaveLength(1);
    expect(runtimeElectronImports("await import('electron')")).toHaveLength(1);
  });

  it('nothing outside electron/ does (core, renderer, native, scripts, bin)', () => {
    const offenders: string[] = [];
    for (const dir of ['core', 'renderer', 'native', 'scripts', 'bin']) {
      for (const f of files(path.join(repo, dir), /\.(ts|tsx|mts|cts|js|mjs|cjs)$/)) {
        if (runtimeElectronImports(readFileSync(f, 'utf8')).length) offenders.push(path.relative(repo, f));
      }
    }
    expect(offenders).toEqual([]);
  });

  it('inside electron/, only the Electron wiring files do; the tested logic stays plain Node', () => {
    const wiring = new Set(['main/index.ts', 'main/windows.ts', 'main/ipc.ts', 'main/harden.ts', 'preload/index.ts'].map((p) => path.join('electron', p)));
    const importing = files(path.join(repo, 'electron'), /\.ts$/)
      .filter((f) => runtimeElectronImports(readFileSync(f, 'utf8')).length > 0)
      .map((f) => path.relative(repo, f));
    expect(importing.filter((f) => !wiring.has(f))).toEqual([]);
    // The utility process may not import electron at all (it uses process.parentPort).
    expect(importing.some((f) => f.startsWith(path.join('electron', 'utility')))).toBe(false);
  });

  it('every BrowserWindow gets the shared secure webPreferences', () => {
    const src = readFileSync(path.join(repo, 'electron', 'main', 'windows.ts'), 'utf8');
    const windows = src.match(/new BrowserWindow\(/g)?.length ?? 0;
    expect(windows).toBeGreaterThan(0);
    expect(src.match(/webPreferences: webPreferences\(env\)/g)?.length).toBe(windows);
    expect(src).toMatch(/secureWebPreferences\(/);
  });
});
