/**
 * The print queue with the real renderer (issue #16): a dossier's receipt to the pdf: folder printer and a ticket to
 * the loopback ESC/POS printer, each reprinted. A reprint is rendered again from the stored source: same dossier
 * code or ticket number, marked "BẢN IN LẠI" on the paper; the original is not. Preview shows what the job prints.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../core/app';
import type { Connection } from '../../../core/rpc/connection';
import { call } from '../../helpers/core';
import { decodeEscpos, startEscposPrinter, type DecodedItem } from '../../helpers/escpos-printer';
import { PDF_TOOLS, pdfText } from '../../helpers/pdf-tools';
import { tempDir } from '../../helpers/temp';
import { receiveDossier } from '../ocr/queue-harness';
import { clerk, openCore, until } from './queue-harness';

let data: ReturnType<typeof tempDir>;
let core: Core;
let c: Connection;
const job = (id: string) => core.services.printing.queue.row(id)!;

beforeEach(async () => {
  data = tempDir('motcua-print-forms-');
  core = await openCore(data.dir, { run: true, pollMs: 50 });
  c = clerk(core);
});
afterEach(async () => {
  await core.close();
  data.cleanup();
});

describe('print queue with the real renderer', () => {
  it.skipIf(PDF_TOOLS.skip)('a receipt to the folder printer, then its reprint: same dossier code, only the reprint marked', async () => {
    const d = await receiveDossier(core);
    const dir = path.join(data.dir, 'in-ra');
    const first = await call(core, c, 'printing.print', { what: { kind: 'form', form: 'receipt', dossierCode: d.code }, printer: `pdf:${dir}`, wait: true, copies: 1 });
    expect(first).toMatchObject({ state: 'printed', dossierId: d.id, dossierCode: d.code, form: 'receipt', reprint: false });
    const again = await call(core, c, 'printing.reprint', { jobId: first.id });
    await until(() => job(again.id).state === 'printed', 200, 50);
    const files = readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort();
    expect(files).toHaveLength(2);
    const texts = files.map((f) => pdfText(path.join(dir, f)).replace(/\s+/g, ' '));
    expect(texts.every((t) => t.includes(d.code))).toBe(true);
    expect(texts.filter((t) => t.includes('BẢN IN LẠI'))).toHaveLength(1);
    const listed = await call(core, c, 'printing.jobs', { dossierId: d.id, limit: 10 });
    expect(listed.jobs.map((j) => j.id)).toEqual([again.id, first.id]);
    const preview = await call(core, c, 'printing.preview', { jobId: first.id });
    expect(preview.mimeType).toBe('application/pdf');
    expect(Buffer.from(preview.contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('a ticket and its reprint on the thermal printer: the same number in the printer\'s own text, the reprint taller by its mark', async () => {
    const printer = await startEscposPrinter({ status: 'online' });
    const first = await call(core, c, 'printing.print', { what: { kind: 'ticket', ticket: { number: 'A023', service: 'Đăng ký khai sinh' } }, printer: printer.uri, wait: true, copies: 1 });
    expect(first.state).toBe('printed');
    const again = await call(core, c, 'printing.reprint', { jobId: first.id });
    await until(() => job(again.id).state === 'printed', 200, 50);
    await printer.settle();
    const jobs = await Promise.all(printer.connections.map((x) => decodeEscpos(x.printed)));
    expect(jobs.map((j) => j.completeJobs)).toEqual([1, 1]);
    const texts = (items: DecodedItem[]) => items.flatMap((i) => (i.kind === 'text' ? [i.text.trim()] : []));
    expect(texts(jobs[0]!.items)).toContain('A023');
    expect(texts(jobs[1]!.items)).toContain('A023');
    const rasterRows = (items: DecodedItem[]) => items.reduce((n, i) => n + (i.kind === 'raster' ? i.height : 0), 0);
    expect(rasterRows(jobs[1]!.items)).toBeGreaterThan(rasterRows(jobs[0]!.items));
    const preview = await call(core, c, 'printing.preview', { jobId: again.id });
    expect(preview).toMatchObject({ mimeType: 'image/png', width: 576 });
    expect(Buffer.from(preview.contentBase64, 'base64').subarray(1, 4).toString()).toBe('PNG');
  });

  it.skipIf(PDF_TOOLS.skip)("a test page with no printer given goes to the counter's A4 printer when no receipt printer is set", async () => {
    const dir = path.join(data.dir, 'a4');
    await call(core, c, 'printing.configure', { receipt: null, ticket: null, a4: { uri: `pdf:${dir}` }, receiptCopies: 1 });
    const j = await call(core, c, 'printing.print', { what: { kind: 'test' }, wait: true, copies: 1 });
    expect(j).toMatchObject({ state: 'printed', kind: 'test', printerUri: `pdf:${dir}` });
    const files = readdirSync(dir).filter((f) => f.endsWith('.pdf'));
    expect(files).toHaveLength(1);
    expect(Buffer.from(core.services.printing.queue.payload(j.id)!).subarray(0, 5).toString()).toBe('%PDF-');
  });
  it("receipt copies: 1 asked prints one even when the counter's receipt copies are 2; none asked prints the counter's 2", async () => {
    const printer = await startEscposPrinter({ status: 'online' });
    const d = await receiveDossier(core);
    await call(core, c, 'printing.configure', { receipt: { uri: printer.uri }, ticket: null, a4: null, receiptCopies: 2 });
    const what = { kind: 'form' as const, form: 'receipt' as const, dossierCode: d.code };
    const one = await call(core, c, 'printing.print', { what, printer: printer.uri, wait: true, copies: 1 });
    const counters = await call(core, c, 'printing.print', { what, printer: printer.uri, wait: true });
    expect([one.state, counters.state]).toEqual(['printed', 'printed']);
    const jobs = await Promise.all(printer.connections.map((x) => decodeEscpos(x.printed)));
    expect(jobs.map((j) => j.completeJobs)).toEqual([1, 2]);
  });
});
