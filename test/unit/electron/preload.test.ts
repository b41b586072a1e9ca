import { describe, expect, it, vi } from 'vitest';
import { createBridge } from '../../../electron/preload/bridge';
import { IPC_CALL_CHANNEL, isValidMethodName } from '../../../electron/shared/ipc';

describe('method-name validator', () => {
  it.each(['auth.login', 'queue.callNext', 'forms.exportPdf', 'a.b'])('accepts %s', (m) => {
    expect(isValidMethodName(m)).toBe(true);
  });
  it.each([
    'auth',
    'auth.',
    '.login',
    'Auth.login',
    'auth.Login',
    'auth.login.extra',
    'auth.log_in',
    'auth.log-in',
    'auth.login2',
    'auth .login',
    ' auth.login',
    'auth.login\n',
    '__proto__.x',
    'constructor.prototype',
    'system.toString',
    'hasOwnProperty.x',
    '',
    `a.${'b'.repeat(200)}`,
  ])('refuses %j', (m) => {
    expect(isValidMethodName(m)).toBe(false);
  });
  it('refuses non-strings', () => {
    for (const m of [undefined, null, 42, {}, ['auth.login'], { toString: () => 'auth.login' }]) expect(isValidMethodName(m)).toBe(false);
  });
  it('uses a namespaced channel', () => {
    expect(IPC_CALL_CHANNEL).toBe('motcua:call');
  });
});

describe('window.motcua bridge', () => {
  it('is frozen, says it is Electron and exposes only call and subscribe', () => {
    const bridge = createBridge(async () => ({ ok: true, value: 1 }));
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(bridge.transport).toBe('electron');
    expect(Object.keys(bridge).sort()).toEqual(['call', 'subscribe', 'transport']);
  });

  it('forwards valid calls with method and input, and returns the result', async () => {
    const invoke = vi.fn(async (method: string, input: unknown) => ({ ok: true, value: { method, input } }));
    const bridge = createBridge(invoke);
    const r = await bridge.call('auth.login', { user: 'a' });
    expect(invoke).toHaveBeenCalledWith('auth.login', { user: 'a' });
    expect(r).toEqual({ ok: true, value: { method: 'auth.login', input: { user: 'a' } } });
  });

  it('does not send a malformed method name', async () => {
    const invoke = vi.fn(async () => ({ ok: true, value: null }));
    const r = await createBridge(invoke).call('../../etc', {});
    expect(invoke).not.toHaveBeenCalled();
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('RPC_MALFORMED');
  });

  it('turns a broken IPC into INTERNAL instead of throwing', async () => {
    const r = await createBridge(async () => {
      throw new Error("No handler registered for 'motcua:call'");
    }).call('auth.login', {});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('INTERNAL');
  });
});
