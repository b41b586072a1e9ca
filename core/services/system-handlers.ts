import { AppError } from '../contract/errors';
import { MAX_REPORTED_MISMATCHES, type auditContract, type settingsContract, type systemContract } from '../contract/system';
import type { Handlers } from '../rpc/handlers';
import type { Db } from '../store/database';
import type { AuditLog } from './audit/audit-log';
import { reconcileDossiers } from './audit/reconcile';
import type { SettingsService } from './settings/settings-service';
import type { CentralAuditFinding } from './sync/audit-anchor-check';

export function systemHandlers(deps: {
  version: string;
  schemaVersion: () => number;
  backup: (out: string | undefined) => Promise<{ path: string; bytes: number }>;
}): Handlers<typeof systemContract> {
  return {
    info: (_i, ctx) => ({ version: deps.version, schemaVersion: deps.schemaVersion(), transport: ctx.conn.transport }),
    backup: (input, ctx) => {
      // A path on this machine is the local operator's choice only; remote clients get the data folder.
      if (input.out !== undefined && ctx.conn.transport !== 'cli') throw new AppError('RPC_FORBIDDEN', { method: 'system.backup' }, { field: 'out' });
      return deps.backup(input.out);
    },
  };
}

/** centralCheck: the head the central server keeps, compared with the log (audit verify --central; sync/audit-anchor-check.ts). */
export function auditHandlers(audit: AuditLog, db: Db, centralCheck?: () => Promise<CentralAuditFinding>): Handlers<typeof auditContract> {
  return {
    verify: async (input) => {
      let central: CentralAuditFinding | null = null;
      if (input.central) {
        if (!centralCheck) throw new AppError('SYNC_NOT_ENROLLED');
        central = await centralCheck();
      }
      const r = audit.verify();
      const mismatches = reconcileDossiers(db);
      return {
        central,
        ok: r.ok && mismatches.length === 0 && (central === null || central.code === null),
        rows: r.rows,
        keyed: r.keyed,
        firstBadId: r.ok ? null : r.firstBadId,
        reason: r.ok ? null : r.reason,
        mismatches: mismatches.slice(0, MAX_REPORTED_MISMATCHES),
        mismatchCount: mismatches.length,
      };
    },
    list: (input) =>
      audit.list(input).map((r) => ({ id: r.id, at: r.at, actor: r.actor, action: r.action, entity: r.entity, entityId: r.entity_id, data: JSON.parse(r.data) as unknown })),
  };
}

export function settingsHandlers(settings: SettingsService): Handlers<typeof settingsContract> {
  return {
    get: (input) => ({ key: input.key, value: settings.get(input.key) }),
    set: (input, ctx) => {
      settings.setByClient(ctx.actor, input.key, input.value);
      return { key: input.key, value: input.value };
    },
  };
}
