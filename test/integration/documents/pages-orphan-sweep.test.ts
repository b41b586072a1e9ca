/**
 * At start, files under <data>/files that no row names (a crash between "file durable" and "row committed") are
 * moved into <data>/quarantine/<day>/ and logged, never deleted; files rows name, and upload staging, stay put.
 * The whole files tree is walked once per data folder; after that only folders writers recorded before writing.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../core/app';
import { ManualClock } from '../../../core/platform/clock';
import type { Actor } from '../../../core/services/actor';
import { FULL_SWEEP_KEY, sweepOrphanFiles } from '../../../core/services/documents/orphan-sweep';
import { call, TEST_HASH_COST, withAdmin } from '../../helpers/core';
import { NGUYEN_THI_HUYNH, personInput } from '../../helpers/people';
import { tempDir } from '../../helpers/temp';
import { SAMPLE_FILES, uploadId } from '../../helpers/uploads';

const WARD = '000.27.10.H12';
const MARITAL = '1.004873';
const actor: Actor = { kind: 'system', name: 'test', role: 'admin' };

const t = tempDir();
afterAll(() => t.cleanup());
let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});
const open = async (dir: string) => (core = await createCore({ dataDir: dir, logLevel: 'info', clock: new ManualClock(new Date('2026-11-24T02:30:00Z')), authPolicy: { hashCost: TEST_HASH_COST } }));

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

describe('orphan sweep at start', () => {
  it('quarantines files no row names, keeps those rows name, and leaves upload staging alone', async () => {
    const dir = path.join(t.dir, 'a');
    const c = await open(dir);
    const admin = await withAdmin(c);
    const up = await uploadId(c, admin, 'to-khai.pdf', SAMPLE_FILES.pdf);
    const dossier = await call(c, admin, 'dossiers.receive', { agencyCode: WARD, procedureCode: MARITAL, applicant: personInput(NGUYEN_THI_HUYNH), attachments: [{ itemCode: 'TP1', uploadId: up }] });
    const pages = c.services.pages;
    pages.createBatch({ id: 'batch-1', owner: { dossierId: dossier.id }, itemCode: 'TP1', device: 'folder:x', settings: '{}', actor });
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } }).png().toBuffer();
    const raw = pages.addRaw({ owner: { dossierId: dossier.id }, itemCode: 'TP1', batchId: 'batch-1', batchSeq: 1, bytes: png, mediaType: 'image/png', widthPx: 8, heightPx: 8, dpi: 300, actor });
    const pending = await uploadId(c, admin, 'cho.pdf', SAMPLE_FILES.pdf); // finished, not used: its staging file stays
    await c.close();
    core = null;

    const files = path.join(dir, 'files');
    const kept = filesUnder(files);
    expect(kept).toHaveLength(2);
    // Orphans made by hand: a page file whose row never came, a stray attachment, a file at the top.
    writeFileSync(path.join(files, 'scans', 'batch-1', '0002-deadbeef.raw.png'), png);
    writeFileSync(path.join(files, dossier.id, 'abc-stray.pdf'), SAMPLE_FILES.pdf);
    mkdirSync(path.join(files, 'scans', 'batch-9'));
    writeFileSync(path.join(files, 'scans', 'batch-9', '0001-00000000.tif'), 'x');
    writeFileSync(path.join(files, 'loose.txt'), 'loose');
    const staging = filesUnder(path.join(dir, 'uploads'));
    expect(staging).toEqual([`${pending}.part`]);

    const again = await open(dir);
    // Folders no writer recorded are not walked at every start (only once per data folder, below).
    const unrecorded = ['loose.txt', 'scans/batch-9/0001-00000000.tif'];
    expect(filesUnder(files)).toEqual([...kept, ...unrecorded].sort());
    const q = path.join(dir, 'quarantine', '2026-11-24');
    const orphans = [`${dossier.id}/abc-stray.pdf`, 'scans/batch-1/0002-deadbeef.raw.png'];
    expect(filesUnder(q)).toEqual([...orphans, 'moved.jsonl'].sort());
    expect(readFileSync(path.join(q, dossier.id, 'abc-stray.pdf'))).toEqual(SAMPLE_FILES.pdf);
    const listed = readFileSync(path.join(q, 'moved.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { file: string; to: string });
    expect(listed.map((l) => l.file).sort()).toEqual(orphans.map((o) => `files/${o}`));
    const log = readdirSync(path.join(dir, 'logs')).map((f) => readFileSync(path.join(dir, 'logs', f), 'utf8')).join('');
    for (const o of orphans) expect(log).toContain(`files/${o}`);
    expect(log).toContain('orphan file quarantined');
    expect(filesUnder(path.join(dir, 'uploads'))).toEqual(staging);
    // What rows name still works.
    expect(again.services.pages.readRaw(raw.id)).toEqual(png);
    expect((await call(again, await withAdminLogin(again), 'documents.read', { id: dossier.documents[0]!.id, offset: 0, length: 100 })).bytes).toBe(SAMPLE_FILES.pdf.length);
    // A second start finds nothing more to move.
    await again.close();
    core = null;
    const third = await open(dir);
    expect(filesUnder(q)).toEqual([...orphans, 'moved.jsonl'].sort());
    expect(third.db.prepare('SELECT count(*) AS n FROM files_dirty_folders').get()).toEqual({ n: 0 });
    // A data folder from before the journal (no full walk recorded): its first start walks every file once.
    third.db.prepare('DELETE FROM settings WHERE key = ?').run(FULL_SWEEP_KEY);
    await third.close();
    core = null;
    const before = filesUnder(files); // the raw page has been processed by now (scan recovery)
    await open(dir);
    expect(filesUnder(files)).toEqual(before.filter((f) => !unrecorded.includes(f)));
    expect(filesUnder(q)).toEqual([...orphans, ...unrecorded, 'moved.jsonl'].sort());
  });

  it('records a folder before the first file is written into it', async () => {
    const dir = path.join(t.dir, 'c');
    const c = await open(dir);
    const folders = () => c.db.prepare<[], { folder: string; pid: number }>('SELECT folder, pid FROM files_dirty_folders').all();
    expect(folders()).toEqual([]);
    const pages = c.services.pages;
    pages.createBatch({ id: 'batch-j', owner: { trayOwner: 'u1' }, itemCode: 'TP1', device: 'folder:x', settings: '{}', actor });
    // The batch's folder cannot be made: the file write fails after the folder was recorded.
    writeFileSync(path.join(dir, 'files', 'scans'), 'not a folder');
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } }).png().toBuffer();
    expect(() => pages.addRaw({ owner: { trayOwner: 'u1' }, itemCode: 'TP1', batchId: 'batch-j', batchSeq: 1, bytes: png, mediaType: 'image/png', widthPx: 8, heightPx: 8, dpi: 300, actor })).toThrow();
    expect(folders()).toEqual([{ folder: 'scans/batch-j', pid: process.pid }]);
  });

  it('leaves recent orphans alone while another core runs on the folder, and takes them once it is gone', async () => {
    const dir = path.join(t.dir, 'b');
    const c = await open(dir);
    const db = c.db;
    const files = path.join(dir, 'files');
    mkdirSync(path.join(files, 'scans', 'b1'), { recursive: true });
    writeFileSync(path.join(files, 'scans', 'b1', 'fresh.png'), 'new');
    writeFileSync(path.join(files, 'scans', 'b1', 'old.png'), 'old');
    const now = new Date();
    const hourAgo = new Date(now.getTime() - 3_600_000);
    utimesSync(path.join(files, 'scans', 'b1', 'old.png'), hourAgo, hourAgo);
    // Another core (pid 424242) is marked running and alive, and writing into scans/b1.
    writeFileSync(path.join(dir, 'run', 'core-424242.pid'), '424242\n');
    db.prepare('INSERT INTO files_dirty_folders (folder, pid, since) VALUES (?, ?, ?)').run('scans/b1', 424242, now.toISOString());
    const logger = c.logger;
    const busy = sweepOrphanFiles({ db, root: dir, logger, now, alive: (pid) => pid === 424242 });
    expect(busy.moved.map((m) => m.file)).toEqual(['scans/b1/old.png']);
    expect(busy.leftRecent).toEqual(['scans/b1/fresh.png']);
    // That core has gone (its mark is stale): everything is swept, and the stale mark dropped.
    const alone = sweepOrphanFiles({ db, root: dir, logger, now, alive: () => false });
    expect(alone.moved.map((m) => m.file)).toEqual(['scans/b1/fresh.png']);
    expect(existsSync(path.join(dir, 'run', 'core-424242.pid'))).toBe(false);
    expect(filesUnder(files)).toEqual([]);
  });
});

async function withAdminLogin(c: Core) {
  const conn = c.openConnection('web', 'test');
  await call(c, conn, 'auth.login', { username: 'admin', password: 'mat-khau-123' });
  return conn;
}
