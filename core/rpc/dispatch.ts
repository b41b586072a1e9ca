/**
 * The one way in. Every transport hands (connection, method, raw input) here: the method is looked up, the
 * caller's session and role checked, then the input validated, the handler run, the output validated, and
 * any failure turned into a typed wire error. Nothing a caller sends can crash the process.
 */
import type { z } from 'zod';
import type { CallResult } from '../contract/bridge';
import { AppError, isAppError, type WireError } from '../contract/errors';
import type { MethodDef, Principal } from '../contract/method';
import type { PairedDevice } from '../contract/pairing';
import { errorMessage } from '../i18n/translate';
import type { Logger } from '../platform/logger';
import type { Actor } from '../services/actor';
import type { AuthService } from '../services/auth/auth-service';
import type { Connection } from './connection';
import type { CallContext } from './context';
import type { HandlerFn } from './handlers';
import { issueText, issuesText } from './validation-text';

export interface Dispatcher {
  dispatch(conn: Connection, method: string, input: unknown): Promise<CallResult>;
}

function summariseIssues(issues: z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : '(input)'}: ${i.message}`)
    .join('; ');
}

/** Maps any thrown value to the wire form; unknown errors become INTERNAL (details only in the log). */
export function toWireError(e: unknown): WireError {
  if (isAppError(e)) {
    const w: WireError = { code: e.code, message: errorMessage(e.code, e.params), params: e.params };
    if (e.field !== undefined) w.field = e.field;
    if (e.details !== undefined) w.details = e.details;
    return w;
  }
  const code = (e as { code?: unknown })?.code;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return { code: 'DISK_FULL', message: errorMessage('DISK_FULL'), params: {} };
  if (code === 'SQLITE_BUSY') return { code: 'DB_BUSY', message: errorMessage('DB_BUSY'), params: {} };
  return { code: 'INTERNAL', message: errorMessage('INTERNAL'), params: {} };
}

export function createDispatcher(deps: {
  methods: ReadonlyMap<string, MethodDef>;
  handlers: ReadonlyMap<string, HandlerFn>;
  auth: AuthService;
  logger: Logger;
  /** Paired kiosks and boards (issue #18): a device token to its device, null when unknown or revoked. */
  devices?: { resolve(token: string): PairedDevice | null };
}): Dispatcher {
  const { methods, handlers, auth, logger } = deps;
  for (const name of methods.keys()) if (!handlers.has(name)) throw new Error(`no handler for contract method ${name}`);

  return {
    async dispatch(conn, method, rawInput) {
      const started = performance.now();
      try {
        if (typeof method !== 'string') throw new AppError('RPC_MALFORMED');
        const def = methods.get(method);
        const handler = handlers.get(method);
        if (!def || !handler) throw new AppError('RPC_UNKNOWN_METHOD', { method: method.slice(0, 100) });

        let user: CallContext['user'] = null;
        let device: PairedDevice | null = null;
        let actor: Actor;
        // A device whose token stopped resolving (revoked) is told so, not asked to log in (which it cannot).
        let deviceRevoked = false;
        if (conn.system) {
          actor = { kind: 'system', name: conn.system.name, role: conn.system.role };
        } else if (conn.deviceToken && !conn.sessionToken) {
          device = deps.devices?.resolve(conn.deviceToken) ?? null;
          if (!device) {
            conn.deviceToken = null;
            deviceRevoked = true;
          }
          // Audited under the device's name; its role is never used for access (the device's kind is).
          actor = device ? { kind: 'system', name: `${device.kind}:${device.name}#${device.id}`, role: 'clerk' } : { kind: 'system', name: `anonymous:${conn.transport}`, role: 'clerk' };
        } else {
          const session = conn.sessionToken ? auth.resolveSession(conn.sessionToken) : null;
          if (!session && conn.sessionToken) conn.sessionToken = null;
          user = session?.user ?? null;
          actor = user
            ? { kind: 'user', userId: user.id, username: user.username, role: user.role }
            : { kind: 'system', name: `anonymous:${conn.transport}`, role: 'clerk' };
        }
        if (def.access !== 'public') {
          if (!conn.system && !user && !device) throw new AppError(deviceRevoked ? 'PAIRING_DEVICE_REVOKED' : 'RPC_UNAUTHENTICATED');
          // A device reaches only what names its kind; 'session' means a user (or the local system).
          const principal: Principal = device ? device.kind : actor.role;
          if (def.access === 'session' ? device !== null : !def.access.includes(principal)) throw new AppError('RPC_FORBIDDEN', { method });
        }

        // Only after the caller may call it: a stranger learns nothing of a method's input schema.
        // reportInput: tells a missing field (undefined) from one of the wrong type in the words below.
        const parsed = def.input.safeParse(rawInput === undefined || rawInput === null ? {} : rawInput, { reportInput: true });
        if (!parsed.success) {
          // Words from the catalogue in both languages (the renderer re-renders errors.<code> in its own),
          // never the validator's English.
          const issues = parsed.error.issues;
          throw new AppError('RPC_INVALID_INPUT', { summary: issuesText(issues, 'vi'), summaryEn: issuesText(issues, 'en') }, {
            field: issues[0]?.path.join('.') || undefined,
            details: issues.map((i) => ({ path: i.path.map(String), message: issueText(i, 'vi'), code: i.code })),
          });
        }

        const value = await handler(parsed.data, { conn, user, actor, device });
        const out = def.output.safeParse(value);
        if (!out.success) {
          logger.error('handler output violates contract', { method, issues: summariseIssues(out.error.issues) });
          throw new AppError('INTERNAL');
        }
        logger.debug('call', { method, conn: conn.id, ms: Math.round(performance.now() - started) });
        return { ok: true, value: out.data };
      } catch (e) {
        const wire = toWireError(e);
        const level = wire.code === 'INTERNAL' || wire.code === 'DISK_FULL' ? 'error' : 'info';
        logger[level]('call failed', { method: typeof method === 'string' ? method.slice(0, 100) : null, conn: conn.id, code: wire.code, err: isAppError(e) ? undefined : e });
        return { ok: false, error: wire };
      }
    },
  };
}
