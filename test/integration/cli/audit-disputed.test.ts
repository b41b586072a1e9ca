/**
 * `motcua audit verify --central` when the central marks this counter's head disputed (a conflicting or older head
 * was sent; until a central admin clears it): a failure (exit 1) with AUDIT_HEAD_DISPUTED, though the local log
 * still holds the kept row. The peer is a small stand-in speaking the protocol's two routes used here.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../core/app';
import { motcuaInProcess } from '../../helpers/cli';
import { TEST_HASH_COST, withAdmin } from '../../helpers/core';
import { tempDir } from '../../helpers/temp';

describe('audit verify --central with a disputed head', () => {
  const data = tempDir('motcua-audit-disputed-');
  let server: http.Server;
  let url = '';
  let kept: { lastId: number; lastHash: string } = { lastId: 0, lastHash: '' };

  beforeAll(async () => {
    const core = await createCore({ dataDir: data.dir, logLevel: 'warn', authPolicy: { hashCost: TEST_HASH_COST } });
    try {
      await withAdmin(core);
      const r = core.db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string };
      kept = { lastId: r.id, lastHash: r.hash };
    } finally {
      await core.close();
    }
    server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.setHeader('content-type', 'application/json');
        if (req.method === 'POST' && req.url === '/v1/enrol') {
          res.statusCode = 201;
          res.end(JSON.stringify({ counterId: 'Q06', deviceId: 'dev-1', deviceToken: 'device-token-1', serverId: 'peer' }));
        } else if (req.method === 'GET' && req.url === '/v1/audit-head') {
          res.end(JSON.stringify({ ...kept, at: '2026-12-07T00:00:00Z', disputed: true }));
        } else {
          res.statusCode = 404;
          res.end(JSON.stringify({ code: 'NOT_FOUND', message: 'Không có.' }));
        }
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    data.cleanup();
  });

  it('exits 1 with AUDIT_HEAD_DISPUTED and says so in Vietnamese', async () => {
    expect((await motcuaInProcess(data.dir, ['sync', 'enrol', '--central', url, '--token', 'token-12345678'])).code).toBe(0);
    const r = await motcuaInProcess(data.dir, ['audit', 'verify', '--central', '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { ok: boolean; central: { code: string; message: string; lastId: number } };
    expect(report.ok).toBe(false);
    expect(report.central).toMatchObject({ code: 'AUDIT_HEAD_DISPUTED', lastId: kept.lastId });
    expect(report.central.message).toMatch(/tranh chấp/);
  });
});
