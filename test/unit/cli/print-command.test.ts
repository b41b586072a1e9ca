/**
 * `motcua print`'s pure parts: which arguments go together (checked before the core opens), the exit code and the
 * Vietnamese line for each job state, and its messages in both languages. End to end: test/integration/cli/print*.
 */
import { describe, expect, it } from 'vitest';
import { echoValue, exitForJob, jobLine, plainLine, printRequest, queueOptionsCheck, type PrintOptions } from '../../../core/adapters/cli/commands/print';
import { errorMessage } from '../../../core/i18n/translate';
import { CliFailure } from '../../../core/adapters/cli/runtime';
import { isAppError } from '../../../core/contract/errors';
import { printJobStateSchema, type PrintJob } from '../../../core/contract/printing';
import { cliPrint } from '../../../core/i18n/messages/cli-print';
import type { MessageTree } from '../../../core/i18n/types';

const leaves = (tree: MessageTree, prefix = ''): Record<string, string> =>
  Object.fromEntries(Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v]] : Object.entries(leaves(v, `${prefix}${k}.`)))));

function codeOf(opts: PrintOptions): string | null {
  try {
    printRequest(opts);
    return null;
  } catch (e) {
    if (e instanceof CliFailure) return e.error.code;
    if (isAppError(e)) return e.code;
    throw e;
  }
}

const P = 'escpos+tcp://127.0.0.1:9100';

describe('motcua print arguments', () => {
  it('takes exactly one thing to print, with only the options that go with it', () => {
    expect(codeOf({ printer: P, ticket: '1023', service: 'Cấp giấy phép xây dựng' })).toBeNull();
    expect(codeOf({ printer: P, pdf: 'a.pdf' })).toBeNull();
    expect(codeOf({ printer: P, form: 'receipt', dossier: 'X', layout: '80mm' })).toBeNull();
    expect(codeOf({ printer: P, form: 'bien-lai', dossier: 'X' })).toBeNull();
    const refused: [PrintOptions, string][] = [
      [{ ticket: '1' }, 'CLI_PRINT_NO_PRINTER'],
      [{ printer: '  ', ticket: '1' }, 'CLI_PRINT_NO_PRINTER'],
      [{ printer: P }, 'CLI_PRINT_ONE_SOURCE'],
      [{ printer: P, ticket: '1', pdf: 'a.pdf' }, 'CLI_PRINT_ONE_SOURCE'],
      [{ printer: P, ticket: '1', form: 'receipt', dossier: 'X' }, 'CLI_PRINT_ONE_SOURCE'],
      [{ printer: P, pdf: 'a.pdf', form: 'receipt' }, 'CLI_PRINT_ONE_SOURCE'],
      [{ printer: P, form: 'receipt' }, 'CLI_PRINT_DOSSIER_REQUIRED'],
      [{ printer: P, form: 'receipt', dossier: ' ' }, 'CLI_PRINT_BAD_VALUE'],
      [{ printer: P, ticket: '1', dossier: 'X' }, 'CLI_PRINT_OPTION_ONLY_WITH'],
      [{ printer: P, pdf: 'a.pdf', dossier: 'X' }, 'CLI_PRINT_OPTION_ONLY_WITH'],
      [{ printer: P, pdf: 'a.pdf', service: 'S' }, 'CLI_PRINT_OPTION_ONLY_WITH'],
      [{ printer: P, form: 'receipt', dossier: 'X', service: 'S' }, 'CLI_PRINT_OPTION_ONLY_WITH'],
      [{ printer: P, ticket: '1', layout: 'a4' }, 'CLI_PRINT_OPTION_ONLY_WITH'],
      [{ printer: P, form: 'receipt', dossier: 'X', layout: '58mm' }, 'CLI_PRINT_BAD_VALUE'],
      [{ printer: P, form: 'handover', dossier: 'X' }, 'CLI_PRINT_BAD_VALUE'],
      [{ printer: P, ticket: 'Số 1' }, 'CLI_PRINT_BAD_VALUE'],
      [{ printer: P, ticket: '1', service: '' }, 'CLI_PRINT_BAD_VALUE'],
      [{ printer: 'lpt1:', ticket: '1' }, 'PRINT_BAD_URI'],
      [{ printer: 'escpos+tcp://', ticket: '1' }, 'PRINT_BAD_URI'],
    ];
    for (const [opts, code] of refused) expect(codeOf(opts), JSON.stringify(opts)).toBe(code);
  });

  it('names the option and what it takes in a bad value, in Vietnamese', () => {
    try {
      printRequest({ printer: P, form: 'receipt', dossier: 'X', layout: '58mm' });
      expect.unreachable();
    } catch (e) {
      expect((e as CliFailure).error.message).toBe('--layout "58mm" không hợp lệ: a4 hoặc 80mm.');
      expect((e as CliFailure).exitCode).toBe(2);
    }
  });

  it('a refused value is echoed cut to its first 40 characters', () => {
    const long = 'Đ'.repeat(2000);
    try {
      printRequest({ printer: P, ticket: '1', service: long });
      expect.unreachable();
    } catch (e) {
      const m = (e as CliFailure).error.message;
      expect((e as CliFailure).exitCode).toBe(2);
      expect(m).toContain(`"${'Đ'.repeat(40)}…"`);
      expect(m.length).toBeLessThan(200);
    }
    expect(echoValue('ngắn')).toBe('ngắn');
  });

  it('`print queue` refuses the options of a print (exit 2), and takes none', () => {
    expect(() => queueOptionsCheck({})).not.toThrow();
    expect(() => queueOptionsCheck({ json: true })).not.toThrow();
    try {
      queueOptionsCheck({ printer: P, ticket: '9', json: true });
      expect.unreachable();
    } catch (e) {
      expect((e as CliFailure).error.code).toBe('CLI_PRINT_QUEUE_OPTIONS');
      expect((e as CliFailure).exitCode).toBe(2);
      expect((e as CliFailure).error.message).toContain('--printer, --ticket');
    }
  });

  it("a ticket's QR carries its number", () => {
    expect(printRequest({ printer: P, ticket: 'A023' })).toEqual({ printer: P, what: 'ticket', ticket: { number: 'A023', qr: 'A023' } });
  });
});

