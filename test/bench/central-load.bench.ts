/**
 * The reference central server under load (issue #17): 50 counters push at once over loopback, each through the
 * counter's own HTTP client (core/services/sync/central-client.ts) with its own device token: per dossier one file
 * (resumable upload, verified by SHA-256), the receipt event naming it, then a transition event. Bounded in count
 * (CENTRAL_LOAD_COUNTERS × CENTRAL_LOAD_DOSSIERS) and in time (CENTRAL_LOAD_SECONDS: no new dossier after it).
 * Figures: p50/p95/max latency per request kind and overall, errors by code, requests per second, and whether the
 * server holds exactly what was acknowledged.
 * Run: npx tsx test/bench/central-load.bench.ts (or npm run bench).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createEnrolToken } from '../../central/store/devices';
import type { DossierEvent } from '../../core/contract/central-api';
import { createCentralClient, type CallOutcome, type ClosableCentralClient } from '../../core/services/sync/central-client';
import { tempDir } from '../helpers/temp';
import { envNumber as num, percentile, withBenchDatabase } from './bench-postgres';
import { startCentralProcess } from './central-process';

const COUNTERS = num('CENTRAL_LOAD_COUNTERS', 50);
const DOSSIERS = num('CENTRAL_LOAD_DOSSIERS', 20);
const FILE_BYTES = num('CENTRAL_LOAD_FILE_BYTES', 50_000);
const SECONDS = num('CENTRAL_LOAD_SECONDS', 120);

type Kind = 'upload' | 'event' | 'lookup';

interface LoadResult {
  latencies: Map<Kind, number[]>;
  errors: Map<string, number>;
  dossiersDone: number;
  requests: number;
  seconds: number;
  heldDossiers: number;
  heldEvents: number;
}

function dvcqg(code: string, file: { name: string; sha256: string; bytes: number }, state: string): DossierEvent['dossier'] {
  return {
    MaHoSo: code,
    MaTTHC: '1.004873',
    TenTTHC: 'Cấp giấy xác nhận tình trạng hôn nhân',
    ChuHoSo: 'Nguyễn Thị Huỳnh',
    LoaiDoiTuong: '1',
    NgayTiepNhan: '20261124093000',
    NgayHenTra: '20261127170000',
    TrangThaiHoSo: state === 'received' ? '2' : '3',
    HinhThuc: '0',
    DonViXuLy: 'UBND phường',
    MaDonVi: '000.27.10.H12',
    TaiLieuNop: [{ TenTepDinhKem: file.name, MaThanhPhanHoSo: 'TP1', TepDinhKemId: 'doc:1', sha256: file.sha256, bytes: file.bytes }],
    DanhSachLePhi: [],
    ThanhPhanHoSo: [{ MaThanhPhanHoSo: 'TP1', TenThanhPhanHoSo: 'Tờ khai', fileMark: 1, fileCheck: 1, recordCount: 1 }],
    BienLai: [],
  };
}

export async function runCentralLoad(): Promise<LoadResult> {
  return withBenchDatabase(async (databaseUrl) => {
    const blobs = tempDir('motcua-bench-central-');
    const files = tempDir('motcua-bench-central-files-');
    // Its own process, as deployed: the 50 clients in this one do not share its event loop.
    const server = await startCentralProcess(databaseUrl, blobs.dir);
    const db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    const latencies = new Map<Kind, number[]>([['upload', []], ['event', []], ['lookup', []]]);
    const errors = new Map<string, number>();
    let requests = 0;
    let dossiersDone = 0;
    const clients: ClosableCentralClient[] = [];
    const timed = async <T>(kind: Kind, fn: () => Promise<CallOutcome<T>>): Promise<CallOutcome<T>> => {
      const t0 = performance.now();
      const r = await fn();
      latencies.get(kind)!.push(performance.now() - t0);
      requests += 1;
      if (!r.ok) {
        const code = r.kind === 'rejected' ? `${r.status} ${r.error.code}` : r.code;
        errors.set(code, (errors.get(code) ?? 0) + 1);
      }
      return r;
    };
    try {
      // Enrol every counter first (not measured): the load is the pushing.
      const devices = [];
      for (let c = 0; c < COUNTERS; c++) {
        const counterId = `L${String(c + 1).padStart(2, '0')}`;
        const token = await createEnrolToken(db, counterId);
        const e = await createCentralClient({ baseUrl: server.url, deviceToken: null }).enrol({ token, deviceName: `bench-${counterId}`, appVersion: 'bench' });
        if (!e.ok) throw new Error(`enrol ${counterId}: ${JSON.stringify(e)}`);
        const client = createCentralClient({ baseUrl: server.url, deviceToken: e.value.deviceToken });
        clients.push(client);
        devices.push({ counterId, client });
      }
      const deadline = performance.now() + SECONDS * 1000;
      const t0 = performance.now();
      await Promise.all(
        devices.map(async ({ counterId, client }) => {
          for (let i = 0; i < DOSSIERS && performance.now() < deadline; i++) {
            const bytes = randomBytes(FILE_BYTES);
            const sha256 = createHash('sha256').update(bytes).digest('hex');
            const file = path.join(files.dir, `${sha256}.bin`);
            writeFileSync(file, bytes);
            const up = await timed('upload', () => client.uploadBlob({ path: file, sha256, length: bytes.length }, 0));
            if (!up.ok) continue;
            const id = randomUUID();
            const code = `000.27.10.H12-261124-${counterId}-${String(i + 1).padStart(4, '0')}`;
            const f = { name: 'to-khai.pdf', sha256, bytes: bytes.length };
            const at = new Date().toISOString();
            const first: DossierEvent = {
              idempotencyKey: `${id}:1`,
              kind: 'transition',
              at,
              state: 'received',
              dossier: dvcqg(code, f, 'received'),
              data: { from: null, to: 'received', actor: 'bench' },
              file: { ref: 'doc:1', name: f.name, itemCode: 'TP1', mediaType: 'application/pdf', sha256, bytes: f.bytes },
            };
            const e1 = await timed('event', () => client.putEvent(id, 1, first));
            if (!e1.ok) continue;
            const e2 = await timed('event', () => client.putEvent(id, 2, { ...first, idempotencyKey: `${id}:2`, state: 'sent_to_agency', dossier: dvcqg(code, f, 'sent_to_agency'), data: { from: 'received', to: 'sent_to_agency', actor: 'bench' } }));
            if (!e2.ok) continue;
            const look = await timed('lookup', () => client.lookupDossier(id));
            if (look.ok && look.value?.lastSeq === 2) dossiersDone += 1;
          }
        }),
      );
      const seconds = (performance.now() - t0) / 1000;
      const heldDossiers = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM dossiers')).rows[0]!.n;
      const heldEvents = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM dossier_events')).rows[0]!.n;
      return { latencies, errors, dossiersDone, requests, seconds, heldDossiers, heldEvents };
    } finally {
      for (const c of clients) c.close();
      await db.end();
      server.stop();
      blobs.cleanup();
      files.cleanup();
    }
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = await runCentralLoad();
  const line = (v: number[]) => `p50 ${percentile(v, 50).toFixed(1)} ms, p95 ${percentile(v, 95).toFixed(1)} ms, max ${Math.max(...v).toFixed(1)} ms (${v.length})`;
  const all = [...r.latencies.values()].flat();
  console.log(`central under load: ${COUNTERS} counters at once, ${DOSSIERS} dossiers each (${FILE_BYTES.toLocaleString('en')}-byte file, 2 events, 1 lookup), loopback`);
  for (const [k, v] of r.latencies) console.log(`  ${k.padEnd(6)} ${line(v)}`);
  console.log(`  all    ${line(all)}; ${r.requests} requests in ${r.seconds.toFixed(1)} s = ${(r.requests / r.seconds).toFixed(0)} req/s`);
  const errs = [...r.errors].map(([k, n]) => `${k} × ${n}`).join(', ') || 'none';
  console.log(`  errors: ${errs}; dossiers complete ${r.dossiersDone}/${COUNTERS * DOSSIERS}; the server holds ${r.heldDossiers} dossiers, ${r.heldEvents} events (expected ${r.dossiersDone}, ${2 * r.dossiersDone})`);
  if (r.errors.size || r.heldDossiers !== r.dossiersDone || r.heldEvents !== 2 * r.dossiersDone) process.exitCode = 1;
}
