/** Applicants, found again by ID number so a returning citizen is pre-filled. */
import { randomUUID } from 'node:crypto';
import type { Applicant, PersonInput } from '../../contract/dossiers';
import { foldVietnamese } from '../../domain/text/fold';
import type { Db } from '../../store/database';
import type { AuditLog } from '../audit/audit-log';
import { actorLabel, type Actor } from '../actor';

interface Row {
  id: string;
  kind: 'citizen' | 'organisation';
  id_number: string | null;
  old_id_number: string | null;
  full_name: string;
  date_of_birth: string | null;
  gender: 'male' | 'female' | null;
  address: string | null;
  issue_date: string | null;
  phone: string | null;
  email: string | null;
}

const toApplicant = (r: Row): Applicant => ({
  id: r.id,
  kind: r.kind,
  idNumber: r.id_number,
  oldIdNumber: r.old_id_number,
  fullName: r.full_name,
  dateOfBirth: r.date_of_birth,
  gender: r.gender,
  address: r.address,
  issueDate: r.issue_date,
  phone: r.phone,
  email: r.email,
});

export class ApplicantRepo {
  constructor(private readonly db: Db, private readonly audit: AuditLog) {}

  byId(id: string): Applicant | null {
    const r = this.db.prepare<[string], Row>('SELECT * FROM applicants WHERE id = ?').get(id);
    return r ? toApplicant(r) : null;
  }

  byIdNumber(kind: 'citizen' | 'organisation', idNumber: string): Applicant | null {
    const r = this.db.prepare<[string, string], Row>('SELECT * FROM applicants WHERE kind = ? AND id_number = ?').get(kind, idNumber);
    return r ? toApplicant(r) : null;
  }

  /** Inside the caller's transaction: creates the applicant or updates what changed since the last visit. */
  upsert(actor: Actor, p: PersonInput, nowIso: string): Applicant {
    const existing = this.byIdNumber(p.kind, p.idNumber);
    const who = actorLabel(actor);
    const values = {
      kind: p.kind,
      id_number: p.idNumber,
      old_id_number: p.oldIdNumber ?? existing?.oldIdNumber ?? null,
      full_name: p.fullName.normalize('NFC'),
      name_folded: foldVietnamese(p.fullName),
      date_of_birth: p.dateOfBirth ?? existing?.dateOfBirth ?? null,
      gender: p.gender ?? existing?.gender ?? null,
      address: p.address ? p.address.normalize('NFC') : existing?.address ?? null,
      issue_date: p.issueDate ?? existing?.issueDate ?? null,
      phone: p.phone ?? existing?.phone ?? null,
      email: p.email ?? existing?.email ?? null,
    };
    if (!existing) {
      const id = randomUUID();
      this.db
        .prepare(
          `INSERT INTO applicants (id, kind, id_number, old_id_number, full_name, name_folded, date_of_birth, gender, address, issue_date,
             phone, email, created_at, created_by, updated_at, updated_by)
           VALUES (@id, @kind, @id_number, @old_id_number, @full_name, @name_folded, @date_of_birth, @gender, @address, @issue_date,
             @phone, @email, @now, @who, @now, @who)`,
        )
        .run({ id, ...values, now: nowIso, who });
      this.audit.append(actor, { action: 'applicant.create', entity: 'applicant', entityId: id, data: { idNumber: p.idNumber } });
      return this.byId(id)!;
    }
    const before = existing;
    const changed = (Object.keys(values) as (keyof typeof values)[]).filter((k) => {
      const map: Record<keyof typeof values, unknown> = {
        kind: before.kind, id_number: before.idNumber, old_id_number: before.oldIdNumber, full_name: before.fullName,
        name_folded: foldVietnamese(before.fullName),
        date_of_birth: before.dateOfBirth, gender: before.gender, address: before.address, issue_date: before.issueDate,
        phone: before.phone, email: before.email,
      };
      return map[k] !== values[k];
    });
    if (changed.length) {
      this.db
        .prepare(
          `UPDATE applicants SET old_id_number = @old_id_number, full_name = @full_name, name_folded = @name_folded,
             date_of_birth = @date_of_birth, gender = @gender,
             address = @address, issue_date = @issue_date, phone = @phone, email = @email, updated_at = @now, updated_by = @who WHERE id = @id`,
        )
        .run({ ...values, id: existing.id, now: nowIso, who });
      this.audit.append(actor, { action: 'applicant.update', entity: 'applicant', entityId: existing.id, data: { changed } });
    }
    return this.byId(existing.id)!;
  }
}
