/**
 * The dossier being received, as the clerk fills it in (strings as typed), and the pure rules around it:
 * checking each step, building the contract input for a decision, and mapping a core error's field back to the
 * field on screen. No React, no I/O: unit-tested on its own.
 */
import type { MethodInput, MethodOutput } from '../../../../core/contract/index';
import { isoToVnDate, parseMoney, parseVnDate } from './format';

export type Procedure = MethodOutput<'catalogue.get'>;
export type ParsedQr = MethodOutput<'applicants.parseQr'>;
export type StepId = 'applicant' | 'procedure' | 'checklist' | 'documents' | 'review';
export const STEPS: readonly StepId[] = ['applicant', 'procedure', 'checklist', 'documents', 'review'];
export type Decision = 'receive' | 'supplement' | 'refuse';

export type Mark = 1 | 2 | 3 | 4;
export type Check = 0 | 1 | 2;
export const EXTRA_ITEM_CODE = 'KHAC';

export interface PersonDraft {
  kind: 'citizen' | 'organisation';
  idNumber: string;
  oldIdNumber: string;
  fullName: string;
  /** dd/mm/yyyy as typed. */
  dateOfBirth: string;
  gender: '' | 'male' | 'female';
  address: string;
  /** dd/mm/yyyy as typed. */
  issueDate: string;
  phone: string;
  email: string;
}

export interface ChecklistRow {
  /** Stable key of the row on screen (extra rows share the item code KHAC). */
  key: string;
  itemCode: string;
  name: string;
  required: boolean;
  acceptedMarks: Mark[];
  fileTypes: string[];
  received: boolean;
  mark: Mark;
  copies: string;
  check: Check;
  extra: boolean;
}

export interface AttachmentDraft {
  key: string;
  /** The checklist row the file belongs to. */
  rowKey: string;
  itemCode: string;
  fileName: string;
  mediaType: string;
  bytes: number;
  /** The finished upload (uploads.*) holding the file's bytes in the core. */
  uploadId: string;
}

export interface Draft {
  /** Queue ticket being served: filled from the counter's current ticket, finished with the dossier (not sent with it). */
  ticket: string;
  applicant: PersonDraft;
  /** What the last CCCD scan said about the applicant. */
  scan: { idNumber: string; warnings: string[]; returning: boolean; text: string } | null;
  submitterDiffers: boolean;
  submitter: PersonDraft;
  /** '' searches every agency. */
  agencyCode: string;
  procedure: Procedure | null;
  checklist: ChecklistRow[];
  attachments: AttachmentDraft[];
  resultReturn: 'counter' | 'post';
  returnAddress: string;
  summary: string;
  feeCollected: string;
  feeConfirmed: boolean;
}

export function emptyPerson(kind: PersonDraft['kind'] = 'citizen'): PersonDraft {
  return { kind, idNumber: '', oldIdNumber: '', fullName: '', dateOfBirth: '', gender: '', address: '', issueDate: '', phone: '', email: '' };
}

export function emptyDraft(agencyCode = ''): Draft {
  return {
    ticket: '',
    applicant: emptyPerson(),
    scan: null,
    submitterDiffers: false,
    submitter: emptyPerson(),
    agencyCode,
    procedure: null,
    checklist: [],
    attachments: [],
    resultReturn: 'counter',
    returnAddress: '',
    summary: '',
    feeCollected: '',
    feeConfirmed: false,
  };
}

// ---------- filling in ----------

/**
 * The applicant from a parsed CCCD QR code. Phone and email come from the applicant's last dossier when the core
 * knows them; what the clerk already typed for this same person wins; another person's contact details go.
 */
