/**
 * The durable print queue (issue #16) against the loopback ESC/POS printer (test/helpers/escpos-printer.ts) over the
 * real TCP transport, URI parser, encoder and delivery: a job is stored before its first byte; a printer that is
 * unreachable, offline or out of paper keeps it waiting with the reason until the runner prints it, once; a job
 * cut off after part of its bytes is uncertain and is sent again only when the clerk says it did not print;
 * reprints are new jobs, marked, with the same number; bad input gets its code and stores nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { processMark } from '../../../core/platform/process-marks';
import type { Core } from '../../../core/app';
import type { EventData } from '../../../core/contract/events';
import { isInputError } from '../../../core/contract/errors';
import type { PrintJob } from '../../../core/contract/printing';
import type { Connection } from '../../../core/rpc/connection';
import { PrintQueue, toPrintJob } from '../../../core/services/printing/print-queue';
import { call } from '../../helpers/core';
import { decodeEscpos, startEscposPrinter, type LoopbackPrinter } from '../../helpers/escpos-printer';
import { tempDir } from '../../helpers/temp';
import { clerk, gate, openCore, until, watchedOpen } from './queue-harness';

let data: ReturnType<typeof tempDir>;
let core: Core;
let c: Connection;
let printer: LoopbackPrinter;
let events: EventData<'printing.jobChanged'>[];

const ticket = (number: string) => ({ kind: 'ticket' as const, ticket: { number, service: 'Hộ tịch' } });
const job = (id: string) => core.services.printing.queue.row(id)!;
const jobCount = () => core.db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM print_jobs').get()!.n;
/** Complete jobs (initialised … cut) that reached the paper, over every connection. */
const completeJobs = async (p: LoopbackPrinter) => {
  let n = 0;
  for (const conn of p.connections) n += (await decodeEscpos(conn.printed)).completeJobs;
  return n;
};
const code = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return (e as { wire?: { code: string } }).wire?.code ?? String(e);
  }
  return 'no error';
};

async function start(parts: Parameters<typeof openCore>[1] = {}) {
  core = await openCore(data.dir, { run: true, pollMs: 50, ...parts });
  c = clerk(core);
  events = [];
  const publish = core.events.publish.bind(core.events);
  core.events.publish = (name, d) => {
    if (name === 'printing.jobChanged') events.push(d as EventData<'printing.jobChanged'>);
    publish(name, d);
  };
}

beforeEach(async () => {
  data = tempDir('motcua-print-queue-');
  printer = await startEscposPrinter({ status: 'online' });
});
afterEach(async () => {
  await core?.close();
  data.cleanup();
});

