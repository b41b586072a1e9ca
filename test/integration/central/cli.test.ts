import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../../central/cli';
import { FsBlobStore } from '../../../central/blobs/fs-blob-store';
import { listChanges } from '../../../central/store/changes';
import { createPool } from '../../../central/store/db';
import { applyEvent } from '../../../central/store/dossiers';
import { createTestDatabase, dropTestDatabase, pgAvailable } from '../../helpers/postgres';
import { dossierEvent, newDossierId, sha256 } from './central-fixture';

const run = promisify(execFile);
const BIN = path.resolve('bin/central.mjs');

async function central(args: string[], env: Record<string, string | undefined>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, timeout: 60_000 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

describe.skipIf(!pgAvailable)('npm run central (bin/central.mjs)', () => {
  const blobDir = mkdtempSync(path.join(tmpdir(), 'central-cli-'));
  let databaseUrl = '';
  afterAll(async () => {
    if (databaseUrl) await dropTestDatabase(databaseUrl);
    rmSync(blobDir, { recursive: true, force: true });
  });

  it('serves, prints only the token, lists dossiers in the exact JSON shape, and needs CENTRAL_DATABASE_URL', async () => {
    const missing = await central(['token', '--counter', 'Q03'], { CENTRAL_DATABASE_URL: '' });
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toContain('CENTRAL_DATABASE_URL');

    databaseUrl = await createTestDatabase('central_cli');
    const env = { CENTRAL_DATABASE_URL: databaseUrl, CENTRAL_BLOB_DIR: blobDir };
    const server = spawn(process.execPath, [BIN, '--port', '0'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`no listening line: ${out}`)), 60_000);
        server.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /^listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
        server.once('exit', () => reject(new Error(`server exited: ${out}`)));
      });

      const token = await central(['token', '--counter', 'Q03'], env);
      expect(token.code).toBe(0);
      expect(token.stdout).toMatch(/^[A-Za-z0-9_-]{20,200}\n$/);
      const call = async (method: string, route: string, init: { token?: string; body?: unknown; raw?: Buffer; headers?: Record<string, string> }) => {
        const headers: Record<string, string> = { ...init.headers, ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) };
        const res = await fetch(url + route, { method, headers, body: (init.raw as unknown as BodyInit | undefined) ?? (init.body === undefined ? undefined : JSON.stringify(init.body)), signal: AbortSignal.timeout(20_000) });
        return { status: res.status, json: (await res.json()) as Record<string, unknown> };
      };
      const enrolled = await call('POST', '/v1/enrol', { body: { token: token.stdout.trim(), deviceName: 'pc', appVersion: '0.1.0' } });
      expect(enrolled.status).toBe(201);
      const device = enrolled.json.deviceToken as string;

      const page = randomBytes(1500);
      const up = await call('PATCH', `/v1/blobs/${sha256(page)}`, { token: device, raw: page, headers: { 'upload-offset': '0', 'upload-length': '1500' } });
      expect(up.json.complete).toBe(true);
      const id = newDossierId();
      expect((await call('PUT', `/v1/dossiers/${id}/events/1`, { token: device, body: dossierEvent('000.00.03.H29-261207-0009', 1, {}, id) })).status).toBe(200);
      const file = { ref: 'page:1', name: 'trang-1.jpg', itemCode: 'TP1', mediaType: 'image/jpeg', sha256: sha256(page), bytes: 1500 };
      expect((await call('PUT', `/v1/dossiers/${id}/events/2`, { token: device, body: dossierEvent('000.00.03.H29-261207-0009', 2, { kind: 'file', file }, id) })).status).toBe(200);

      const list = await central(['dossiers', '--json'], env);
      expect(list.code).toBe(0);
      expect(JSON.parse(list.stdout)).toEqual([
        { id, code: '000.00.03.H29-261207-0009', procedureCode: '1.001234', state: 'received', files: [{ name: 'trang-1.jpg', sha256: sha256(page), bytes: 1500 }] },
      ]);
    } finally {
      server.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });

  it('publishes results, supplement requests, catalogues and calendars (admin commands, in-process)', async () => {
    const url = await createTestDatabase('central_cli_admin');
    const db = createPool(url, 2);
    const saved = process.env.CENTRAL_DATABASE_URL;
    process.env.CENTRAL_DATABASE_URL = url;
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const cli = async (...args: string[]): Promise<number> => {
      process.exitCode = undefined;
      await main(['node', 'central', ...args]);
      const code = Number(process.exitCode ?? 0);
      process.exitCode = undefined;
      return code;
    };
    try {
      expect(await cli('migrate')).toBe(0);
      const id = newDossierId();
      await applyEvent(db, new FsBlobStore(blobDir), 'Q03', id, 1, dossierEvent('ADMIN-1', 1, {}, id));
      const cat = path.join(blobDir, 'catalogue.json');
      writeFileSync(cat, JSON.stringify({ version: 1, agencies: [{ code: 'Q03', name: 'UBND Quận 3' }], procedures: [] }));
      const cal = path.join(blobDir, 'calendar.json');
      writeFileSync(cal, JSON.stringify({ years: { '2027': { holidays: ['2027-01-01'], workdays: [] } } }));
      const notJson = path.join(blobDir, 'bad.json');
      writeFileSync(notJson, '[1, 2');

      expect(await cli('result', '--dossier', 'ADMIN-1', '--note', 'Có kết quả')).toBe(0);
      expect(await cli('supplement', '--dossier', 'ADMIN-1', '--reason', 'Thiếu giấy', '--items', 'TP1, TP2')).toBe(0);
      expect(await cli('catalogue', '--file', cat)).toBe(0);
      expect(await cli('calendar', '--file', cal)).toBe(0);
      expect(await cli('result', '--dossier', 'NO-SUCH')).toBe(2);
      expect(await cli('catalogue', '--file', notJson)).toBe(2);
      expect(await cli('token', '--counter', '9bad')).toBe(2);
      expect(await cli('supplement', '--dossier', 'ADMIN-1')).toBe(2);

      const q03 = (await listChanges(db, 'Q03', 0, 100)).changes;
      expect(q03.map((x) => [x.kind, x.data])).toEqual([
        ['result_ready', { note: 'Có kết quả' }],
        ['supplement_requested', { reason: 'Thiếu giấy', items: ['TP1', 'TP2'] }],
        ['catalogue', { version: 1, agencies: [{ code: 'Q03', name: 'UBND Quận 3' }], procedures: [] }],
        ['calendar', { years: { '2027': { holidays: ['2027-01-01'], workdays: [] } } }],
      ]);
      expect((await listChanges(db, 'Q05', 0, 100)).changes.map((x) => x.kind)).toEqual(['catalogue', 'calendar']);
    } finally {
      out.mockRestore();
      err.mockRestore();
      process.env.CENTRAL_DATABASE_URL = saved;
      await db.end();
      await dropTestDatabase(url);
    }
  });
});