export function applyQr(d: Draft, qr: ParsedQr, text: string): Draft {
  const same = d.applicant.kind === 'citizen' && d.applicant.idNumber.trim() === qr.idNumber;
  const keep = (typed: string, known: string | null | undefined) => (same && typed.trim() ? typed : (known ?? ''));
  return {
    ...d,
    applicant: {
      kind: 'citizen',
      idNumber: qr.idNumber,
      oldIdNumber: qr.oldIdNumber ?? '',
      fullName: qr.fullName,
      dateOfBirth: isoToVnDate(qr.dateOfBirth),
      gender: qr.gender,
      address: qr.address,
      issueDate: isoToVnDate(qr.issueDate),
      phone: keep(d.applicant.phone, qr.known?.phone),
      email: keep(d.applicant.email, qr.known?.email),
    },
    scan: { idNumber: qr.idNumber, warnings: [...qr.warnings], returning: qr.known !== null, text },
  };
}

/**
 * A scanned card was refused: the applicant it would have replaced goes too, so the next dossier can never be
 * received under the previous person. (The submitter, a different person typed by the clerk, stays.)
 */
export function clearApplicant(d: Draft): Draft {
  return { ...d, applicant: emptyPerson(), scan: null };
}

/** Whether a person's fields hold nothing: spaces alone are nothing, and the kind (citizen/organisation) is no data. */
export function isBlankPerson(p: PersonDraft): boolean {
  return Object.entries(p).every(([k, v]) => k === 'kind' || v.trim() === '');
}

/** Whether any applicant field holds something (so clearing it is worth saying). */
export function hasApplicant(d: Draft): boolean {
  return !isBlankPerson(d.applicant);
}

/**
 * A procedure was chosen: its checklist replaces the old one (unless it is the same procedure again), the
 * result return is one the procedure offers, and the amount to collect starts at the total fee.
 */
export function prepareForProcedure(d: Draft, p: Procedure): Draft {
  const same = d.procedure?.agencyCode === p.agencyCode && d.procedure.code === p.code;
  if (same) return { ...d, procedure: p };
  const returns = p.resultReturn?.length ? p.resultReturn : (['counter', 'post'] as const);
  const total = feeTotal(p);
  return {
    ...d,
    procedure: p,
    checklist: rowsFromProcedure(p),
    attachments: [],
    resultReturn: returns.includes(d.resultReturn) ? d.resultReturn : returns[0]!,
    feeCollected: total > 0 ? String(total) : '',
    feeConfirmed: false,
  };
}

// ---------- checklist ----------

export function rowsFromProcedure(p: Procedure): ChecklistRow[] {
  return p.checklist.map((item) => ({
    key: `item:${item.code}`,
    itemCode: item.code,
    name: item.name,
    required: item.required,
    acceptedMarks: [...item.acceptedMarks] as Mark[],
    fileTypes: item.fileTypes ? [...item.fileTypes] : [],
    received: false,
    mark: (item.acceptedMarks[0] ?? 1) as Mark,
    copies: String(item.copies),
    check: 1,
    extra: false,
  }));
}

export function extraRow(key: string): ChecklistRow {
  return {
    key,
    itemCode: EXTRA_ITEM_CODE,
    name: '',
    required: false,
    acceptedMarks: [1, 2, 3, 4],
    fileTypes: [],
    received: true,
    mark: 1,
    copies: '1',
    check: 1,
    extra: true,
  };
}

/** Required rows not handed in, or handed in but failed: what the core will refuse to receive without. */
export function missingRequired(rows: readonly ChecklistRow[]): { row: ChecklistRow; reason: 'absent' | 'failed' }[] {
  return rows
    .filter((r) => r.required && (!r.received || r.check === 2))
    .map((r) => ({ row: r, reason: r.received ? ('failed' as const) : ('absent' as const) }));
}

export function feeTotal(p: Procedure | null): number {
  return p ? p.fees.fee + p.fees.charge : 0;
}

// ---------- checking what was typed ----------

/** A problem with one field: a message key under `reception.validation` and its parameters. */
export interface Problem {
  message: string;
  params?: Record<string, string | number>;
}
export type Problems = Record<string, Problem>;

