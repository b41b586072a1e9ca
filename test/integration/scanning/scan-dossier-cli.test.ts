/**
 * `motcua dossier scan` as a user runs it (the real bin, a child process, the real core with its worker-thread
 * pipeline) against the loopback eSCL server; and the acceptance test of issue #14: kill -9 of the command during a
 * 20-page ADF batch, then the core opened again: every page received before the kill is in the dossier, in order,
 * none twice; pages left raw are processed by recovery; every file under the batch's folder has its row.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../core/app';
import { batchPages } from '../../../core/services/scanning/batch-rows';
import { motcuaInProcess, motcua as runMotcua } from '../../helpers/cli';
import { call, TEST_HASH_COST } from '../../helpers/core';
import { makePng, esclServersPerTest } from '../../helpers/escl-server';
import { personInput, NGUYEN_THI_HUYNH } from '../../helpers/people';
import { REPO, tempDir } from '../../helpers/temp';
import { MARITAL, WARD } from './scan-harness';

let data: ReturnType<typeof tempDir>;
let dossierCode: string;
let dossierId: string;
const serve = esclServersPerTest();

const openCore = () => createCore({ dataDir: data.dir, logLevel: 'warn', authPolicy: { hashCost: TEST_HASH_COST } });

beforeAll(async () => {
  data = tempDir('motcua-dossier-scan-');
  const core = await openCore();
  try {
    const c = core.openConnection('cli', 'setup', { name: 'setup', role: 'admin' });
    const v = await call(core, c, 'dossiers.receive', { agencyCode: WARD, procedureCode: MARITAL, applicant: personInput(NGUYEN_THI_HUYNH) });
    dossierCode = v.code ?? '';
    dossierId = v.id;
  } finally {
    await core.close();
  }
});
afterAll(() => data.cleanup());

const motcua = (args: string[]) => runMotcua(data.dir, args);
/** Page n is 300+n pixels wide (A4-ish proportions at a low resolution), so order can be read back. */
const pagesOf = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => makePng(300 + from + i, 420, 50, ((from + i) % 5) + 1));

interface ResultJson {
  status: string;
  pages: { id: string; batchId: string; itemCode: string; position: number; state: string; kind: string; widthPx: number | null }[];
  error: { code: string; message: string } | null;
}

async function withCore<T>(fn: (core: Core) => Promise<T>): Promise<T> {
  const core = await openCore();
  try {
    return await fn(core);
  } finally {
    await core.close();
  }
}

