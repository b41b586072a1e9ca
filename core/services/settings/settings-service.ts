/** Key/value settings (JSON), each write audited with its actor. Typed accessors live with their features. */
import { AppError } from '../../contract/errors';
import { COUNTER_ID_RE } from '../../domain/dossier/code-pattern';
import { inTransaction, type Db } from '../../store/database';
import type { Clock } from '../../platform/clock';
import { actorLabel, type Actor } from '../actor';
import type { AuditLog } from '../audit/audit-log';

/** Settings whose values have rules: checked whichever way they are written. */
const VALIDATORS: Record<string, (v: unknown) => void> = {
  'counter.id': (v) => {
    if (typeof v !== 'string' || !COUNTER_ID_RE.test(v)) throw new AppError('DOSSIER_BAD_COUNTER_ID', { id: String(v) }, { field: 'value' });
  },
  'forms.lookupUrl': (v) => {
    if (v === null) return;
    if (typeof v !== 'string' || !/^https?:\/\/\S+$/.test(v)) throw new AppError('VALIDATION', { summary: 'forms.lookupUrl: http(s) URL' }, { field: 'value' });
  },
};

export class SettingsService {
  constructor(private readonly db: Db, private readonly audit: AuditLog, private readonly clock: Clock) {}

  get<T = unknown>(key: string): T | null {
    const row = this.db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(key);
    return row ? (JSON.parse(row.value) as T) : null;
  }

  set(actor: Actor, key: string, value: unknown): void {
    VALIDATORS[key]?.(value);
    inTransaction(this.db, () => {
      this.db
        .prepare(
          `INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
           ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
        )
        .run(key, JSON.stringify(value ?? null), this.clock.now().toISOString(), actorLabel(actor));
      this.audit.append(actor, { action: 'settings.set', entity: 'setting', entityId: key, data: { value } });
    });
  }
}
