/** Money and actors as a Vietnamese counter reads them. */

/** 1234567 → '1.234.567' (Vietnamese thousands separator). */
export function formatMoney(amount: number): string {
  return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }).format(amount);
}

/** The audit actor label 'user:<username>#<id>' or 'system:<name>', split for display. */
export function parseActor(label: string): { kind: 'user' | 'system'; name: string } {
  const user = /^user:(.+)#\d+$/.exec(label);
  if (user) return { kind: 'user', name: user[1]! };
  if (label.startsWith('system:')) return { kind: 'system', name: label.slice('system:'.length) };
  return { kind: 'user', name: label };
}
