import { describe, expect, it } from 'vitest';
import type { CallResult } from '../../../core/contract/bridge';
import type { Connection } from '../../../core/rpc/connection';
import type { HostMessage } from '../../../core/rpc/host-protocol';
import { hostArgv, parseHostArgv } from '../../../electron/shared/host-control';
import { createHostHandler, type HostCore } from '../../../electron/utility/host';

function fakeCore(dispatch?: (conn: Connection, method: string, input: unknown) => Promise<CallResult>) {
  const opened: Connection[] = [];
  const closed: string[] = [];
  let n = 0;
  const core: HostCore = {
    openConnection: (transport, peer) => {
      const c: Connection = { id: `c${++n}`, transport, peer, sessionToken: null, deviceToken: null, system: null };
      opened.push(c);
      return c;
    },
    closeConnection: (c) => void closed.push(c.id),
    dispatch: dispatch ?? (async (conn, method, input) => ({ ok: true, value: { conn: conn.id, method, input } })),
  };
  return { core, opened, closed };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

function handlerFor(core: HostCore) {
  const posted: HostMessage[] = [];
  const warnings: string[] = [];
  const handler = createHostHandler(core, (m) => void posted.push(m), {
    onWarn: (m) => void warnings.push(m),
    internal: () => ({ ok: false, error: { code: 'INTERNAL', message: 'x', params: {} } }),
  });
  return { handler, posted, warnings };
}

describe('core host handler', () => {
  it('keeps one electron connection per connection key and answers each call', async () => {
    const { core, opened } = fakeCore();
    const { handler, posted } = handlerFor(core);
    handler.handle({ type: 'call', id: 1, connectionKey: '7', method: 'auth.login', input: { a: 1 } });
    handler.handle({ type: 'call', id: 2, connectionKey: '7', method: 'system.info', input: null });
    handler.handle({ type: 'call', id: 3, connectionKey: '9', method: 'system.info', input: null });
    await flush();
    expect(opened.map((c) => [c.transport, c.peer])).toEqual([
      ['electron', 'webContents:7'],
      ['electron', 'webContents:9'],
    ]);
    expect(posted).toEqual([
      { type: 'reply', id: 1, result: { ok: true, value: { conn: 'c1', method: 'auth.login', input: { a: 1 } } } },
      { type: 'reply', id: 2, result: { ok: true, value: { conn: 'c1', method: 'system.info', input: null } } },
      { type: 'reply', id: 3, result: { ok: true, value: { conn: 'c2', method: 'system.info', input: null } } },
    ]);
    expect(handler.connectionCount).toBe(2);
  });

  it('closes the connection on disconnect; the next call opens a fresh one', async () => {
    const { core, closed, opened } = fakeCore();
    const { handler } = handlerFor(core);
    handler.handle({ type: 'call', id: 1, connectionKey: '7', method: 'a.b', input: null });
    handler.handle({ type: 'disconnect', connectionKey: '7' });
    handler.handle({ type: 'disconnect', connectionKey: 'unknown' });
    expect(closed).toEqual(['c1']);
    handler.handle({ type: 'call', id: 2, connectionKey: '7', method: 'a.b', input: null });
    expect(opened).toHaveLength(2);
    handler.closeAll();
    expect(closed).toEqual(['c1', 'c2']);
    expect(handler.connectionCount).toBe(0);
  });

  it('answers INTERNAL when dispatch throws or rejects, so no caller hangs', async () => {
    const { core } = fakeCore(async () => {
      throw new Error('bug');
    });
    const { handler, posted, warnings } = handlerFor(core);
    handler.handle({ type: 'call', id: 5, connectionKey: '1', method: 'a.b', input: null });
    await flush();
    expect(posted).toEqual([{ type: 'reply', id: 5, result: { ok: false, error: { code: 'INTERNAL', message: 'x', params: {} } } }]);
    expect(warnings).toHaveLength(1);
  });

  it('ignores malformed messages', () => {
    const { core, opened } = fakeCore();
    const { handler, posted, warnings } = handlerFor(core);
    for (const m of [null, 'call', { type: 'call', id: '1', connectionKey: '1', method: 'a.b' }, { type: 'call', id: 1, method: 'a.b' }, { type: 'exec' }]) {
      handler.handle(m);
    }
    expect(opened).toHaveLength(0);
    expect(posted).toHaveLength(0);
    expect(warnings).toHaveLength(5);
  });
});

describe('host argv', () => {
  it('round-trips data dir, resources dir and log level', () => {
    const argv = hostArgv({ dataDir: '/data/Mot Cua', resourcesDir: '/res', logLevel: 'debug' });
    expect(parseHostArgv(['/usr/bin/electron', '/app/out/main/core-host.js', ...argv])).toEqual({
      dataDir: '/data/Mot Cua',
      resourcesDir: '/res',
      logLevel: 'debug',
    });
  });
  it('requires --data-dir and drops unknown log levels', () => {
    expect(parseHostArgv(['--resources-dir=/r'])).toBeNull();
    expect(parseHostArgv(['--data-dir='])).toBeNull();
    expect(parseHostArgv(['--data-dir=/d', '--log-level=verbose'])).toEqual({ dataDir: '/d', resourcesDir: undefined, logLevel: undefined });
  });
});
