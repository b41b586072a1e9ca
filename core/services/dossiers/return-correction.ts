/**
 * Correcting a recorded result return: who received it (name, ID number) was written wrong — say a scanned card
 * landed in the name as raw QR text. The return itself stays; the change, its reason and who made it are kept as
 * a history row of the dossier and an audit entry, in the same transaction as the update, so nothing is lost.
 */
import type { z } from 'zod';
import type { DossierView, dossiersContract } from '../../contract/dossiers';
import { AppError } from '../../contract/errors';
import type { Clock } from '../../platform/clock';
import { inTransaction, type Db } from '../../store/database';
import { actorLabel, type Actor } from '../actor';
import type { AuditLog } from '../audit/audit-log';
import { insertTransition } from './transitions';

export type CorrectReturnInput = z.output<(typeof dossiersContract)['correctReturn']['input']>;

export interface ReturnCorrectionDeps {
  db: Db;
  audit: AuditLog;
  clock: Clock;
  get(ref: { id: string }): DossierView;
}

interface Receiver {
  receiverName: string;
  receiverIdNumber: string | null;
}

export class ReturnCorrection {
  constructor(private readonly d: ReturnCorrectionDeps) {}

  correct(actor: Actor, input: CorrectReturnInput): DossierView {
    const after: Receiver = { receiverName: input.receiverName.normalize('NFC'), receiverIdNumber: input.receiverIdNumber ? input.receiverIdNumber : null };
    const nowIso = this.d.clock.now().toISOString();
    inTransaction(this.d.db, () => {
      const dossier = this.d.db.prepare<[string], { state: string }>('SELECT state FROM dossiers WHERE id = ?').get(input.id);
      if (!dossier) throw new AppError('DOSSIER_NOT_FOUND', { ref: input.id });
      const row = this.d.db
        .prepare<[string], { receiver_name: string; receiver_id_number: string | null }>('SELECT receiver_name, receiver_id_number FROM result_returns WHERE dossier_id = ?')
        .get(input.id);
      if (!row) throw new AppError('DOSSIER_NOT_RETURNED', { state: dossier.state });
      const before: Receiver = { receiverName: row.receiver_name, receiverIdNumber: row.receiver_id_number };
      if (before.receiverName === after.receiverName && before.receiverIdNumber === after.receiverIdNumber) {
        throw new AppError('DOSSIER_RETURN_UNCHANGED', {}, { field: 'receiverName' });
      }
      const who = actorLabel(actor);
      this.d.db.prepare('UPDATE result_returns SET receiver_name = ?, receiver_id_number = ? WHERE dossier_id = ?').run(after.receiverName, after.receiverIdNumber, input.id);
      this.d.db.prepare('UPDATE dossiers SET updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?').run(nowIso, who, input.id);
      const data = { returnCorrection: { before, after, reason: input.reason } };
      insertTransition(this.d.db, actor, { dossierId: input.id, from: dossier.state, to: dossier.state, at: nowIso, data });
      this.d.audit.append(actor, { action: 'dossier.return_corrected', entity: 'dossier', entityId: input.id, data });
    });
    return this.d.get({ id: input.id });
  }
}
