/**
 * HID POS Scanned Data Report fixtures built from the usage tables (page 0x8C): [ID] length, three symbology
 * bytes, Decoded Data zero-padded to the report size, two vendor bytes, flags (bit 0 = Decoded Data Continued).
 */
export interface ReportOptions {
  reportId?: number | null;
  symbology?: string;
  /** Total report size including the ID byte when there is one (64 is the common full-speed size). */
  size?: number;
}

export function reportsFor(text: string | Uint8Array, options: ReportOptions = {}): Buffer[] {
  const reportId = options.reportId === undefined ? 0x02 : options.reportId;
  const size = options.size ?? (reportId === null ? 63 : 64);
  const body = reportId === null ? size : size - 1;
  const capacity = body - 7;
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : Buffer.from(text);
  const symbology = Buffer.from((options.symbology ?? ']Q1').padEnd(3, '\0').slice(0, 3), 'latin1');
  const out: Buffer[] = [];
  for (let at = 0; at === 0 || at < bytes.length; at += capacity) {
    const chunk = bytes.subarray(at, at + capacity);
    const continued = at + capacity < bytes.length;
    const r = Buffer.alloc(size);
    let o = 0;
    if (reportId !== null) r[o++] = reportId;
    r[o] = chunk.length;
    symbology.copy(r, o + 1);
    chunk.copy(r, o + 4);
    r[size - 3] = 0x3f; // vendor byte (a code ID), ignored by the decoder
    r[size - 1] = continued ? 0x01 : 0x00;
    out.push(r);
  }
  return out;
}