describe('motcua print outcome', () => {
  const job = (state: PrintJob['state'], error: PrintJob['error'] = null): PrintJob => ({
    id: 'j',
    seq: 7,
    createdAt: '',
    updatedAt: '',
    kind: 'ticket',
    title: 'Phiếu số 1023',
    form: null,
    dossierId: null,
    dossierCode: null,
    ticketNumber: '1023',
    printerUri: P,
    state,
    reprint: false,
    reprintOf: null,
    attempts: 1,
    bytes: 100,
    error,
    nextTryAt: null,
    printedAt: null,
  });

  it('exits 0 printed, 3 while the job waits (printer or clerk), 1 otherwise', () => {
    const codes = Object.fromEntries(printJobStateSchema.options.map((s) => [s, exitForJob({ state: s })]));
    expect(codes).toEqual({ queued: 3, sending: 3, printed: 0, uncertain: 3, cancelled: 1, failed: 1 });
  });

  it('says in one Vietnamese line what became of the job: the reason once, with its code first when it did not print', () => {
    const offline = { code: 'PRINTER_OFFLINE', message: errorMessage('PRINTER_OFFLINE', { printer: P }) };
    expect(plainLine(job('printed'))).toBe(`Đã in: Phiếu số 1023 — máy in ${P} đã nhận lệnh in số 7.`);
    const queued = plainLine(job('queued', offline));
    expect(queued).toBe(`Lỗi [PRINTER_OFFLINE]: Chưa in lệnh in số 7 (Phiếu số 1023) trên máy in ${P}: ${offline.message} Xem hàng đợi: motcua print queue.`);
    // "sends it when the printer is ready" is said once (by the reason), not again by the line.
    expect(queued.match(/khi máy in sẵn sàng/g)).toHaveLength(1);
    const notFound = plainLine(job('queued', { code: 'PRINTER_NOT_FOUND', message: errorMessage('PRINTER_NOT_FOUND', { printer: 'system:X', detail: 'không có' }) }));
    expect(notFound.match(/vẫn chờ trong hàng đợi/g)).toHaveLength(1);
    const notConfirmed = { code: 'PRINTER_NOT_CONFIRMED', message: errorMessage('PRINTER_NOT_CONFIRMED', { printer: P, written: 10, total: 20, detail: 'x' }) };
    const uncertain = plainLine(job('uncertain', notConfirmed));
    expect(uncertain).toMatch(/^Lỗi \[PRINTER_NOT_CONFIRMED\]: Chưa rõ lệnh in số 7 \(Phiếu số 1023\) đã in hay chưa/);
    // The clerk's buttons by their names in the app, said once.
    expect(uncertain.match(/"Đã in đầy đủ"/g)).toHaveLength(1);
    expect(uncertain.match(/"Chưa in \/ in hỏng — in lại"/g)).toHaveLength(1);
    expect(uncertain).not.toMatch(/"Đã in" hoặc/);
    // No job line says "reason unknown".
    for (const s of printJobStateSchema.options) {
      expect(jobLine(job(s)).split('\n')).toHaveLength(1);
      expect(jobLine(job(s))).not.toMatch(/Không rõ lý do/);
    }
  });

  it('has the same keys and placeholders in Vietnamese and English', () => {
    const vi = leaves(cliPrint.vi);
    const en = leaves(cliPrint.en);
    expect(Object.keys(vi).sort()).toEqual(Object.keys(en).sort());
    const placeholders = (s: string): string[] => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();
    for (const key of Object.keys(vi)) expect(placeholders(vi[key]!), key).toEqual(placeholders(en[key]!));
  });
});
