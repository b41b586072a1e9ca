/**
 * The printing screens' pure parts: Settings → Printers' draft (to and from printing.configure, the checks before
 * saving, where a core error shows), the reception slips plan (print, reprint or leave waiting), and the messages
 * (both languages alike, every key the screens name present).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PrintJob, PrintingSettings } from '../../../core/contract/printing';
import { printJobStateSchema, printingSettingsSchema } from '../../../core/contract/printing';
import { catalogue } from '../../../core/i18n/catalogue';
import { uiPrinting } from '../../../core/i18n/messages/ui-printing';
import type { MessageTree } from '../../../core/i18n/types';
import { checkDraft, draftOf, fieldOfError, settingsOf, uriLooksValid } from '../../../renderer/src/screens/printing/printer-draft';
import { planSlips, slipForms } from '../../../renderer/src/screens/printing/slip-plan';

const leaves = (tree: MessageTree, prefix = ''): Record<string, string> =>
  Object.fromEntries(Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v]] : Object.entries(leaves(v, `${prefix}${k}.`)))));

function job(p: Partial<PrintJob>): PrintJob {
  return {
    id: 'j1',
    seq: 1,
    createdAt: '2026-12-06T10:00:00.000Z',
    updatedAt: '2026-12-06T10:00:00.000Z',
    kind: 'form',
    title: 'Giấy tiếp nhận',
    form: 'receipt',
    dossierId: '3f0e6f5e-8f3c-4a57-9a35-0d1e0c6f7a11',
    dossierCode: null,
    ticketNumber: null,
    printerUri: 'escpos+tcp://127.0.0.1:9100',
    state: 'printed',
    reprint: false,
    reprintOf: null,
    attempts: 1,
    bytes: 100,
    error: null,
    nextTryAt: null,
    printedAt: '2026-12-06T10:00:01.000Z',
    ...p,
  };
}

describe('Settings → Printers draft', () => {
  const saved: PrintingSettings = printingSettingsSchema.parse({
    receipt: { uri: 'escpos+tcp://10.0.0.5:9100', profile: { paperWidthMm: 58, codePage: 16, cut: 'full', processIdReply: true } },
    ticket: null,
    a4: { uri: 'system:HP LaserJet' },
    receiptCopies: 2,
  });

  it('comes back from the form unchanged, the profile kept only for thermal printers', () => {
    const d = draftOf(saved);
    expect(d.roles.receipt.profile.codePage).toBe('16');
    expect(d.roles.ticket.uri).toBe('');
    expect(settingsOf(d)).toEqual(saved);
    // A system printer typed over a thermal one drops the profile; an empty address is "no printer".
    d.roles.receipt.uri = ' system:Quay 1 ';
    d.roles.a4.uri = '';
    const out = settingsOf(d);
    expect(out.receipt).toEqual({ uri: 'system:Quay 1' });
    expect(out.a4).toBeNull();
    expect(printingSettingsSchema.safeParse(out).success).toBe(true);
  });

  it('an empty code page is the printer default (null), a typed one a number', () => {
    const d = draftOf(null);
    d.roles.ticket.uri = 'escpos+usb://04b8:0202';
    expect(settingsOf(d).ticket?.profile?.codePage).toBeNull();
    d.roles.ticket.profile.codePage = '27';
    expect(settingsOf(d).ticket?.profile?.codePage).toBe(27);
  });

  it('flags addresses no printer form takes and code pages out of range, before saving', () => {
    for (const ok of ['escpos+tcp://127.0.0.1:9100', 'escpos+usb://04B8:0202', 'escpos+serial:///dev/ttyUSB0?baud=19200', 'escpos+serial://COM3?baud=19200', 'escpos+spooler://EPSON TM-T82', 'system:PDF', 'pdf:/srv/in']) {
      expect({ ok, valid: uriLooksValid(ok) }).toEqual({ ok, valid: true });
    }
    for (const bad of ['192.168.1.5:9100', 'tcp://host:9100', 'escpos+tcp://', 'escpos+usb://vid:pid', 'http://printer/']) {
      expect({ bad, valid: uriLooksValid(bad) }).toEqual({ bad, valid: false });
    }
    const d = draftOf(null);
    d.roles.receipt.uri = '192.168.1.5:9100';
    d.roles.ticket.uri = 'escpos+tcp://10.0.0.9';
    d.roles.ticket.profile.codePage = '256';
    expect(checkDraft(d)).toEqual({ 'receipt.uri': 'badUri', 'ticket.codePage': 'badCodePage' });
    d.roles.ticket.uri = 'system:X'; // no profile: its code page is not checked
    d.roles.receipt.uri = '';
    expect(checkDraft(d)).toEqual({});
  });

  it('puts a core error beside the field it names, or the role whose address it quotes', () => {
    const d = draftOf(saved);
    expect(fieldOfError('ticket.uri', {}, d)).toBe('ticket.uri');
    expect(fieldOfError('receipt.profile.codePage', {}, d)).toBe('receipt.codePage');
    expect(fieldOfError('a4', {}, d)).toBe('a4.uri');
    expect(fieldOfError('receiptCopies', {}, d)).toBe('receiptCopies');
    expect(fieldOfError(undefined, { uri: 'SYSTEM:HP LaserJet' }, d)).toBe('a4.uri');
    expect(fieldOfError(undefined, { uri: 'pdf:/elsewhere' }, d)).toBeNull();
    expect(fieldOfError(undefined, {}, d)).toBeNull();
  });
});

describe('reception slips plan', () => {
  const fees = (n: number) => ({ receipts: Array.from({ length: n }, (_, i) => ({ number: String(i) })) }) as never;

  it("prints the decision's slip and the fee receipt when one was issued", () => {
    expect(slipForms({ state: 'received', fees: fees(0) })).toEqual(['receipt']);
    expect(slipForms({ state: 'received', fees: fees(1) })).toEqual(['receipt', 'bien-lai']);
    expect(slipForms({ state: 'refused', fees: fees(0) })).toEqual(['refusal']);
    expect(slipForms({ state: 'supplement_requested', fees: fees(0) })).toEqual(['supplement']);
  });

  it('never sends a slip again while a job for it waits; one that printed is reprinted', () => {
    expect(planSlips(['receipt', 'bien-lai'], [])).toEqual([
      { form: 'receipt', action: 'print' },
      { form: 'bien-lai', action: 'print' },
    ]);
    for (const state of ['queued', 'sending', 'uncertain'] as const) {
      expect(planSlips(['receipt'], [job({ id: 'new', state }), job({ id: 'old' })])).toEqual([{ form: 'receipt', action: 'wait', jobId: 'new' }]);
    }
    expect(planSlips(['receipt', 'bien-lai'], [job({ id: 'b', form: 'bien-lai', state: 'cancelled' }), job({ id: 'r2', reprint: true }), job({ id: 'r1' })])).toEqual([
      { form: 'receipt', action: 'reprint', jobId: 'r2' },
      { form: 'bien-lai', action: 'print' },
    ]);
    // A test page or ticket is not a slip.
    expect(planSlips(['receipt'], [job({ kind: 'test', form: null })])).toEqual([{ form: 'receipt', action: 'print' }]);
  });
});

describe('printing screens messages', () => {
  const dir = new URL('../../../renderer/src/screens/printing/', import.meta.url);
  const sources = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') || f.endsWith('.tsx'))
    .map((f) => readFileSync(new URL(f, dir), 'utf8'));
  const used = new Set(sources.flatMap((s) => [...s.matchAll(/\bt\(\s*'(printingUi\.[\w.]+)'/g)].map((m) => m[1]!)));

  it('gives both languages the same keys and placeholders (plural forms aside)', () => {
    const base = (k: string) => k.replace(/_(one|other)$/, '');
    const vi = leaves(uiPrinting.vi);
    const en = leaves(uiPrinting.en);
    expect([...new Set(Object.keys(vi).map(base))].sort()).toEqual([...new Set(Object.keys(en).map(base))].sort());
    const placeholders = (s: string): string[] => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();
    for (const key of Object.keys(vi)) expect(placeholders(vi[key]!), key).toEqual(placeholders((en[key] ?? en[key.replace(/_other$/, '_one')])!));
  });

  it('has every key the screens name, and one per job state, role, cut and profile flag', () => {
    const built = [
      ...printJobStateSchema.options.map((s) => `printingUi.job.states.${s}`),
      ...['receipt', 'ticket', 'a4'].flatMap((r) => [`printingUi.roles.${r}`, `printingUi.roles.${r}Hint`]),
      ...['partial', 'full', 'none'].map((c) => `printingUi.settings.profile.cuts.${c}`),
      ...['nativeText', 'nativeQr', 'processIdReply', 'statusQuery', 'drawerKick'].map((f) => `printingUi.settings.profile.${f}`),
      ...['badUri', 'badCodePage'].map((e) => `printingUi.settings.errors.${e}`),
      'settingsUi.tabs.printers',
      'printingUi.shortcuts.printSlips',
    ];
    expect(used.size).toBeGreaterThan(60);
    for (const locale of ['vi', 'en'] as const) {
      const all = leaves(catalogue[locale]);
      const missing = [...used, ...built].filter((k) => typeof all[k] !== 'string' && typeof all[`${k}_other`] !== 'string');
      expect({ locale, missing }).toEqual({ locale, missing: [] });
    }
  });

  it('asks the clerk the question of the issue, in Vietnamese, with both answers', () => {
    const vi = leaves(catalogue.vi);
    expect(vi['printingUi.uncertain.question']).toBe('Máy in có thể đã in một phần phiếu này. Phiếu đã được in ra đầy đủ chưa?');
    expect(vi['printingUi.uncertain.printed']).toBe('Đã in đầy đủ');
    expect(vi['printingUi.uncertain.notPrinted']).toBe('Chưa in / in hỏng — in lại');
  });
});
