/**
 * Ticket numbers (issue #18): per day and service group, counted from the group's start number; the text is the
 * group's prefix and the number padded to 3 digits ("A" → A001; no prefix, start 1001 → 1001).
 */

export function ticketNumberText(prefix: string, num: number): string {
  return `${prefix}${String(num).padStart(3, '0')}`;
}

/** The number of the n-th ticket of the day (n from 1). */
export function ticketNumberOf(startNumber: number, seq: number): number {
  return startNumber + seq - 1;
}

/** A number as a clerk types it ("a23", " A023 ", "1023") → prefix and value, or null when it is not one. */
export function parseTicketNumber(text: string): { prefix: string; num: number } | null {
  const m = /^([A-Z]{0,2})0*(\d{1,6})$/.exec(text.trim().toUpperCase().replace(/\s+/g, ''));
  return m ? { prefix: m[1]!, num: Number(m[2]) } : null;
}
