/**
 * The IPC channels between the preload and the main process (calls; events pushed to the window), and the shape a
 * method name must have.
 * Shared by both sides so the preload and main reject exactly the same names.
 */
export const IPC_CALL_CHANNEL = 'motcua:call';
/** Main → renderer: push-channel events for that window's connection ({ event, data }, see core/contract/events.ts). */
export const IPC_EVENT_CHANNEL = 'motcua:event';

/** "group.name", both parts lower camel case: what every contract method is called. */
export const METHOD_NAME_PATTERN = /^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/;
const METHOD_NAME_MAX_LENGTH = 100;

/** Names that would reach Object.prototype if a lookup table were a plain object ("constructor.prototype"). */
function isPrototypeName(part: string): boolean {
  return part === 'prototype' || part in Object.prototype;
}

export function isValidMethodName(method: unknown): method is string {
  if (typeof method !== 'string' || method.length > METHOD_NAME_MAX_LENGTH || !METHOD_NAME_PATTERN.test(method)) return false;
  return !method.split('.').some(isPrototypeName);
}