const CCCD_RE = /^\d{12}$/;
const OLD_ID_RE = /^\d{9}$/;
const PHONE_RE = /^\+?[0-9 .-]{8,20}$/;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function checkPerson(prefix: 'applicant' | 'submitter', p: PersonDraft, out: Problems): void {
  const id = p.idNumber.trim();
  if (!id) out[`${prefix}.idNumber`] = { message: p.kind === 'citizen' ? 'requiredCccd' : 'requiredTaxCode' };
  else if (p.kind === 'citizen' && !CCCD_RE.test(id)) out[`${prefix}.idNumber`] = { message: 'cccd' };
  else if (id.length > 20) out[`${prefix}.idNumber`] = { message: 'tooLong', params: { max: 20 } };
  if (!p.fullName.trim()) out[`${prefix}.fullName`] = { message: p.kind === 'citizen' ? 'requiredName' : 'requiredOrgName' };
  if (p.kind === 'citizen') {
    if (p.oldIdNumber.trim() && !OLD_ID_RE.test(p.oldIdNumber.trim())) out[`${prefix}.oldIdNumber`] = { message: 'oldId' };
    if (parseVnDate(p.dateOfBirth) === null) out[`${prefix}.dateOfBirth`] = { message: 'date' };
    if (parseVnDate(p.issueDate) === null) out[`${prefix}.issueDate`] = { message: 'date' };
  }
  if (p.address.trim().length > 500) out[`${prefix}.address`] = { message: 'tooLong', params: { max: 500 } };
  if (p.phone.trim() && !PHONE_RE.test(p.phone.trim())) out[`${prefix}.phone`] = { message: 'phone' };
  if (p.email.trim() && !EMAIL_RE.test(p.email.trim())) out[`${prefix}.email`] = { message: 'email' };
}

export function checkStep(step: StepId, d: Draft, decision: Decision = 'receive'): Problems {
  const out: Problems = {};
  switch (step) {
    case 'applicant':
      checkPerson('applicant', d.applicant, out);
      if (d.submitterDiffers) checkPerson('submitter', d.submitter, out);
      break;
    case 'procedure':
      if (!d.procedure) out.procedure = { message: 'procedure' };
      break;
    case 'checklist':
      for (const r of d.checklist) {
        if (r.extra && !r.name.trim()) out[`checklist.${r.key}.name`] = { message: 'extraName' };
        if (r.received) {
          const n = Number(r.copies);
          if (!/^\d+$/.test(r.copies.trim()) || n < 1 || n > 100) out[`checklist.${r.key}.copies`] = { message: 'copies' };
        }
      }
      break;
    case 'documents':
      break;
    case 'review': {
      if (d.resultReturn === 'post' && !d.returnAddress.trim()) out.returnAddress = { message: 'returnAddress' };
      // With required documents missing the core will not receive anyway (it answers with the list), so the
      // clerk is not made to confirm money first.
      if (decision === 'receive' && feeTotal(d.procedure) > 0 && missingRequired(d.checklist).length === 0) {
        const collected = parseMoney(d.feeCollected);
        if (collected === null) out['fees.collected'] = { message: 'collected' };
        else if (collected > 0 && !d.feeConfirmed) out['fees.confirmed'] = { message: 'confirm' };
      }
      break;
    }
  }
  return out;
}

/** Every step's problems, for a decision; the first key (in step order) is where the clerk is sent. */
export function checkAll(d: Draft, decision: Decision): Problems {
  return Object.assign({}, ...STEPS.map((s) => checkStep(s, d, decision))) as Problems;
}

export function stepOfField(key: string): StepId {
  if (key.startsWith('applicant') || key.startsWith('submitter')) return 'applicant';
  if (key === 'procedure') return 'procedure';
  if (key.startsWith('checklist')) return 'checklist';
  if (key.startsWith('attachments')) return 'documents';
  return 'review';
}

// ---------- building the call ----------

type IntakeInput = MethodInput<'dossiers.receive'>;
type PersonInput = NonNullable<IntakeInput['applicant']>;

