import { AppError } from '../contract/errors';
import type { auditContract, settingsContract, systemContract } from '../contract/system';
import type { Handlers } from '../rpc/handlers';
import type { AuditLog } from './audit/audit-log';
import type { SettingsService } from './settings/settings-service';

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

export function auditHandlers(audit: AuditLog): Handlers<typeof auditContract> {
  return {
    verify: () => {
      const r = audit.verify();
      return r.ok
        ? { ok: true, rows: r.rows, firstBadId: null, reason: null }
        : { ok: false, rows: r.rows, firstBadId: r.firstBadId, reason: r.reason };
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