describe('print queue', () => {
  it('stores the job (bytes and all) before its printer is opened, and records the write before the first byte', async () => {
    const seen: Record<string, unknown>[] = [];
    const look = (at: string) => () => {
      const rows = core.db.prepare<[], { state: string; writing_mark: string | null; n: number }>('SELECT state, writing_mark, LENGTH(payload) AS n FROM print_jobs').all();
      seen.push({ at, rows });
    };
    await start({ parts: { openPrinter: watchedOpen({ onOpen: look('open'), onFirstWrite: look('write') }) } });
    const j = await call(core, c, 'printing.print', { what: ticket('A023'), printer: printer.uri, wait: true, copies: 1 });
    expect(j.state).toBe('printed');
    expect(seen).toHaveLength(2);
    const [atOpen, atWrite] = seen as { at: string; rows: { state: string; writing_mark: string | null; n: number }[] }[];
    expect(atOpen!.rows).toEqual([{ state: 'sending', writing_mark: null, n: j.bytes }]);
    expect(atWrite!.rows[0]!.writing_mark).not.toBeNull();
    expect(j.bytes).toBeGreaterThan(0);
    expect(await completeJobs(printer)).toBe(1);
    expect(events.map((e) => e.state)).toEqual(['queued', 'sending', 'printed']);
    expect(events.at(-1)!.counts).toEqual({ queued: 0, sending: 0, uncertain: 0 });
  });

  it('an unreachable printer: queued with the reason, tried again by the runner when it comes back, printed once', async () => {
    await start();
    const g = await gate();
    try {
      const j = await call(core, c, 'printing.print', { what: ticket('A024'), printer: g.uri, wait: true, copies: 1 });
      expect(j.state).toBe('queued');
      expect(j.error?.code).toBe('PRINTER_UNREACHABLE');
      expect(j.error?.message).not.toMatch(/^PRINTER_|internal/i);
      expect(j.nextTryAt).not.toBeNull();
      const listed = await call(core, c, 'printing.jobs', { limit: 100 });
      expect(listed.jobs.map((x) => x.id)).toEqual([j.id]);
      expect(listed.counts.queued).toBe(1);
      await g.up(printer.port);
      await until(() => job(j.id).state === 'printed', 200, 50);
      await printer.settle();
      expect(await completeJobs(printer)).toBe(1);
      expect(job(j.id).attempts).toBe(2);
    } finally {
      await g.down();
    }
  });

  it('out of paper: the job waits with the reason in Vietnamese, nothing of it printed; paper back, printed once', async () => {
    await start();
    printer.set({ status: 'paper_out' });
    const j = await call(core, c, 'printing.print', { what: ticket('A025'), printer: printer.uri, wait: true, copies: 1 });
    expect(j.state).toBe('queued');
    expect(j.error?.code).toBe('PRINTER_PAPER_OUT');
    expect(j.error?.message).toMatch(/giấy/i);
    expect(await completeJobs(printer)).toBe(0);
    printer.set({ status: 'online' });
    await until(() => job(j.id).state === 'printed', 200, 50);
    await printer.settle();
    expect(await completeJobs(printer)).toBe(1);
  });

  it('offline: waits with the reason; a later job for the same printer waits behind it and goes after it', async () => {
    await start();
    printer.set({ status: 'offline' });
    const a = await call(core, c, 'printing.print', { what: ticket('A026'), printer: printer.uri, wait: true, copies: 1 });
    const b = await call(core, c, 'printing.print', { what: ticket('A027'), printer: printer.uri, wait: true, copies: 1 });
    expect([a.state, b.state]).toEqual(['queued', 'queued']);
    expect(job(b.id).error_code).toBe('PRINTER_OFFLINE');
    printer.set({ status: 'online' });
    await until(() => job(b.id).state === 'printed', 200, 50);
    expect(job(a.id).state).toBe('printed');
    expect(job(a.id).printed_at! <= job(b.id).printed_at!).toBe(true);
    await printer.settle();
    expect(await completeJobs(printer)).toBe(2);
    const texts = (await decodeEscpos(printer.printed())).items.filter((i) => i.kind === 'text').map((i) => (i as { text: string }).text.trim());
    expect(texts.filter((t) => /A02[67]/.test(t))).toEqual(['A026', 'A027']);
  });

  it('cut off after part of the job: uncertain, never resent on its own; "not printed" sends it once more; "printed" closes it', async () => {
    await start();
    printer.set({ closeAfterJobBytes: 6 });
    const j = await call(core, c, 'printing.print', { what: ticket('B101'), printer: printer.uri, wait: true, copies: 1 });
    expect(j.state).toBe('uncertain');
    expect(j.error?.code).toMatch(/^PRINTER_/);
    await printer.settle();
    const connections = printer.connections.length;
    core.services.printing.runner.wake();
    await new Promise((r) => setTimeout(r, 300));
    expect(printer.connections.length).toBe(connections);
    expect(await completeJobs(printer)).toBe(0);

    printer.set({ closeAfterJobBytes: null });
    const again = await call(core, c, 'printing.resolve', { jobId: j.id, outcome: 'not_printed' });
    expect(['queued', 'sending', 'printed']).toContain(again.state);
    await until(() => job(j.id).state === 'printed', 200, 50);
    await printer.settle();
    expect(await completeJobs(printer)).toBe(1);
    expect(job(j.id).resolved_by).toBe('system:test');

    printer.set({ closeAfterJobBytes: 6 });
    const k = await call(core, c, 'printing.print', { what: ticket('B102'), printer: printer.uri, wait: true, copies: 1 });
    expect(k.state).toBe('uncertain');
    await printer.settle();
    const before = printer.connections.length;
    const done = await call(core, c, 'printing.resolve', { jobId: k.id, outcome: 'printed' });
    expect(done.state).toBe('printed');
    core.services.printing.runner.wake();
    await new Promise((r) => setTimeout(r, 200));
    expect(printer.connections.length).toBe(before);
    const audited = core.db.prepare<[], { action: string; entity_id: string }>(`SELECT action, entity_id FROM audit_log WHERE action = 'printing.resolved' ORDER BY id`).all();
    expect(audited).toEqual([
      { action: 'printing.resolved', entity_id: j.id },
      { action: 'printing.resolved', entity_id: k.id },
    ]);
  });

  it('an uncertain job does not hold up the next one for its printer: that one is sent (after a status check)', async () => {
    let opens = 0;
    await start({ run: false, parts: { openPrinter: watchedOpen({ onOpen: () => void (++opens === 4 && printer.set({ closeAfterJobBytes: null })) }) } });
    printer.set({ status: 'offline' });
    const a = await call(core, c, 'printing.print', { what: ticket('U001'), printer: printer.uri, wait: true, copies: 1 });
    const b = await call(core, c, 'printing.print', { what: ticket('U002'), printer: printer.uri, wait: true, copies: 1 });
    // Opens 1 and 2 found it offline (A, then A again before B: the line goes oldest first).
    expect([a.state, b.state, opens]).toEqual(['queued', 'queued', 2]);
    printer.set({ status: 'online', closeAfterJobBytes: 6 });
    await call(core, c, 'printing.retry', { jobId: b.id });
    await until(() => job(b.id).state === 'printed', 100, 50);
    expect(job(a.id).state).toBe('uncertain');
    await printer.settle();
    expect(await completeJobs(printer)).toBe(1);
  });

  it('a reprint is a new job from the same source, marked, with the same number; audited', async () => {
    await start();
    const j = await call(core, c, 'printing.print', { what: ticket('C007'), printer: printer.uri, wait: true, copies: 1 });
    const r = await call(core, c, 'printing.reprint', { jobId: j.id });
    await until(() => job(r.id).state === 'printed', 100, 50);
    const again: PrintJob = toPrintJob(job(r.id));
    expect(again).toMatchObject({ reprint: true, reprintOf: j.id, ticketNumber: 'C007', title: j.title, kind: 'ticket' });
    expect(again.seq).toBeGreaterThan(j.seq);
    const source = JSON.parse(job(r.id).source) as { reprint: { at: string } | null; ticket: { number: string; issuedAt: string } };
    expect(source.reprint?.at).toMatch(/^\d\d:\d\d \d\d\/\d\d\/\d{4}$/);
    expect(source.ticket.issuedAt).toBe((JSON.parse(job(j.id).source) as { ticket: { issuedAt: string } }).ticket.issuedAt);
    // A reprint of the reprint still names the first job.
    const r2 = await call(core, c, 'printing.reprint', { jobId: r.id });
    expect(r2.reprintOf).toBe(j.id);
    await until(() => job(r2.id).state === 'printed', 100, 50);
    await printer.settle();
    expect(await completeJobs(printer)).toBe(3);
    expect(core.db.prepare(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'printing.reprinted'`).get()).toEqual({ n: 2 });
  });

  it('cancel takes queued and uncertain jobs only; retry tries a queued job now', async () => {
    await start({ run: false });
    const g = await gate();
    const a = await call(core, c, 'printing.print', { what: ticket('D001'), printer: g.uri, wait: true, copies: 1 });
    expect(a.state).toBe('queued');
    const cancelled = await call(core, c, 'printing.cancel', { jobId: a.id });
    expect(cancelled.state).toBe('cancelled');
    expect(await code(call(core, c, 'printing.cancel', { jobId: a.id }))).toBe('PRINT_JOB_STATE');
    const b = await call(core, c, 'printing.print', { what: ticket('D002'), printer: g.uri, wait: true, copies: 1 });
    await g.up(printer.port);
    try {
      // No runner in this core: only the retry sends it.
      await call(core, c, 'printing.retry', { jobId: b.id });
      await until(() => job(b.id).state === 'printed', 100, 50);
      expect(await code(call(core, c, 'printing.cancel', { jobId: b.id }))).toBe('PRINT_JOB_STATE');
      expect(await code(call(core, c, 'printing.retry', { jobId: b.id }))).toBe('PRINT_JOB_STATE');
    } finally {
      await g.down();
    }
    await printer.settle();
    expect(await completeJobs(printer)).toBe(1);
    const audited = core.db.prepare<[], { entity_id: string; data: string }>(`SELECT entity_id, data FROM audit_log WHERE action = 'printing.cancelled'`).all();
    expect(audited.map((r) => [r.entity_id, (JSON.parse(r.data) as { from: string }).from])).toEqual([[a.id, 'queued']]);
  });

  it('bad input: unknown job, 0-byte or non-PDF file, PDF to a thermal printer, unknown dossier, bad URI, no printer: a code, nothing stored', async () => {
    await start();
    const pdfDir = `pdf:${data.dir}/pdf-out`;
    expect(await code(call(core, c, 'printing.resolve', { jobId: 'no-such-job', outcome: 'printed' }))).toBe('PRINT_JOB_NOT_FOUND');
    expect(await code(call(core, c, 'printing.reprint', { jobId: 'no-such-job' }))).toBe('PRINT_JOB_NOT_FOUND');
    expect(await code(call(core, c, 'printing.cancel', { jobId: 'no-such-job' }))).toBe('PRINT_JOB_NOT_FOUND');
    const pdf = (b: Buffer) => ({ kind: 'pdf' as const, title: 'Tờ khai', contentBase64: b.toString('base64') });
    expect(await code(call(core, c, 'printing.print', { what: pdf(Buffer.alloc(0)), printer: pdfDir, wait: true, copies: 1 }))).toBe('PRINT_BAD_PDF');
    expect(await code(call(core, c, 'printing.print', { what: pdf(Buffer.from('%PDF-1.7 not really')), printer: pdfDir, wait: true, copies: 1 }))).toBe('PRINT_BAD_PDF');
    expect(await code(call(core, c, 'printing.print', { what: pdf(Buffer.from('hello')), printer: pdfDir, wait: true, copies: 1 }))).toBe('PRINT_BAD_PDF');
    const good = await minimalPdf();
    expect(await code(call(core, c, 'printing.print', { what: pdf(good), printer: printer.uri, wait: true, copies: 1 }))).toBe('PRINT_NOT_FOR_PRINTER');
    expect(await code(call(core, c, 'printing.print', { what: { kind: 'form', form: 'receipt', dossierCode: '000.00.00.H00-000000-9999' }, printer: pdfDir, wait: true, copies: 1 }))).toBe(
      'DOSSIER_NOT_FOUND',
    );
    expect(await code(call(core, c, 'printing.print', { what: ticket('E1'), printer: 'lpt://nowhere', wait: true, copies: 1 }))).toBe('PRINT_BAD_URI');
    expect(await code(call(core, c, 'printing.print', { what: ticket('E1'), wait: true, copies: 1 }))).toBe('PRINT_NO_PRINTER');
    expect(jobCount()).toBe(0);
    // A good PDF to the folder printer prints.
    const ok = await call(core, c, 'printing.print', { what: pdf(good), printer: pdfDir, wait: true, copies: 1 });
    expect(ok.state).toBe('printed');
    expect(ok.bytes).toBe(good.length);
  });

  it('one PDF rule: junk before the header within 1 KiB prints; a cut-off PDF is PRINT_BAD_PDF in Vietnamese, pdf-lib silent', async () => {
    await start();
    const pdfDir = `pdf:${data.dir}/pdf-rule`;
    const pdf = (b: Buffer) => ({ kind: 'pdf' as const, title: 'Tờ khai', contentBase64: b.toString('base64') });
    const good = await minimalPdf();
    const junk = await call(core, c, 'printing.print', { what: pdf(Buffer.concat([Buffer.from('junk from a mail gateway\n'), good])), printer: pdfDir, wait: true, copies: 1 });
    expect(junk.state).toBe('printed');
    const warned: unknown[] = [];
    const { warn, log, error } = console;
    console.warn = console.log = console.error = (...a: unknown[]) => void warned.push(a);
    let message = '';
    try {
      await call(core, c, 'printing.print', { what: pdf(good.subarray(0, Math.floor(good.length * 0.6))), printer: pdfDir, wait: true, copies: 1 });
    } catch (e) {
      message = (e as { wire?: { code: string; message: string } }).wire ? `${(e as { wire: { code: string } }).wire.code} ${(e as { wire: { message: string } }).wire.message}` : String(e);
    } finally {
      Object.assign(console, { warn, log, error });
    }
    expect(message).toMatch(/^PRINT_BAD_PDF Tệp in không phải PDF đọc được \(tệp bị cắt cụt hoặc hỏng/);
    expect(message).not.toMatch(/Cannot read|undefined|Trying|parse/);
    expect(warned).toEqual([]);
    expect(jobCount()).toBe(1);
  });

  it('a pdf: folder that is a file, or whose parent is missing: PRINT_BAD_FOLDER (input) before a job is stored; a stored one fails, not retried', async () => {
    await start();
    const file = path.join(data.dir, 'la-tep.txt');
    writeFileSync(file, 'x');
    const missing = path.join(data.dir, 'khong-co', 'in-ra');
    for (const dir of [file, path.join(file, 'con'), missing]) {
      expect(await code(call(core, c, 'printing.print', { what: { kind: 'test' }, printer: `pdf:${dir}`, wait: true, copies: 1 })), dir).toBe('PRINT_BAD_FOLDER');
    }
    expect(jobCount()).toBe(0);
    expect(await code(call(core, c, 'printing.configure', { receipt: null, ticket: null, a4: { uri: `pdf:${file}` }, receiptCopies: 1 }))).toBe('PRINT_BAD_FOLDER');
    // A new folder in one that exists is made.
    const fresh = await call(core, c, 'printing.print', { what: { kind: 'test' }, printer: `pdf:${path.join(data.dir, 'moi')}`, wait: true, copies: 1 });
    expect(fresh.state).toBe('printed');
    // The folder became a file after the job was stored: the job fails with the reason, it is not retried.
    const later = path.join(data.dir, 'sau-nay');
    mkdirSync(later);
    core.db.prepare(`UPDATE print_jobs SET state = 'cancelled'`).run();
    const j = await call(core, c, 'printing.print', { what: { kind: 'test' }, printer: `pdf:${later}`, wait: false, copies: 1 });
    rmSync(later, { recursive: true, force: true });
    writeFileSync(later, 'x');
    await until(() => job(j.id).state !== 'queued' && job(j.id).state !== 'sending', 100, 50);
    expect(job(j.id)).toMatchObject({ state: 'failed', error_code: 'PRINT_BAD_FOLDER' });
    expect(isInputError('PRINT_BAD_FOLDER')).toBe(true);
  });

  it("the counter's printers: URIs checked and stored in normal form; a job without a printer goes to its role's", async () => {
    await start();
    expect(await code(call(core, c, 'printing.configure', { receipt: { uri: 'escpos+tcp://' }, ticket: null, a4: null, receiptCopies: 1 }))).toBe('PRINT_BAD_URI');
    const s = await call(core, c, 'printing.configure', { receipt: null, ticket: { uri: printer.uri }, a4: null, receiptCopies: 2 });
    expect(s.ticket?.uri).toBe(printer.uri);
    expect(await call(core, c, 'printing.settings', {})).toEqual(s);
    expect(await code(call(core, c, 'settings.set', { key: 'printing.printers', value: { receipt: null, ticket: { uri: 'x' }, a4: null, receiptCopies: 1 } }))).toBe('SETTINGS_KEY_OWNED');
    const j = await call(core, c, 'printing.print', { what: ticket('F001'), wait: true, copies: 1 });
    expect(j).toMatchObject({ state: 'printed', printerUri: printer.uri });
    // A test page goes to the receipt printer, else A4: neither is set.
    expect(await code(call(core, c, 'printing.print', { what: { kind: 'test' }, wait: true, copies: 1 }))).toBe('PRINT_NO_PRINTER');
  });

  it("another process's jobs reach this core's push channel: a job printed by a second core shows here as printed", async () => {
    await start();
    const other = await openCore(data.dir, { run: false });
    try {
      const j = await call(other, clerk(other), 'printing.print', { what: ticket('P001'), printer: printer.uri, wait: true, copies: 1 });
      expect(j.state).toBe('printed');
      await until(() => events.some((e) => e.jobId === j.id && e.state === 'printed'), 100, 50);
      expect(events.filter((e) => e.jobId === j.id && e.state === 'printed')).toHaveLength(1);
      expect(events.at(-1)!.counts).toEqual({ queued: 0, sending: 0, uncertain: 0 });
    } finally {
      await other.close();
    }
  });

  it('two senders never take one printer at once; the second claim waits for the first to end', async () => {
    await start({ run: false });
    const g = await gate();
    const a = await call(core, c, 'printing.print', { what: ticket('G001'), printer: g.uri, wait: true, copies: 1 });
    const other = new PrintQueue({ db: core.db, clock: { now: () => new Date() } });
    const mine = new PrintQueue({ db: core.db, clock: { now: () => new Date(Date.now() + 120_000) } });
    const claim = mine.claimNext(g.uri);
    expect(claim?.id).toBe(a.id);
    expect(other.claimNext(g.uri)).toBeNull();
    mine.finish(claim!, { outcome: 'unavailable', error: { code: 'PRINTER_UNREACHABLE', params: {} } });
    expect(job(a.id).state).toBe('queued');
  });

  it('two cores printing to one printer at once: both wait for the line and return printed; two complete jobs reach the paper', async () => {
    await start({ run: false });
    const other = await openCore(data.dir, { run: false });
    try {
      const [a, b] = await Promise.all([
        call(core, c, 'printing.print', { what: ticket('W001'), printer: printer.uri, wait: true, copies: 1 }),
        call(other, clerk(other), 'printing.print', { what: ticket('W002'), printer: printer.uri, wait: true, copies: 1 }),
      ]);
      expect([a.state, b.state]).toEqual(['printed', 'printed']);
      expect(await completeJobs(printer)).toBe(2);
    } finally {
      await other.close();
    }
  });

  it("a job 'sending' under a process that is gone does not block a waiting print: settled, and the new job printed", async () => {
    await start({ run: false });
    const a = await call(core, c, 'printing.print', { what: ticket('D001'), printer: printer.uri, wait: true, copies: 1 });
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    const mark = `${processMark(dead).trim()} gone.1`;
    core.db.prepare(`UPDATE print_jobs SET state = 'sending', claim_mark = ?, writing_mark = ? WHERE id = ?`).run(mark, mark, a.id);
    const b = await call(core, c, 'printing.print', { what: ticket('D002'), printer: printer.uri, wait: true, copies: 1 });
    expect(b.state).toBe('printed');
    expect(job(a.id).state).toBe('uncertain');
  });

  it('a waiting print behind a live sender past the wait limit: queued with the reason "waiting behind", not an empty reason', async () => {
    core = await openCore(data.dir, { run: false, waitBehindMs: 300 });
    c = clerk(core);
    const a = await call(core, c, 'printing.print', { what: ticket('L001'), printer: printer.uri, wait: true, copies: 1 });
    core.db.prepare(`UPDATE print_jobs SET state = 'queued' WHERE id = ?`).run(a.id);
    const holder = new PrintQueue({ db: core.db, clock: { now: () => new Date() } });
    expect(holder.claimNext(printer.uri)?.id).toBe(a.id);
    const b = await call(core, c, 'printing.print', { what: ticket('L002'), printer: printer.uri, wait: true, copies: 1 });
    expect(b.state).toBe('queued');
    expect(b.error?.code).toBe('PRINT_WAITING_BEHIND');
    expect(b.error?.message).toContain(`sau lệnh in khác (số ${a.seq})`);
  });
});

async function minimalPdf(): Promise<Buffer> {
  const { PDFDocument } = await import('pdf-lib');
  const d = await PDFDocument.create();
  d.addPage([200, 200]).drawText('In thu');
  return Buffer.from(await d.save());
}
