/**
 * The typed client over the bridge: `api.call('auth.login', {...})` returns the method's output type and
 * throws ApiError for { ok: false }, so screens handle failures with try/catch and show them by code.
 */
import type { MotcuaBridge } from '../../../core/contract/bridge';
import type { ErrorParams, WireError } from '../../../core/contract/errors';
import type { MethodInput, MethodName, MethodOutput } from '../../../core/contract/index';
import { emitDeviceCheck } from '../devices/device-token';
import { emitSessionLost, SESSION_LOST_CODES } from './session-events';

export class ApiError extends Error {
  readonly code: string;
  readonly params: ErrorParams;
  readonly field: string | undefined;
  readonly details: unknown;

  constructor(
    readonly method: string,
    wire: WireError,
  ) {
    super(wire.message);
    this.name = 'ApiError';
    this.code = wire.code;
    this.params = wire.params ?? {};
    this.field = wire.field;
    this.details = wire.details;
  }
}

/** Methods whose input may be left out (their schema defaults it) take an optional argument. */
export type InputArgs<M extends MethodName> = undefined extends MethodInput<M> ? [input?: MethodInput<M>] : [input: MethodInput<M>];

export interface Api {
  call<M extends MethodName>(method: M, ...args: InputArgs<M>): Promise<MethodOutput<M>>;
}

export function createApi(getBridge: () => MotcuaBridge): Api {
  return {
    async call<M extends MethodName>(method: M, ...args: InputArgs<M>): Promise<MethodOutput<M>> {
      const r = await getBridge().call(method, args[0]);
      if (r.ok) return r.value as MethodOutput<M>;
      if (SESSION_LOST_CODES.has(r.error.code) && method !== 'auth.resume') {
        emitSessionLost(r.error.code);
        // A paired device's token may have been revoked: its gate checks it (pairing.resume) and pairs again if so.
        if (method !== 'pairing.resume') emitDeviceCheck(r.error.code);
      } else if (r.error.code === 'PAIRING_DEVICE_REVOKED' && !method.startsWith('pairing.')) {
        // A call on a device connection whose token was revoked since: its gate checks and pairs again.
        emitDeviceCheck(r.error.code);
      }
      throw new ApiError(method, r.error);
    },
  };
}
