/**
 * Printing figures (issue #16), through the core's printing.print in this process, on a timing ESC/POS printer on
 * 127.0.0.1 (print-sink.ts), as the app's core runs it (the print queue's runner on):
 *  - ticket pressed → first byte at the printer (target ≤ 150 ms): the call as the kiosk makes it (wait: false, the
 *    job stored then sent by the queue), p50/p95 over 30 tickets after one warm-up; also the first byte of the job
 *    itself (ESC @, after the status query) and when the call answered. Tickets are drawn straight to the raster:
 *    nothing on this path waits for a PDF (also measured while an A4 receipt PDF is being made in the same core);
 *  - receipt at the counter → last byte at an 80 mm printer (the dossier's receipt, layout 80mm), p50/p95;
 *  - bytes per ticket and per receipt (the job as the printer got it, status queries not counted).
 * Run: npx tsx test/bench/print.bench.ts (or npm run bench).
 */
import { fileURLToPath } from 'node:url';
import { createCore } from '../../core/app';
import { call } from '../helpers/core';
import { TRAN_VAN_DUC, personInput } from '../helpers/people';
import { tempDir } from '../helpers/temp';
import { startPrintSink, type SinkConnection } from './print-sink';

const TICKETS = 30;
const RECEIPTS = 10;
const BUSY_TICKETS = 10;
const TARGET_FIRST_BYTE_MS = 150;

function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

export interface PrintBench {
  ticketFirstByteMs: number[];
  ticketFirstJobByteMs: number[];
  ticketAnsweredMs: number[];
  ticketBesidePdfFirstByteMs: number[];
  ticketBytes: number;
  receiptLastByteMs: number[];
  receiptBytes: number;
}

export async function runPrintBench(): Promise<PrintBench> {
  const dir = tempDir('motcua-bench-print-');
  const sink = await startPrintSink();
  const core = await createCore({ dataDir: dir.dir, logLevel: 'error', printing: { run: true } });
  try {
    const c = core.openConnection('cli', 'bench', { name: 'bench', role: 'admin' });
    const dossier = await call(core, c, 'dossiers.receive', { agencyCode: '000.27.10.H12', procedureCode: '1.004873', applicant: personInput(TRAN_VAN_DUC) });

    const ticket = async (n: number): Promise<{ conn: SinkConnection; t0: number; answered: number }> => {
      const t0 = performance.now();
      await call(core, c, 'printing.print', { what: { kind: 'ticket', ticket: { number: String(1000 + n), service: 'Cấp giấy phép xây dựng' } }, printer: sink.uri, copies: 1, wait: false });
      const answered = performance.now() - t0;
      return { conn: await sink.nextJob(), t0, answered };
    };
    const out: PrintBench = { ticketFirstByteMs: [], ticketFirstJobByteMs: [], ticketAnsweredMs: [], ticketBesidePdfFirstByteMs: [], ticketBytes: 0, receiptLastByteMs: [], receiptBytes: 0 };
    await ticket(0); // warm-up: the fonts and the raster drawing loaded once
    for (let i = 1; i <= TICKETS; i++) {
      const { conn, t0, answered } = await ticket(i);
      out.ticketFirstByteMs.push(conn.firstByteAt! - t0);
      out.ticketFirstJobByteMs.push(conn.firstJobByteAt! - t0);
      out.ticketAnsweredMs.push(answered);
      out.ticketBytes = conn.jobBytes;
    }

    // The same while an A4 receipt PDF is being made in this core (another counter's print): a ticket must not queue behind it.
    const pdfDir = tempDir('motcua-bench-print-pdf-');
    try {
      for (let i = 1; i <= BUSY_TICKETS; i++) {
        const a4 = call(core, c, 'printing.print', { what: { kind: 'form', form: 'receipt', dossierId: dossier.id, layout: 'a4' }, printer: `pdf:${pdfDir.dir}`, copies: 1, wait: true });
        const { conn, t0 } = await ticket(100 + i);
        out.ticketBesidePdfFirstByteMs.push(conn.firstByteAt! - t0);
        await a4;
      }
    } finally {
      pdfDir.cleanup();
    }

    const receipt = async (): Promise<{ conn: SinkConnection; t0: number }> => {
      const t0 = performance.now();
      await call(core, c, 'printing.print', { what: { kind: 'form', form: 'receipt', dossierId: dossier.id, layout: '80mm' }, printer: sink.uri, copies: 1, wait: false });
      return { conn: await sink.nextJob(), t0 };
    };
    await receipt();
    for (let i = 0; i < RECEIPTS; i++) {
      const { conn, t0 } = await receipt();
      out.receiptLastByteMs.push(conn.lastByteAt! - t0);
      out.receiptBytes = conn.jobBytes;
    }
    return out;
  } finally {
    await core.close();
    await sink.close();
    dir.cleanup();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = await runPrintBench();
  const p = (v: number[]) => `p50 ${percentile(v, 50).toFixed(1)} ms, p95 ${percentile(v, 95).toFixed(1)} ms`;
  const firstP95 = percentile(r.ticketFirstByteMs, 95);
  console.log(
    `ticket pressed → first byte at the printer: ${p(r.ticketFirstByteMs)} (target ≤ ${TARGET_FIRST_BYTE_MS} ms: ${firstP95 <= TARGET_FIRST_BYTE_MS ? 'met' : 'NOT met'}; ` +
      `first job byte ${p(r.ticketFirstJobByteMs)}; call answered ${p(r.ticketAnsweredMs)}; ${TICKETS} tickets)`,
  );
  console.log(`  the same while an A4 receipt PDF is being made in the core: ${p(r.ticketBesidePdfFirstByteMs)} (${BUSY_TICKETS} tickets)`);
  console.log(`receipt at the counter → last byte at an 80 mm printer: ${p(r.receiptLastByteMs)} (${RECEIPTS} receipts)`);
  console.log(`bytes: ${r.ticketBytes.toLocaleString('en')} per ticket, ${r.receiptBytes.toLocaleString('en')} per receipt (80 mm, ESC/POS as sent)`);
  if (firstP95 > TARGET_FIRST_BYTE_MS) process.exitCode = 1;
}