export function toPersonInput(p: PersonDraft): PersonInput {
  const trimmedOrUndefined = (s: string) => (s.trim() ? s.trim() : undefined);
  const base: PersonInput = {
    kind: p.kind,
    idNumber: p.idNumber.trim(),
    fullName: p.fullName.trim(),
    address: p.address.trim(),
  };
  const phone = trimmedOrUndefined(p.phone);
  const email = trimmedOrUndefined(p.email);
  if (phone) base.phone = phone;
  if (email) base.email = email;
  if (p.kind === 'citizen') {
    base.oldIdNumber = p.oldIdNumber.trim() || null;
    base.dateOfBirth = parseVnDate(p.dateOfBirth) || null;
    base.issueDate = parseVnDate(p.issueDate) || null;
    base.gender = p.gender || null;
  }
  return base;
}

/** What was sent, in the order sent, so an error on `checklist.3.mark` finds its row again. */
export interface SentIndex {
  rows: string[];
  attachments: string[];
}

export interface Intake {
  input: Omit<IntakeInput, 'fees'>;
  sent: SentIndex;
}

export function buildIntake(d: Draft): Intake {
  if (!d.procedure) throw new Error('buildIntake without a procedure');
  const received = d.checklist.filter((r) => r.received);
  // Files of a row unticked later stay on screen state but are not sent: they belong to no received document.
  const receivedKeys = new Set(received.map((r) => r.key));
  const files = d.attachments.filter((a) => receivedKeys.has(a.rowKey));
  const input: Intake['input'] = {
    agencyCode: d.procedure.agencyCode,
    procedureCode: d.procedure.code,
    applicant: toPersonInput(d.applicant),
    // The card's own text goes too while it is still this applicant, so the core keeps its warnings on the dossier.
    ...(d.scan && d.applicant.kind === 'citizen' && d.scan.idNumber === d.applicant.idNumber.trim() ? { applicantQr: d.scan.text } : {}),
    checklist: received.map((r) => ({
      itemCode: r.itemCode,
      mark: r.mark,
      copies: Number(r.copies),
      check: r.check,
      ...(r.extra ? { name: r.name.trim() } : {}),
    })),
    resultReturn: d.resultReturn,
    attachments: files.map((a) => ({ itemCode: a.itemCode, uploadId: a.uploadId })),
  };
  if (d.submitterDiffers) input.submitter = toPersonInput(d.submitter);
  if (d.resultReturn === 'post' && d.returnAddress.trim()) input.returnAddress = d.returnAddress.trim();
  if (d.summary.trim()) input.summary = d.summary.trim();
  return { input, sent: { rows: received.map((r) => r.key), attachments: files.map((a) => a.key) } };
}

export function receiveInput(d: Draft): { input: IntakeInput; sent: SentIndex } {
  const { input, sent } = buildIntake(d);
  const collected = feeTotal(d.procedure) > 0 ? parseMoney(d.feeCollected) : null;
  return { input: collected !== null && collected > 0 ? { ...input, fees: { collected, confirmed: true } } : input, sent };
}

/** The field on screen a core error names (`applicant.idNumber`, `checklist.2.mark`, …), or null. */
export function localField(field: string | undefined, sent: SentIndex): string | null {
  if (!field) return null;
  if (/^(applicant|submitter)\.[A-Za-z]+$/.test(field)) return field;
  if (field === 'procedureCode' || field === 'agencyCode') return 'procedure';
  if (field === 'returnAddress' || field === 'summary') return field;
  if (field.startsWith('fees')) return field.endsWith('confirmed') ? 'fees.confirmed' : 'fees.collected';
  const row = /^checklist\.(\d+)(?:\.([A-Za-z]+))?/.exec(field);
  if (row) {
    const key = sent.rows[Number(row[1])];
    if (key === undefined) return null;
    const part = row[2] === 'name' || row[2] === 'copies' || row[2] === 'mark' || row[2] === 'check' ? row[2] : 'mark';
    return `checklist.${key}.${part}`;
  }
  const att = /^attachments\.(\d+)/.exec(field);
  if (att) {
    const key = sent.attachments[Number(att[1])];
    return key === undefined ? null : `attachments.${key}`;
  }
  return null;
}
