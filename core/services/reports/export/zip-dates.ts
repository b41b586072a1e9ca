/**
 * Sets every entry's modification time in a ZIP (an XLSX) to one instant. exceljs (through JSZip) stamps each entry
 * with the moment it was added, so the same report written twice differed in those bytes; stamped with the report's
 * generation time, the same report gives the same file. Only the DOS time/date fields of the local and central
 * headers change (the CRCs cover the data, not the headers).
 */

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** DOS date and time of a wall-clock instant (2-second resolution, years from 1980). */
function dosDateTime(local: Date): { date: number; time: number } {
  const year = Math.min(2107, Math.max(1980, local.getUTCFullYear()));
  return {
    date: ((year - 1980) << 9) | ((local.getUTCMonth() + 1) << 5) | local.getUTCDate(),
    time: (local.getUTCHours() << 11) | (local.getUTCMinutes() << 5) | Math.floor(local.getUTCSeconds() / 2),
  };
}

/** `zip` with its entries dated `at` shown in Vietnam time (UTC+7); a buffer that is not a plain ZIP is returned as is. */
export function stampZipEntries(zip: Buffer, at: Date): Buffer {
  const out = Buffer.from(zip);
  let eocd = -1;
  // The end record is at most 22 bytes + a 64 KiB comment from the end.
  for (let i = out.length - 22; i >= Math.max(0, out.length - 22 - 0xffff); i--) {
    if (out.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return zip;
  const { date, time } = dosDateTime(new Date(at.getTime() + 7 * 3_600_000));
  const entries = out.readUInt16LE(eocd + 10);
  let p = out.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n++) {
    if (p + 46 > out.length || out.readUInt32LE(p) !== CENTRAL) return zip;
    out.writeUInt16LE(time, p + 12);
    out.writeUInt16LE(date, p + 14);
    const local = out.readUInt32LE(p + 42);
    if (local + 30 > out.length || out.readUInt32LE(local) !== LOCAL) return zip;
    out.writeUInt16LE(time, local + 10);
    out.writeUInt16LE(date, local + 12);
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}
