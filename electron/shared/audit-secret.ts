/**
 * The first message main sends a new core utility process: the master secret the audit keys are derived from
 * (kept by main with Electron's safeStorage), or null when the OS offers no real keychain and the core keeps an
 * owner-only key file instead. Sent over the process's message port, never in argv or the environment.
 */
export interface HostAuditSecret {
  type: 'auditSecret';
  /** base64 of 32 bytes, or null. */
  secret: string | null;
}

export function isHostAuditSecret(data: unknown): data is HostAuditSecret {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as { type?: unknown; secret?: unknown };
  return m.type === 'auditSecret' && (m.secret === null || typeof m.secret === 'string');
}
