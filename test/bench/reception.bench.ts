/**
 * Reception figures: due-date computation, dossier receipt throughput (real SQLite, synchronous=FULL) and
 * form rendering. Run: npx tsx test/bench/reception.bench.ts (or npm run bench).
 */
import { fileURLToPath } from 'node:url';
import { createCore } from '../../core/app';
import { computeDue, createHolidayCalendar } from '../../core/domain/calendar/index';
import { tempDir } from '../helpers/temp';
import { call, withAdmin } from '../helpers/core';
import { TRAN_VAN_DUC, personInput } from '../helpers/people';

function time<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const r = fn();
  return [r, performance.now() - t];
}

export async function runReceptionBench(): Promise<Record<string, number>> {
  const calendar = createHolidayCalendar();
  for (let i = 0; i < 50; i++) computeDue({ received: '2026-11-24T09:30', days: 365, calendar });
  const [, dueMs] = time(() => {
    for (let i = 0; i < 200; i++) computeDue({ received: '2026-11-24T09:30', days: 365, calendar });
  });

  const dir = tempDir('motcua-bench-');
  const core = await createCore({ dataDir: dir.dir, logLevel: 'error' });
  const admin = await withAdmin(core);
  const n = 200;
  const t0 = performance.now();
  let last = '';
  for (let i = 0; i < n; i++) {
    const v = await call(core, admin, 'dossiers.receive', {
      agencyCode: '000.27.10.H12',
      procedureCode: '1.004873',
      applicant: { ...personInput(TRAN_VAN_DUC), idNumber: `0790900${String(i).padStart(5, '0')}` },
    });
    last = v.code!;
  }
  const receiveMs = (performance.now() - t0) / n;
  for (let i = 0; i < 3; i++) await call(core, admin, 'forms.render', { code: last, form: 'receipt', layout: 'a4' });
  const f0 = performance.now();
  for (let i = 0; i < 10; i++) await call(core, admin, 'forms.render', { code: last, form: 'receipt', layout: 'a4' });
  const formA4Ms = (performance.now() - f0) / 10;
  const f1 = performance.now();
  for (let i = 0; i < 10; i++) await call(core, admin, 'forms.render', { code: last, form: 'receipt', layout: '80mm' });
  const form80Ms = (performance.now() - f1) / 10;
  await core.close();
  dir.cleanup();
  return { dueDate365DaysMs: dueMs / 200, receiveMsPerDossier: receiveMs, receiptA4Ms: formA4Ms, receipt80mmMs: form80Ms };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = await runReceptionBench();
  console.log(
    `due date (365 working days): ${r.dueDate365DaysMs!.toFixed(3)} ms; ` +
      `receive: ${r.receiveMsPerDossier!.toFixed(1)} ms/dossier (${(1000 / r.receiveMsPerDossier!).toFixed(0)}/s, fsync per commit); ` +
      `receipt PDF: A4 ${r.receiptA4Ms!.toFixed(1)} ms, 80 mm ${r.receipt80mmMs!.toFixed(1)} ms`,
  );
}
