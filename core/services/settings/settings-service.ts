/**
 * Key/value settings (JSON), each write audited with its actor. Typed accessors live with their features;
 * clients write only the keys of the registry (setByClient), services their own keys (set).
 */
import { AppError } from '../../contract/errors';
import { inTransaction, type Db } from '../../store/database';
import type { Clock } from '../../platform/clock';
import { actorLabel, type Actor } from '../actor';
import type { AuditLog } from '../audit/audit-log';
import { CLIENT_SETTINGS, clientSettingRule, MAX_SETTING_BYTES } from './registry';

export class SettingsService {
  constructor(private readonly db: Db, private readonly audit: AuditLog, private readonly clock: Clock) {}

  get<T = unknown>(key: string): T | null {
    const row = this.db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(key);
    return row ? (JSON.parse(row.value) as T) : null;
  }

  /** settings.set: a known key only, a bounded value, checked by the key's rule. */
  setByClient(actor: Actor, key: string, value: unknown): void {
    const rule = clientSettingRule(key);
    const bytes = Buffer.byteLength(JSON.stringify(value ?? null), 'utf8');
    if (bytes > MAX_SETTING_BYTES) throw new AppError('SETTINGS_VALUE_TOO_LARGE', { maxKb: MAX_SETTING_BYTES / 1024 }, { field: 'value' });
    rule.validate(value);
    this.write(actor, key, value);
  }

  /** For services writing their own keys; a key of the registry still obeys its rule. */
  set(actor: Actor, key: string, value: unknown): void {
    if (Object.hasOwn(CLIENT_SETTINGS, key)) CLIENT_SETTINGS[key]!.validate(value);
    this.write(actor, key, value);
  }

  /** The key's value; when it has none, `value` is stored first, atomically (processes starting together agree). */
  initialise<T>(actor: Actor, key: string, value: T): T {
    return inTransaction(this.db, () => {
      const current = this.get<T>(key);
      if (current !== null) return current;
      this.set(actor, key, value);
      return value;
    });
  }

  private write(actor: Actor, key: string, value: unknown): void {
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
