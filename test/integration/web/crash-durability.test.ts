import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../core/store/database';
import { AuditLog } from '../../../core/services/audit/audit-log';
import { tempDir } from '../../helpers/temp';
import { startWebMode } from '../../helpers/web-mode';
import { RpcClient } from '../../helpers/ws-client';

const data = tempDir();
afterAll(() => data.cleanup());

describe('kill -9 during a burst of writes', () => {
  it('loses nothing that was acknowledged, and the audit chain stays valid', async () => {
    const web = await startWebMode({ dataDir: data.dir, requireRenderer: false });
    const client = await RpcClient.open(web.url);
    expect((await client.call('auth.setupAdmin', { username: 'admin', displayName: 'Quản trị', password: 'mat-khau-123' })).ok).toBe(true);

    // Each write is one audited settings.set: its audit row carries the value, so every acknowledged one is findable.
    const acked: string[] = [];
    const total = 2000;
    let killed = false;
    let died: Promise<NodeJS.Signals | null> | null = null;
    const calls: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const value = `Nguyễn Thị Hồng Nhung ${i}`;
      calls.push(
        client.call('settings.set', { key: 'forms.place', value }).then((r) => {
          if (r.ok) acked.push(value);
          if (acked.length === 150 && !killed) {
            killed = true;
            died = web.kill('SIGKILL');
          }
        }),
      );
    }
    while (!died) await new Promise((r) => setTimeout(r, 10));
    expect(await died).toBe('SIGKILL');
    expect(acked.length).toBeGreaterThanOrEqual(150);
    expect(acked.length).toBeLessThan(total);

    const file = path.join(data.dir, 'motcua.sqlite');
    const raw = new Database(file);
    expect(raw.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
    raw.close();
    const { db } = openDatabase(file);
    const written = db.prepare("SELECT data FROM audit_log WHERE action = 'settings.set' AND entity_id = 'forms.place'").pluck().all() as string[];
    const have = new Set(written.map((d) => (JSON.parse(d) as { value: string }).value));
    const lost = acked.filter((k) => !have.has(k));
    expect(lost).toEqual([]);
    expect(new AuditLog(db, () => new Date()).verify()).toMatchObject({ ok: true });
    db.close();
    client.ws.terminate();
    void calls;
  });
});
