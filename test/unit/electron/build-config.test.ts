import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import config from '../../../electron.vite.config';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

type Section = { build?: { outDir?: string; externalizeDeps?: unknown; rolldownOptions?: { input?: Record<string, string>; output?: { format?: string; entryFileNames?: string } } } };
const c = config as { main?: Section; preload?: Section; renderer?: unknown };

describe('electron.vite.config.ts', () => {
  it('builds main and the core host as two main-process entries', () => {
    const input = c.main?.build?.rolldownOptions?.input ?? {};
    expect(path.relative(repo, input.index ?? '')).toBe(path.join('electron', 'main', 'index.ts'));
    expect(path.relative(repo, input['core-host'] ?? '')).toBe(path.join('electron', 'utility', 'core-host.ts'));
    expect(path.relative(repo, c.main?.build?.outDir ?? '')).toBe(path.join('out', 'main'));
    expect(c.main?.build?.rolldownOptions?.output?.entryFileNames).toBe('[name].js');
    expect(c.main?.build?.externalizeDeps).toBe(true);
  });

  it('builds the preload as CommonJS index.cjs with everything bundled', () => {
    const b = c.preload?.build;
    expect(path.relative(repo, b?.rolldownOptions?.input?.index ?? '')).toBe(path.join('electron', 'preload', 'index.ts'));
    expect(b?.rolldownOptions?.output).toEqual({ format: 'cjs', entryFileNames: '[name].cjs' });
    expect(path.relative(repo, b?.outDir ?? '')).toBe(path.join('out', 'preload'));
    expect(b?.externalizeDeps).toBe(false);
  });

  it('has no renderer section (plain vite builds out/renderer)', () => {
    expect(c.renderer).toBeUndefined();
  });
});
