/**
 * Every `motcua` command (even --help) loads the CLI's modules: they must not pull in the database driver, the
 * HTTP client or the core at load time. Walks the static (non-type) imports from the CLI's entry point.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
// Modules only a command's action may load (dynamic import): native driver, the whole core, the sync transport.
const HEAVY = ['better-sqlite3', 'core/store/database.ts', 'core/app.ts', 'core/services/sync/central-client.ts', 'core/services/sync/enrolment.ts'];

function staticImports(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  const out: string[] = [];
  const re = /^\s*(?:import|export)\s+(type\s+)?(?:[\s\S]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
  for (let m = re.exec(src); m; m = re.exec(src)) if (!m[1]) out.push(m[2]!);
  return out;
}

function resolve(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return spec;
  const base = path.resolve(path.dirname(from), spec);
  for (const f of [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), base]) if (existsSync(f) && f.match(/\.tsx?$/)) return f;
  return null;
}

/** The chain of files from the entry to `target`, or null when it is not reached. */
function chainTo(entry: string, isTarget: (m: string) => boolean): string[] | null {
  const seen = new Map<string, string | null>([[entry, null]]);
  const queue = [entry];
  while (queue.length) {
    const file = queue.shift()!;
    for (const spec of staticImports(file)) {
      const r = resolve(file, spec);
      if (!r || seen.has(r)) continue;
      seen.set(r, file);
      const rel = path.isAbsolute(r) ? path.relative(ROOT, r).split(path.sep).join('/') : r;
      if (isTarget(rel)) {
        const chain = [rel];
        for (let f: string | null | undefined = file; f; f = seen.get(f)) chain.unshift(path.relative(ROOT, f).split(path.sep).join('/'));
        return chain;
      }
      if (path.isAbsolute(r)) queue.push(r);
    }
  }
  return null;
}

it('the CLI (main.ts and every command module) loads no database driver, core or sync transport at load time', () => {
  const chain = chainTo(path.join(ROOT, 'core/adapters/cli/main.ts'), (m) => HEAVY.includes(m));
  expect(chain).toBeNull();
});
