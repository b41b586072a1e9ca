/**
 * One reference central server per test file: a fresh PostgreSQL database (test/helpers/postgres.ts), a blob folder
 * in the OS temp dir, the server in-process on 127.0.0.1, and small helpers to enrol counters and call the API.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DossierEvent } from '../../../core/contract/central-api';
import { startCentralServer, type CentralServer, type ServerLimits } from '../../../central/server/index';
import { createPool, type Db } from '../../../central/store/db';
import { createEnrolToken } from '../../../central/store/devices';
import { createTestDatabase, dropTestDatabase } from '../../helpers/postgres';

export interface Reply {
  status: number;
  json: Record<string, unknown>;
}

export interface TestCentral {
  server: CentralServer;
  url: string;
  databaseUrl: string;
  blobDir: string;
  db: Db;
  /** Enrols a counter; returns its device token. */
  enrolCounter(counterId: string): Promise<string>;
  call(method: string, route: string, opts?: { token?: string; body?: unknown; raw?: Uint8Array; headers?: Record<string, string> }): Promise<Reply>;
  close(): Promise<void>;
}

export async function startTestCentral(limits?: ServerLimits): Promise<TestCentral> {
  const databaseUrl = await createTestDatabase('central');
  const blobDir = mkdtempSync(path.join(tmpdir(), 'central-blobs-'));
  const server = await startCentralServer({ databaseUrl, blobDir, port: 0, limits });
  const db = createPool(databaseUrl, 4);
  const call: TestCentral['call'] = async (method, route, opts = {}) => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: BodyInit | undefined;
    if (opts.raw) {
      headers['content-type'] = 'application/offset+octet-stream';
      body = Buffer.from(opts.raw.buffer, opts.raw.byteOffset, opts.raw.byteLength) as unknown as BodyInit;
    } else if (opts.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
    }
    const res = await fetch(server.url + route, { method, headers, body, signal: AbortSignal.timeout(20_000) });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };
  return {
    server,
    url: server.url,
    databaseUrl,
    blobDir,
    db,
    call,
    async enrolCounter(counterId) {
      const token = await createEnrolToken(db, counterId);
      const r = await call('POST', '/v1/enrol', { body: { token, deviceName: `pc-${counterId}`, appVersion: '0.1.0' } });
      if (r.status !== 201) throw new Error(`enrol ${counterId}: ${r.status} ${JSON.stringify(r.json)}`);
      return r.json.deviceToken as string;
    },
    async close() {
      await server.close();
      await db.end();
      await dropTestDatabase(databaseUrl);
      rmSync(blobDir, { recursive: true, force: true });
    },
  };
}

export const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/** A valid event of a dossier: `code` is its MaHoSo. */
export function dossierEvent(code: string, seq: number, overrides: Partial<DossierEvent> = {}, dossierId = 'x'): DossierEvent {
  return {
    idempotencyKey: `${dossierId}:${seq}`,
    kind: 'transition',
    at: '2026-12-07T03:00:00.000Z',
    state: 'received',
    data: {},
    dossier: {
      MaHoSo: code,
      MaTTHC: '1.001234',
      TenTTHC: 'Đăng ký khai sinh',
      ChuHoSo: 'Nguyễn Văn A',
      LoaiDoiTuong: '1',
      NgayTiepNhan: '20261207100000',
      NgayHenTra: '20261210170000',
      TrangThaiHoSo: '2',
      HinhThuc: '0',
      DonViXuLy: 'UBND Quận 3',
      MaDonVi: 'Q03',
      TaiLieuNop: [],
      DanhSachLePhi: [],
      ThanhPhanHoSo: [],
      BienLai: [],
    },
    ...overrides,
  };
}

export const newDossierId = (): string => randomUUID();

/** Uploads bytes whole in one PATCH. */
export async function uploadWhole(c: TestCentral, token: string, bytes: Uint8Array): Promise<Reply> {
  return c.call('PATCH', `/v1/blobs/${sha256(bytes)}`, { token, raw: bytes, headers: { 'upload-offset': '0', 'upload-length': String(bytes.length) } });
}