describe('motcua dossier scan', () => {
  it('scans into the first checklist item, every page processed, and prints the result (exit 0)', async () => {
    const s = await serve({ pages: pagesOf(1, 4) });
    const r = await motcua(['dossier', 'scan', dossierCode, '--device', `escl:${s.url}`, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as ResultJson;
    expect(json.status).toBe('completed');
    expect(json.error).toBeNull();
    expect(json.pages.map((p) => [p.itemCode, p.position, p.state, p.kind])).toEqual([1, 2, 3, 4].map((n) => ['TP1', n, 'ready', 'page']));
    expect(new Set(json.pages.map((p) => p.batchId)).size).toBe(1);
  }, 180_000);

  it('a jam exits 3 with the pages kept; --continue appends the rest after them, none twice', async () => {
    const jam = await serve({ pages: pagesOf(1, 5), jamAfter: 2 });
    const r = await motcua(['dossier', 'scan', dossierCode, '--device', `escl:${jam.url}`, '--item', 'TP2', '--source', 'adf', '--json']);
    expect(r.code, r.stderr).toBe(3);
    const first = JSON.parse(r.stdout) as ResultJson;
    expect(first).toMatchObject({ status: 'jammed', error: { code: 'SCAN_JAMMED' } });
    expect(first.error?.message).toMatch(/^Kẹt giấy/);
    expect(first.pages.map((p) => p.position)).toEqual([1, 2]);
    const rest = await serve({ pages: pagesOf(3, 5) });
    const c = await motcua(['dossier', 'scan', dossierCode, '--device', `escl:${rest.url}`, '--continue', first.pages[0]!.batchId, '--json']);
    expect(c.code, c.stderr).toBe(0);
    const all = JSON.parse(c.stdout) as ResultJson;
    expect(all.pages.map((p) => [p.itemCode, p.position, p.widthPx])).toEqual([1, 2, 3, 4, 5].map((n) => ['TP2', n, expect.any(Number)]));
    expect(all.pages.slice(0, 2).map((p) => p.id)).toEqual(first.pages.map((p) => p.id));
    expect(new Set(all.pages.map((p) => p.id)).size).toBe(5);
  }, 180_000);

  it('bad arguments exit 2 before any paper moves: a bad option, an unknown item, an unknown dossier, a bad URI', async () => {
    const s = await serve({ pages: pagesOf(1, 2) });
    const bad = [
      ['dossier', 'scan', dossierCode, '--device', `escl:${s.url}`, '--source', 'tray'],
      ['dossier', 'scan', dossierCode, '--device', `escl:${s.url}`, '--dpi', '7'],
      ['dossier', 'scan', dossierCode, '--device', `escl:${s.url}`, '--item', 'NOPE'],
      ['dossier', 'scan', 'KHONG-CO-MA-NAY', '--device', `escl:${s.url}`],
      ['dossier', 'scan', dossierCode, '--device', 'nonsense'],
      ['dossier', 'scan', dossierCode, '--device', `escl:${s.url}`, '--continue', 'no-such-batch'],
    ];
    // The program in this process (main(), what the bin runs): the answers are the point here, not the process.
    for (const args of bad) {
      const r = await motcuaInProcess(data.dir, args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toMatch(/^Lỗi \[[A-Z_]+\]: /m);
    }
    expect(s.requests.filter((q) => q.startsWith('POST'))).toEqual([]);
  }, 300_000);

  it('a core opened while the command scans (the app beside the CLI) leaves its live batch alone; the command finishes it', async () => {
    const s = await serve({ pages: pagesOf(1, 12), slowMs: 250 });
    const child = spawn(process.execPath, [path.join(REPO, 'bin', 'motcua.mjs'), 'dossier', 'scan', dossierCode, '--device', `escl:${s.url}`, '--item', 'TP4', '--json', '--follow'], {
      env: { ...process.env, MOTCUA_DATA_DIR: data.dir },
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let batchId = '';
    let received = 0;
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => {
      stderr += c;
      for (const m of stderr.matchAll(/^\{"event":"scans\.progress","data":\{"jobId":"[^"]+","batchId":"([^"]+)".*?"received":(\d+)/gm)) {
        batchId = m[1]!;
        received = Math.max(received, Number(m[2]));
      }
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    for (let i = 0; i < 4800 && received < 2; i++) await new Promise((r) => setTimeout(r, 25));
    expect(received, stderr).toBeGreaterThanOrEqual(2);
    await withCore(async (core) => {
      const row = core.db.prepare<[string], { status: string; error_code: string | null }>('SELECT status, error_code FROM scan_batches WHERE id = ?').get(batchId);
      expect(row).toEqual({ status: 'scanning', error_code: null });
    });
    expect(await exited, stderr).toBe(0);
    const json = JSON.parse(stdout) as ResultJson;
    expect(json.status).toBe('completed');
    expect(json.pages.map((p) => [p.itemCode, p.position])).toEqual(Array.from({ length: 12 }, (_, i) => ['TP4', i + 1]));
  }, 180_000);

  it('kill -9 during a 20-page ADF batch: after the restart every page received is in the dossier once, in order, processed, no orphan file', async () => {
    const s = await serve({ pages: pagesOf(1, 20), slowMs: 250 });
    const child = spawn(process.execPath, [path.join(REPO, 'bin', 'motcua.mjs'), 'dossier', 'scan', dossierCode, '--device', `escl:${s.url}`, '--item', 'TP3', '--json', '--follow'], {
      env: { ...process.env, MOTCUA_DATA_DIR: data.dir },
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let received = 0;
    let batchId = '';
    let stderr = '';
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    child.stderr.setEncoding('utf8');
    let partial = '';
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
      // Whole lines only: a line may arrive in two chunks.
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.startsWith('{"event":"scans.progress"')) continue;
        const e = JSON.parse(line) as { data: { received: number; batchId: string } };
        received = Math.max(received, e.data.received);
        batchId = e.data.batchId;
      }
    });
    // Bounded wait for some pages to be stored (seen on --follow), then the hard kill mid-batch.
    for (let i = 0; i < 4800 && received < 6; i++) await new Promise((r) => setTimeout(r, 25));
    expect(received, stderr).toBeGreaterThanOrEqual(6);
    child.kill('SIGKILL');
    await exited;
    expect(received).toBeLessThan(20);

    await withCore(async (core) => {
      // Recovery ran at start: the batch is stopped with a reason, raw pages go through the pipeline.
      await core.services.scans.idle();
      const rows = batchPages(core.db, batchId);
      expect(rows.length).toBeGreaterThanOrEqual(received);
      expect(rows.map((r) => r.batchSeq)).toEqual(Array.from({ length: rows.length }, (_, i) => i + 1));
      const batch = core.db.prepare<[string], { status: string; error_code: string | null }>('SELECT status, error_code FROM scan_batches WHERE id = ?').get(batchId)!;
      expect(batch).toEqual({ status: 'failed', error_code: 'SCAN_INTERRUPTED' });
      const pages = core.services.pages.list({ dossierId }).filter((p) => p.batchId === batchId);
      expect(pages.map((p) => [p.itemCode, p.position, p.state])).toEqual(rows.map((_, i) => ['TP3', i + 1, 'ready']));
      expect(new Set(pages.map((p) => p.id)).size).toBe(pages.length);
      // None twice: every device page differs (width 300 + n), so the stored raw images are all different.
      const shas = core.db.prepare<[string], { sha: string | null }>('SELECT raw_sha256 AS sha FROM dossier_pages WHERE batch_id = ?').all(batchId);
      expect(shas.every((r) => r.sha !== null)).toBe(true);
      expect(new Set(shas.map((r) => r.sha)).size).toBe(shas.length);
      // Arrival order is page order: the page that arrived n-th sits at position n.
      const seqOfPage = new Map(rows.map((r) => [r.id, r.batchSeq]));
      expect(pages.map((p) => seqOfPage.get(p.id))).toEqual(rows.map((r) => r.batchSeq));

      // No orphan: every file left under the batch folder is named by a row of this batch (others are in quarantine).
      const named = new Set(
        core.db
          .prepare<[string], { raw_path: string | null; image_path: string | null; master_path: string | null; thumb_path: string | null }>(
            'SELECT raw_path, image_path, master_path, thumb_path FROM dossier_pages WHERE batch_id = ?',
          )
          .all(batchId)
          .flatMap((r) => [r.raw_path, r.image_path, r.master_path, r.thumb_path])
          .filter((p): p is string => p !== null)
          .map((p) => path.normalize(p)),
      );
      const dir = path.join(core.layout.files, 'scans', batchId);
      const onDisk = existsSync(dir) ? readdirSync(dir).map((n) => path.normalize(path.join('scans', batchId, n))) : [];
      expect(onDisk.length).toBeGreaterThan(0);
      expect(onDisk.filter((f) => !named.has(f))).toEqual([]);
    });
  }, 180_000);
});
