/**
 * How a capability is declared: one typed method with a validated input and output and an access rule.
 * Every transport (Electron IPC, web-mode WebSocket, CLI) goes through rpc/dispatch with these definitions.
 */
import type { z } from 'zod';

export const ROLES = ['clerk', 'postal_clerk', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Devices on the LAN that are paired, not logged in (issue #18): a kiosk or a display board holds a revocable device
 * token that reaches only the methods and events whose access list names its kind.
 */
export const DEVICE_KINDS = ['kiosk', 'board'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];
/** Who a caller is for access checks: a user's role, or a paired device's kind. */
export type Principal = Role | DeviceKind;

/**
 * 'public': callable before login; 'session': any logged-in user (never a device); a list: only those roles and
 * device kinds.
 */
export type Access = 'public' | 'session' | readonly Principal[];

export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  readonly access: Access;
  /** Writes are recorded with their actor in the audit log by the dispatcher. */
  readonly kind: 'query' | 'command';
  readonly summary: string;
}

export function query<I extends z.ZodType, O extends z.ZodType>(d: Omit<MethodDef<I, O>, 'kind'>): MethodDef<I, O> {
  return { ...d, kind: 'query' };
}
export function command<I extends z.ZodType, O extends z.ZodType>(d: Omit<MethodDef<I, O>, 'kind'>): MethodDef<I, O> {
  return { ...d, kind: 'command' };
}

export type ContractGroup = Record<string, MethodDef>;
export type InputOf<M extends MethodDef> = z.input<M['input']>;
export type ParsedInputOf<M extends MethodDef> = z.output<M['input']>;
export type OutputOf<M extends MethodDef> = z.output<M['output']>;
