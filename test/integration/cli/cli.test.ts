import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { motcua as runMotcua } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

let data: ReturnType<typeof tempDir>;
const motcua = (args: string[]) => runMotcua(data.dir, args, { MOTCUA_PASSWORD: 'mat-khau-123' });

beforeAll(() => {
  data = tempDir();
});
afterAll(() => data.cleanup());

describe('motcua CLI', () => {
  it('--help lists the commands', async () => {
    const r = await motcua(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['serve', 'backup', 'audit', 'user']) expect(r.stdout).toMatch(new RegExp(`^\\s+${c}\\b`, 'm'));
  });

  it('backup yields a database that opens and holds the same rows', async () => {
    for (const u of ['an', 'binh', 'chi']) {
      const r = await motcua(['user', 'add', '--username', `clerk.${u}`, '--name', `Cán bộ ${u}`, '--role', 'clerk']);
      expect(r.code, r.stderr).toBe(0);
    }
    const out = path.join(data.dir, 'copies', 'backup.sqlite');
    const r = await motcua(['backup', '--out', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).path).toBe(out);
    const live = new Database(path.join(data.dir, 'motcua.sqlite'), { readonly: true });
    const copy = new Database(out, { readonly: true });
    for (const table of ['users', 'audit_log', 'settings']) {
      expect(copy.prepare(`SELECT * FROM ${table} ORDER BY 1`).all()).toEqual(live.prepare(`SELECT * FROM ${table} ORDER BY 1`).all());
    }
    expect(copy.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
    live.close();
    copy.close();
  });

  it('audit verify passes, then fails naming the row after a hand edit', async () => {
    const ok = await motcua(['audit', 'verify']);
    expect(ok.code, ok.stderr).toBe(0);
    const db = new Database(path.join(data.dir, 'motcua.sqlite'));
    db.prepare("UPDATE audit_log SET actor = 'user:mallory#1' WHERE id = 2").run();
    db.close();
    const bad = await motcua(['audit', 'verify']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/dòng 2\b/);
    const json = await motcua(['audit', 'verify', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, firstBadId: 2 });
  });

  it('reports bad arguments with exit code 2 and a Vietnamese message', async () => {
    const r = await motcua(['user', 'add', '--username', 'x', '--name', 'X', '--role', 'emperor']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Lỗi \[RPC_INVALID_INPUT\]/);
    const unknown = await motcua(['no-such-command']);
    expect(unknown.code).toBe(2);
  });
});
