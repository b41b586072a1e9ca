import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { latestVersion } from '../../../core/store/migrate';
import { REPO, tempDir } from '../../helpers/temp';

const run = promisify(execFile);
const WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'first-start.ts');
const PROCESSES = 6;

const dirs: (() => void)[] = [];
afterEach(() => dirs.splice(0).forEach((c) => c()));

/** PROCESSES workers that start the core on the same new data folder at the same instant. */
async function raceOnNewFolder(): Promise<{ dir: string; results: { code: number; out: string }[] }> {
  const t = tempDir();
  dirs.push(t.cleanup);
  const startAt = Date.now() + 4_000; // after every worker has loaded its modules
  const results = await Promise.all(
    Array.from({ length: PROCESSES }, () =>
      run(process.execPath, ['--import', 'tsx', WORKER, t.dir, String(startAt)], { cwd: REPO, timeout: 60_000, env: { ...process.env, MOTCUA_SEED_SAMPLE: '1' } }).then(
        (r) => ({ code: 0, out: r.stdout + r.stderr }),
        (e: { code?: number; stdout?: string; stderr?: string }) => ({ code: typeof e.code === 'number' ? e.code : -1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` }),
      ),
    ),
  );
  return { dir: t.dir, results };
}

describe('processes starting together on a new data folder', () => {
  it('all start; the schema is migrated and the sample catalogue stored exactly once', async () => {
    for (let round = 0; round < 2; round++) {
      const { dir, results } = await raceOnNewFolder();
      expect(results, JSON.stringify(results)).toEqual(Array.from({ length: PROCESSES }, () => ({ code: 0, out: `ok ${latestVersion()}\n` })));
      const db = new Database(path.join(dir, 'motcua.sqlite'), { readonly: true });
      expect(db.prepare("SELECT COUNT(*) FROM audit_log WHERE action = 'catalogue.import'").pluck().get()).toBe(1);
      expect(db.prepare('SELECT COUNT(*) FROM agencies').pluck().get()).toBeGreaterThan(0);
      expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
      db.close();
    }
  });
});
