import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError, isInputError } from '../../../core/contract/errors';
import { eventDefs, type EventDef, type EventMessage } from '../../../core/contract/events';
import type { Role } from '../../../core/contract/method';
import { errorMessage } from '../../../core/i18n/translate';
import type { Logger } from '../../../core/platform/logger';
import { newConnection, type Connection } from '../../../core/rpc/connection';
import { EventHub } from '../../../core/rpc/event-hub';

/** A test event map: one event any logged-in user may see, one only for admins. */
const defs: ReadonlyMap<string, EventDef> = new Map<string, EventDef>([
  ['scans.progress', eventDefs.get('scans.progress')!],
  ['audit.alarm', { summary: 'admins only', access: ['admin'], schema: z.object({ n: z.number().int() }) }],
]);

const progress = {
  jobId: 'j1',
  batchId: 'b1',
  dossierId: null,
  status: 'scanning' as const,
  received: 1,
  processed: 0,
  pageId: null,
  error: null,
};

function setup() {
  const roles = new Map<Connection, Role | null>();
  const errors: Array<{ msg: string; fields?: Record<string, unknown> }> = [];
  const logger: Logger = {
    debug: () => {},
    info: () => {},
    warn: () => {},
    error: (msg, fields) => void errors.push({ msg, fields }),
    child: () => logger,
  };
  const hub = new EventHub({ logger, roleOf: (c) => roles.get(c) ?? null, defs });
  const received = new Map<Connection, EventMessage[]>();
  const open = (role: Role | null): Connection => {
    const c = newConnection('web', 'test');
    roles.set(c, role);
    received.set(c, []);
    c.sink = (m) => void received.get(c)!.push(m);
    return c;
  };
  const publishAlarm = (n: unknown) => (hub.publish as (name: string, data: unknown) => void)('audit.alarm', n);
  return { hub, roles, errors, received, open, publishAlarm };
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  throw new Error('did not throw');
}

describe('EventHub', () => {
  it('refuses an unknown name with an input error (EVENT_UNKNOWN) and a Vietnamese message, subscribing nothing', () => {
    const { hub, open } = setup();
    const c = open('clerk');
    expect(codeOf(() => hub.subscribe(c, ['scans.progress', 'scans.progres']))).toBe('EVENT_UNKNOWN');
    expect(isInputError('EVENT_UNKNOWN')).toBe(true);
    expect(errorMessage('EVENT_UNKNOWN', { name: 'scans.progres' })).toContain('Không có loại thông báo "scans.progres"');
    expect(errorMessage('EVENT_UNKNOWN', { name: 'x.y' }, 'en')).toContain('There is no event "x.y"');
    expect(hub.subscriptions(c)).toEqual([]);
  });

  it('refuses an event the caller\'s role may not see (EVENT_FORBIDDEN), and accepts it for an admin', () => {
    const { hub, open } = setup();
    const clerk = open('clerk');
    expect(codeOf(() => hub.subscribe(clerk, ['audit.alarm']))).toBe('EVENT_FORBIDDEN');
    expect(errorMessage('EVENT_FORBIDDEN', { name: 'audit.alarm' })).toContain('không có quyền');
    expect(errorMessage('EVENT_FORBIDDEN', { name: 'audit.alarm' }, 'en')).toContain('not allowed');
    expect(hub.subscriptions(clerk)).toEqual([]);
    const admin = open('admin');
    expect(hub.subscribe(admin, ['audit.alarm', 'scans.progress'])).toEqual(['audit.alarm', 'scans.progress']);
  });

  it('refuses a connection with no session', () => {
    const { hub, open } = setup();
    expect(codeOf(() => hub.subscribe(open(null), ['scans.progress']))).toBe('EVENT_FORBIDDEN');
  });

  it('delivers an event only to the connections subscribed to it', () => {
    const { hub, open, received, publishAlarm } = setup();
    const a = open('clerk');
    const b = open('clerk');
    const admin = open('admin');
    hub.subscribe(a, ['scans.progress']);
    hub.subscribe(admin, ['audit.alarm']);
    hub.publish('scans.progress', progress);
    publishAlarm({ n: 7 });
    expect(received.get(a)).toEqual([{ event: 'scans.progress', data: progress }]);
    expect(received.get(b)).toEqual([]);
    expect(received.get(admin)).toEqual([{ event: 'audit.alarm', data: { n: 7 } }]);
  });

  it('checks access again at publish: nothing after logout, nothing after a role change that no longer allows it', () => {
    const { hub, open, roles, received, publishAlarm } = setup();
    const a = open('clerk');
    const admin = open('admin');
    hub.subscribe(a, ['scans.progress']);
    hub.subscribe(admin, ['audit.alarm']);
    roles.set(a, null); // logged out or expired
    roles.set(admin, 'clerk'); // demoted
    hub.publish('scans.progress', progress);
    publishAlarm({ n: 1 });
    expect(received.get(a)).toEqual([]);
    expect(received.get(admin)).toEqual([]);
    // Logged in again on the same connection: the subscription still stands.
    roles.set(a, 'clerk');
    hub.publish('scans.progress', progress);
    expect(received.get(a)).toHaveLength(1);
  });

  it('sends nothing to a connection after it is dropped (closed) or has unsubscribed', () => {
    const { hub, open, received } = setup();
    const a = open('clerk');
    const b = open('clerk');
    hub.subscribe(a, ['scans.progress']);
    hub.subscribe(b, ['scans.progress']);
    hub.drop(a);
    expect(hub.unsubscribe(b, ['scans.progress'])).toEqual([]);
    hub.publish('scans.progress', progress);
    expect(received.get(a)).toEqual([]);
    expect(received.get(b)).toEqual([]);
    expect(hub.subscriptions(a)).toEqual([]);
  });

  it('does not send data that violates the event schema: logs an error, never throws to the publisher', () => {
    const { hub, open, received, errors } = setup();
    const a = open('clerk');
    hub.subscribe(a, ['scans.progress']);
    const bad = { ...progress, received: 'one' } as unknown as typeof progress;
    expect(() => hub.publish('scans.progress', bad)).not.toThrow();
    expect(received.get(a)).toEqual([]);
    expect(errors.map((e) => e.msg)).toEqual(['event data violates its schema: not sent']);
    expect(String(errors[0]!.fields?.issues)).toContain('received');
  });

  it('a failing sink is logged and does not stop the other subscribers', () => {
    const { hub, open, received, errors } = setup();
    const a = open('clerk');
    a.sink = () => {
      throw new Error('socket gone');
    };
    const b = open('clerk');
    hub.subscribe(a, ['scans.progress']);
    hub.subscribe(b, ['scans.progress']);
    expect(() => hub.publish('scans.progress', progress)).not.toThrow();
    expect(received.get(b)).toHaveLength(1);
    expect(errors.map((e) => e.msg)).toEqual(['event delivery failed']);
  });
});
