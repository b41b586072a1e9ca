import type { z } from 'zod';
import type { ContractGroup } from '../contract/method';
import type { CallContext } from './context';

/** The implementation of one contract group: one function per method, typed from the contract. */
export type Handlers<G extends ContractGroup> = {
  [K in keyof G]: (input: z.output<G[K]['input']>, ctx: CallContext) => Promise<z.input<G[K]['output']>> | z.input<G[K]['output']>;
};

export type HandlerFn = (input: unknown, ctx: CallContext) => unknown;
