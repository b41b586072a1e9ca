/**
 * Receiving dossiers and moving them through their life. Each decision at the counter (receive, request a
 * supplement, refuse) is one transaction: applicant, dossier, code, checklist, fee receipt, documents and audit
 * rows land together or not at all. Attached files are made durable first and removed if the transaction fails.
 */
import { randomInt, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { DossierView, PersonInput, dossiersContract } from '../../contract/dossiers';
import { AppError } from '../../contract/errors';
import type { Agency, Procedure } from '../../domain/catalogue/schema';
import { formatLocalDateTime, parseLocalDateTime } from '../../domain/calendar/index';
import { defaultReceived, evaluateChecklist, type ChecklistLine, type ReceivedItem } from '../../domain/dossier/checklist';
import { DEFAULT_DOSSIER_CODE_PATTERN } from '../../domain/dossier/code-pattern';
import { checkPerson, sameCard } from '../../domain/dossier/person-check';
import { assertTransition, type DossierState } from '../../domain/dossier/states';
import { normaliseQuery } from '../../domain/text/fold';
import { dayKey, vietnamLocal } from '../../domain/time/vietnam';
import type { Clock } from '../../platform/clock';
import type { DataLayout } from '../../platform/data-dir';
import { nextFeeReceiptNumber, registeredSeries } from '../forms/fee-receipt-series';
import { inTransaction, type Db } from '../../store/database';
import { actorLabel, type Actor } from '../actor';
import type { AuditLog } from '../audit/audit-log';
import type { CalendarService } from '../calendar/calendar-service';
import type { CatalogueService } from '../catalogue/catalogue-service';
import type { AttachmentStore, PreparedFile } from '../documents/attachments';
import type { PageStore } from '../documents/page-store';
import type { ApplicantRepo } from './applicant-repo';
import type { CodeAllocator } from './code-allocator';
import type { CounterIdentity } from './counter-identity';
import { insertTransition } from './transitions';

type ContractInput<K extends keyof typeof dossiersContract> = z.output<(typeof dossiersContract)[K]['input']>;
type IntakeInput = ContractInput<'receive'> | ContractInput<'requestSupplement'> | ContractInput<'refuse'>;

export interface ParsedQr {
  idNumber: string;
  oldIdNumber: string | null;
  fullName: string;
  dateOfBirth: string;
  gender: 'male' | 'female';
  address: string;
  issueDate: string;
  warnings: string[];
}

export interface DossierDeps {
  db: Db;
  audit: AuditLog;
  clock: Clock;
  layout: DataLayout;
  catalogue: CatalogueService;
  calendar: CalendarService;
  applicants: ApplicantRepo;
  allocator: CodeAllocator;
  counter: CounterIdentity;
  parseQr: (text: string) => ParsedQr;
  /** Attached files: content checks and storage (core/services/documents). */
  attachments: AttachmentStore;
  /** Scanned pages: receive takes the clerk's reception tray (core/services/documents/page-store.ts). */
  pages?: Pick<PageStore, 'claimTray'>;
}

interface DossierRow {
  id: string;
  code: string | null;
  agency_code: string;
  procedure_code: string;
  procedure_snapshot: string;
  agency_snapshot: string;
  applicant_id: string;
  applicant_snapshot: string;
  submitter: string | null;
  state: DossierState;
  channel: 'direct' | 'online' | 'postal';
  result_return: 'counter' | 'post';
  received_at: string | null;
  due_at: string | null;
  lookup_pin: string;
  checklist: string;
  fees: string;
  summary: string | null;
  counter_id: string;
  created_at: string;
  version: number;
}

interface StoredFees {
  fee: number;
  charge: number;
  postage: number;
  returnAddress: string | null;
  warnings: string[];
  agencyName: string;
}

export class DossierService {
  constructor(private readonly d: DossierDeps) {}

  private nowLocal(): { iso: string; local: ReturnType<typeof vietnamLocal>; text: string } {
    const now = this.d.clock.now();
    const local = vietnamLocal(now);
    return { iso: now.toISOString(), local, text: formatLocalDateTime(local) };
  }

  // ---------- intake ----------

  private resolveApplicant(input: IntakeInput): { person: PersonInput; warnings: string[] } {
    if (input.applicant && input.applicantQr === undefined) return { person: input.applicant, warnings: [] };
    const qr = this.d.parseQr(input.applicantQr ?? '');
    if (input.applicant) {
      // The clerk confirmed (and may have completed) the card's data: it must still be that card.
      if (input.applicant.kind !== 'citizen' || !sameCard(qr, input.applicant)) {
        throw new AppError('DOSSIER_QR_MISMATCH', { idNumber: qr.idNumber }, { field: 'applicant.idNumber' });
      }
      return { person: input.applicant, warnings: qr.warnings };
    }
    return {
      person: {
        kind: 'citizen',
        idNumber: qr.idNumber,
        oldIdNumber: qr.oldIdNumber,
        fullName: qr.fullName,
        dateOfBirth: qr.dateOfBirth,
        gender: qr.gender,
        address: qr.address,
        issueDate: qr.issueDate,
      },
      warnings: qr.warnings,
    };
  }

  private async intake(
    actor: Actor,
    input: IntakeInput,
    decide: (ctx: { procedure: Procedure; lines: ChecklistLine[]; missing: ReturnType<typeof evaluateChecklist>['missing'] }) => {
      state: Exclude<DossierState, 'draft'>;
      transitionData: Record<string, unknown>;
    },
    fees?: { collected: number },
  ): Promise<DossierView> {
    const agency = this.d.catalogue.agency(input.agencyCode);
    const procedure = this.d.catalogue.procedure(input.agencyCode, input.procedureCode);
    if (!procedure.active) throw new AppError('DOSSIER_PROCEDURE_INACTIVE', { code: procedure.code }, { field: 'procedureCode' });
    const { person, warnings } = this.resolveApplicant(input);
    const today = dayKey(vietnamLocal(this.d.clock.now()));
    checkPerson(person, 'applicant', today);
    if (input.submitter) checkPerson(input.submitter, 'submitter', today);
    if (input.resultReturn === 'post' && !input.returnAddress?.trim()) {
      throw new AppError('DOSSIER_RETURN_ADDRESS_REQUIRED', {}, { field: 'returnAddress' });
    }
    if (procedure.resultReturn && !procedure.resultReturn.includes(input.resultReturn)) {
      throw new AppError('DOSSIER_RETURN_NOT_OFFERED', { how: input.resultReturn }, { field: 'resultReturn' });
    }
    if (fees && fees.collected > procedure.fees.fee + procedure.fees.charge) {
      throw new AppError('DOSSIER_FEE_TOO_MUCH', { amount: fees.collected, due: procedure.fees.fee + procedure.fees.charge }, { field: 'fees.collected' });
    }
    const received: ReceivedItem[] = (input.checklist ?? defaultReceived(procedure.checklist)).map((r) => ({
      itemCode: r.itemCode, mark: r.mark, copies: r.copies, check: r.check, ...(r.name ? { name: r.name } : {}), ...(r.note ? { note: r.note } : {}),
    }));
    const evaluation = evaluateChecklist(procedure.checklist, received);
    const decision = decide({ procedure, lines: evaluation.lines, missing: evaluation.missing });

    const now = this.nowLocal();
    const day = dayKey(now.local);
    const release = await this.d.allocator.prepare(agency.code, day, this.d.clock.now());

    const id = randomUUID();
    let files: PreparedFile[] = [];
    try {
      files = this.d.attachments.prepare(actor, id, procedure, input.attachments, randomUUID);
      inTransaction(this.d.db, () => {
        const applicant = this.d.applicants.upsert(actor, person, now.iso);
        const pattern = agency.codePattern ?? DEFAULT_DOSSIER_CODE_PATTERN;
        const allocated = this.d.allocator.allocate(agency.code, pattern, now.local, day);
        const isReceived = decision.state === 'received';
        const due = isReceived ? this.dueFrom(agency, procedure, now.text) : null;
        const stored: StoredFees = {
          fee: procedure.fees.fee,
          charge: procedure.fees.charge,
          postage: 0,
          returnAddress: input.returnAddress ?? null,
          warnings: [...warnings, ...(allocated.fallback ? ['DOSSIER_WARN_OFFLINE_CODE'] : [])],
          agencyName: agency.name,
        };
        const who = actorLabel(actor);
        const channel = input.channel ?? (actor.role === 'postal_clerk' ? 'postal' : 'direct');
        this.d.db
          .prepare(
            `INSERT INTO dossiers (id, code, agency_code, agency_snapshot, procedure_code, procedure_snapshot, applicant_id, applicant_snapshot,
               submitter, state, channel, result_return, received_at, due_at, lookup_pin, checklist, fees, summary, counter_id,
               created_at, created_by, updated_at, updated_by)
             VALUES (@id, @code, @agency, @agencySnapshot, @procedure, @snapshot, @applicant, @applicantSnapshot, @submitter, @state, @channel,
               @resultReturn, @receivedAt, @due, @pin, @checklist, @fees, @summary, @counter, @now, @who, @now, @who)`,
          )
          .run({
            id,
            code: allocated.code,
            agency: agency.code,
            agencySnapshot: JSON.stringify(agency),
            procedure: procedure.code,
            snapshot: JSON.stringify(procedure),
            applicant: applicant.id,
            applicantSnapshot: JSON.stringify(applicant),
            submitter: input.submitter ? JSON.stringify(input.submitter) : null,
            state: decision.state,
            channel,
            resultReturn: input.resultReturn,
            receivedAt: now.text,
            due,
            pin: String(randomInt(0, 1_000_000)).padStart(6, '0'),
            checklist: JSON.stringify(evaluation.lines),
            fees: JSON.stringify(stored),
            summary: input.summary ?? null,
            counter: this.d.counter.id(),
            now: now.iso,
            who,
          });
        this.recordTransition(actor, id, null, decision.state, { ...decision.transitionData, code: allocated.code, fallbackCode: allocated.fallback }, now.iso);
        this.d.attachments.record(this.d.db, id, files, now.iso, who);
        // Whatever the outcome (received, supplement requested, refused), the papers scanned are this dossier's.
        if (input.trayPages) this.d.pages?.claimTray(this.d.db, actor, id, procedure.checklist.map((i) => i.code));
        if (fees && fees.collected > 0) this.issueFeeReceipt(actor, id, fees.collected, now);
      });
    } catch (e) {
      this.d.attachments.discard(id, files);
      throw e;
    } finally {
      release();
    }
    this.d.attachments.committed(files);
    return this.get({ id });
  }

  private dueFrom(agency: Agency, procedure: Procedure, receivedText: string): string {
    const amount = procedure.processing.amount;
    return this.d.calendar.due({
      received: receivedText,
      agencyCode: agency.code,
      ...(procedure.processing.unit === 'days' ? { days: amount } : { hours: amount }),
    });
  }

  private recordTransition(actor: Actor, id: string, from: DossierState | null, to: DossierState, data: Record<string, unknown>, nowIso: string): void {
    insertTransition(this.d.db, actor, { dossierId: id, from, to, at: nowIso, data });
    this.d.audit.append(actor, { action: `dossier.${to}`, entity: 'dossier', entityId: id, data: { from, to, ...data } });
  }

  private issueFeeReceipt(actor: Actor, dossierId: string, amount: number, now: { iso: string; local: { y: number } }): string {
    // The agency's registered series (Settings), else the counter's own numbering: fee-receipt-series.ts.
    const { number, printed } = nextFeeReceiptNumber(this.d.db, registeredSeries(this.d.db, dossierId), this.d.counter.id(), now.local.y);
    this.d.db
      .prepare('INSERT INTO fee_receipts (number, dossier_id, amount, data, collected_at, collected_by) VALUES (?, ?, ?, ?, ?, ?)')
      .run(number, dossierId, amount, JSON.stringify({ confirmed: true, printed }), now.iso, actorLabel(actor));
    this.d.audit.append(actor, { action: 'dossier.fee_collected', entity: 'dossier', entityId: dossierId, data: { number, amount } });
    return number;
  }

  receive(actor: Actor, input: ContractInput<'receive'>): Promise<DossierView> {
    return this.intake(
      actor,
      input,
      ({ missing }) => {
        if (missing.length) {
          throw new AppError('DOSSIER_CHECKLIST_INCOMPLETE', { count: missing.length, items: missing.map((m) => m.name).join('; ') }, { field: 'checklist', details: missing });
        }
        return { state: 'received', transitionData: {} };
      },
      input.fees,
    );
  }

  requestSupplement(actor: Actor, input: ContractInput<'requestSupplement'>): Promise<DossierView> {
    return this.intake(actor, input, ({ procedure }) => {
      const names = new Map(procedure.checklist.map((i) => [i.code, i.name]));
      const items = input.items.map((it, i) => {
        const name = it.name ?? (it.itemCode ? names.get(it.itemCode) : undefined);
        if (!name) throw new AppError('DOSSIER_UNKNOWN_ITEM', { itemCode: it.itemCode ?? '' }, { field: `items.${i}.itemCode` });
        return { itemCode: it.itemCode ?? null, name, reason: it.reason };
      });
      return { state: 'supplement_requested', transitionData: { items, note: input.note ?? null } };
    });
  }

  refuse(actor: Actor, input: ContractInput<'refuse'>): Promise<DossierView> {
    return this.intake(actor, input, () => ({ state: 'refused', transitionData: { reason: input.reason } }));
  }

  // ---------- later steps ----------

  private row(id: string): DossierRow {
    const r = this.d.db.prepare<[string], DossierRow>('SELECT * FROM dossiers WHERE id = ?').get(id);
    if (!r) throw new AppError('DOSSIER_NOT_FOUND', { ref: id });
    return r;
  }

  private update(actor: Actor, id: string, expectedState: DossierState | null, to: DossierState, set: Record<string, unknown>, data: Record<string, unknown>): DossierView {
    const now = this.nowLocal();
    inTransaction(this.d.db, () => {
      const r = this.row(id);
      if (expectedState !== null && r.state !== expectedState) throw new AppError('DOSSIER_BAD_TRANSITION', { from: r.state, to });
      if (r.state !== to) assertTransition(r.state, to);
      const cols = Object.keys(set);
      this.d.db
        .prepare(
          `UPDATE dossiers SET state = @state, ${cols.map((c) => `${c} = @${c}, `).join('')}updated_at = @now, updated_by = @who, version = version + 1 WHERE id = @id`,
        )
        .run({ ...set, state: to, now: now.iso, who: actorLabel(actor), id });
      this.recordTransition(actor, id, r.state, to, data, now.iso);
    });
    return this.get({ id });
  }

  completeSupplement(actor: Actor, input: ContractInput<'completeSupplement'>): DossierView {
    const r = this.row(input.id);
    if (r.state !== 'supplement_requested') throw new AppError('DOSSIER_BAD_TRANSITION', { from: r.state, to: 'received' });
    const procedure = JSON.parse(r.procedure_snapshot) as Procedure;
    const evaluation = evaluateChecklist(procedure.checklist, input.checklist.map((c) => ({ ...c })) as ReceivedItem[]);
    if (evaluation.missing.length) {
      throw new AppError('DOSSIER_CHECKLIST_INCOMPLETE', { count: evaluation.missing.length, items: evaluation.missing.map((m) => m.name).join('; ') }, { field: 'checklist', details: evaluation.missing });
    }
    const now = this.nowLocal();
    const agency = JSON.parse(r.agency_snapshot) as Agency;
    return this.update(actor, input.id, 'supplement_requested', 'received', { received_at: now.text, due_at: this.dueFrom(agency, procedure, now.text), checklist: JSON.stringify(evaluation.lines) }, {});
  }

  transition(actor: Actor, input: ContractInput<'transition'>): DossierView {
    return this.update(actor, input.id, null, input.to, {}, { note: input.note ?? null });
  }

  apologise(actor: Actor, input: ContractInput<'apologise'>): DossierView {
    const newDue = formatLocalDateTime(parseLocalDateTime(input.newDue, 'newDue'));
    const r = this.row(input.id);
    if (!['received', 'sent_to_agency', 'result_ready'].includes(r.state)) throw new AppError('DOSSIER_BAD_TRANSITION', { from: r.state, to: 'apology' });
    if (r.due_at && newDue <= r.due_at) throw new AppError('DOSSIER_NEW_DUE_NOT_LATER', { due: r.due_at }, { field: 'newDue' });
    if (!this.d.calendar.isWorkingTime(newDue, r.agency_code)) throw new AppError('DOSSIER_NEW_DUE_NOT_WORKING_TIME', { due: newDue }, { field: 'newDue' });
    const now = this.nowLocal();
    inTransaction(this.d.db, () => {
      this.d.db.prepare('UPDATE dossiers SET due_at = ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?').run(newDue, now.iso, actorLabel(actor), input.id);
      insertTransition(this.d.db, actor, { dossierId: input.id, from: r.state, to: r.state, at: now.iso, data: { apology: { reason: input.reason, previousDue: r.due_at, newDue } } });
      this.d.audit.append(actor, { action: 'dossier.apology', entity: 'dossier', entityId: input.id, data: { reason: input.reason, previousDue: r.due_at, newDue } });
    });
    return this.get({ id: input.id });
  }

  collectFee(actor: Actor, input: ContractInput<'collectFee'>): DossierView {
    const now = this.nowLocal();
    inTransaction(this.d.db, () => {
      const r = this.row(input.id);
      if (['refused', 'withdrawn'].includes(r.state)) throw new AppError('DOSSIER_BAD_TRANSITION', { from: r.state, to: 'fee' });
      const due = this.view(r).fees.due;
      if (input.amount > due) throw new AppError('DOSSIER_FEE_TOO_MUCH', { amount: input.amount, due }, { field: 'amount' });
      this.issueFeeReceipt(actor, input.id, input.amount, now);
    });
    return this.get({ id: input.id });
  }

  returnResult(actor: Actor, input: ContractInput<'returnResult'>): DossierView {
    const now = this.nowLocal();
    inTransaction(this.d.db, () => {
      const r = this.row(input.id);
      assertTransition(r.state, 'result_returned');
      this.d.db
        .prepare('INSERT INTO result_returns (dossier_id, returned_at, receiver_name, receiver_id_number, method, note, returned_by) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(input.id, now.text, input.receiverName.normalize('NFC'), input.receiverIdNumber ?? null, input.method, input.note ?? null, actorLabel(actor));
      this.d.db.prepare('UPDATE dossiers SET state = ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?').run('result_returned', now.iso, actorLabel(actor), input.id);
      this.recordTransition(actor, input.id, r.state, 'result_returned', { receiverName: input.receiverName, method: input.method }, now.iso);
    });
    return this.get({ id: input.id });
  }

  // ---------- reading ----------

  get(ref: { id?: string | undefined; code?: string | undefined }): DossierView {
    const r = ref.id
      ? this.d.db.prepare<[string], DossierRow>('SELECT * FROM dossiers WHERE id = ?').get(ref.id)
      : this.d.db.prepare<[string], DossierRow>('SELECT * FROM dossiers WHERE code = ? COLLATE NOCASE').get(ref.code ?? '');
    if (!r) throw new AppError('DOSSIER_NOT_FOUND', { ref: ref.id ?? ref.code ?? '' });
    return this.view(r);
  }

  /** A scanned receipt QR holds the code, or a lookup URL with ?code=…; a clerk may also type the code. */
  lookup(text: string): DossierView {
    let code = text.trim();
    if (/^https?:\/\//i.test(code)) {
      try {
        const url = new URL(code);
        code = url.searchParams.get('code') ?? url.searchParams.get('ma') ?? decodeURIComponent(url.pathname.split('/').filter(Boolean).pop() ?? '');
      } catch {
        throw new AppError('DOSSIER_NOT_FOUND', { ref: text.slice(0, 80) });
      }
    }
    return this.get({ code });
  }

  list(input: ContractInput<'list'>): { id: string; code: string | null; state: DossierState; agencyCode: string; procedureName: string; applicantName: string; receivedAt: string | null; due: string | null }[] {
    const where: string[] = [];
    const params: Record<string, unknown> = { limit: input.limit };
    if (input.state) { where.push('d.state = @state'); params.state = input.state; }
    if (input.agencyCode) { where.push('d.agency_code = @agency'); params.agency = input.agencyCode; }
    if (input.query?.trim()) {
      where.push("(d.code LIKE @q ESCAPE '\\' OR a.id_number LIKE @q ESCAPE '\\' OR a.name_folded LIKE @qf ESCAPE '\\')");
      const escape = (v: string) => v.replace(/[\\%_]/g, (c) => `\\${c}`);
      params.q = `%${escape(input.query.trim().normalize('NFC'))}%`;
      params.qf = `%${escape(normaliseQuery(input.query))}%`;
    }
    const rows = this.d.db
      .prepare<Record<string, unknown>, { id: string; code: string | null; state: DossierState; agency_code: string; procedure_snapshot: string; full_name: string; received_at: string | null; due_at: string | null }>(
        `SELECT d.id, d.code, d.state, d.agency_code, d.procedure_snapshot, a.full_name, d.received_at, d.due_at
         FROM dossiers d JOIN applicants a ON a.id = d.applicant_id
         ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY d.created_at DESC LIMIT @limit`,
      )
      .all(params);
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      state: r.state,
      agencyCode: r.agency_code,
      procedureName: (JSON.parse(r.procedure_snapshot) as Procedure).name,
      applicantName: r.full_name,
      receivedAt: r.received_at,
      due: r.due_at,
    }));
  }

  /** The procedure as it was when the dossier was received. */
  procedureOf(id: string): Procedure {
    return JSON.parse(this.row(id).procedure_snapshot) as Procedure;
  }

  /** The agency as it was when the dossier was received (a later catalogue import does not change old forms). */
  agencyOf(id: string): Agency {
    return JSON.parse(this.row(id).agency_snapshot) as Agency;
  }

  private view(r: DossierRow): DossierView {
    const procedure = JSON.parse(r.procedure_snapshot) as Procedure;
    const stored = JSON.parse(r.fees) as StoredFees;
    const receipts = this.d.db
      .prepare<[string], { number: string; amount: number; collected_at: string; collected_by: string }>(
        'SELECT number, amount, collected_at, collected_by FROM fee_receipts WHERE dossier_id = ? ORDER BY collected_at',
      )
      .all(r.id);
    const paid = receipts.reduce((s, x) => s + x.amount, 0);
    const applicant = JSON.parse(r.applicant_snapshot) as DossierView['applicant'];
    const result = this.d.db
      .prepare<[string], { returned_at: string; receiver_name: string; receiver_id_number: string | null; method: string; note: string | null }>(
        'SELECT * FROM result_returns WHERE dossier_id = ?',
      )
      .get(r.id);
    return {
      id: r.id,
      code: r.code,
      state: r.state,
      agencyCode: r.agency_code,
      agencyName: stored.agencyName,
      procedureCode: r.procedure_code,
      procedureName: procedure.name,
      applicant,
      submitter: r.submitter ? (JSON.parse(r.submitter) as PersonInput) : null,
      channel: r.channel,
      resultReturn: r.result_return,
      returnAddress: stored.returnAddress,
      receivedAt: r.received_at,
      due: r.due_at,
      lookupPin: r.lookup_pin,
      summary: r.summary,
      checklist: JSON.parse(r.checklist) as ChecklistLine[],
      fees: {
        fee: stored.fee,
        charge: stored.charge,
        postage: stored.postage,
        paid,
        due: Math.max(0, stored.fee + stored.charge + stored.postage - paid),
        receipts: receipts.map((x) => ({ number: x.number, amount: x.amount, collectedAt: x.collected_at, collectedBy: x.collected_by })),
      },
      documents: this.d.db
        .prepare<[string], { id: string; item_code: string; file_name: string; bytes: number; sha256: string }>(
          'SELECT id, item_code, file_name, bytes, sha256 FROM dossier_documents WHERE dossier_id = ? ORDER BY created_at, id',
        )
        .all(r.id)
        .map((x) => ({ id: x.id, itemCode: x.item_code, fileName: x.file_name, bytes: x.bytes, sha256: x.sha256 })),
      history: this.d.db
        .prepare<[string], { from_state: string | null; to_state: string; at: string; actor: string; data: string }>(
          'SELECT from_state, to_state, at, actor, data FROM dossier_transitions WHERE dossier_id = ? ORDER BY id',
        )
        .all(r.id)
        .map((x) => ({ from: x.from_state, to: x.to_state, at: x.at, actor: x.actor, data: JSON.parse(x.data) as unknown })),
      result: result
        ? { returnedAt: result.returned_at, receiverName: result.receiver_name, receiverIdNumber: result.receiver_id_number, method: result.method, note: result.note }
        : null,
      warnings: stored.warnings,
      counterId: r.counter_id,
    };
  }
}
