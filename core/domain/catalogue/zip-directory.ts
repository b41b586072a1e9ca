/**
 * Reads a zip's central directory (the table at its end) without inflating anything, so an archive that
 * would unpack to gigabytes (a zip bomb) is refused before it is read. Hand-written (~50 lines) because only
 * the declared sizes are needed; the zip libraries installed come only as exceljs's own dependencies.
 */
export interface ZipSummary {
  entries: number;
  /** Sum of the declared uncompressed sizes (Infinity when a ZIP64 size hides it). */
  uncompressedBytes: number;
}

const EOCD_SIG = 0x06054b50;
const CD_SIG = 0x02014b50;

/** Null when the bytes are not a readable zip (the XLSX reader then reports the file as unreadable). */
export function readZipDirectory(tail: Buffer, fileSize: number, readAt: (offset: number, length: number) => Buffer): ZipSummary | null {
  // The end record is in the last 22 + 65,535 (comment) bytes; `tail` holds them.
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = tail.readUInt16LE(eocd + 10);
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    // ZIP64: a catalogue never needs it; report the size as unknown (too large).
    return { entries: count, uncompressedBytes: Infinity };
  }
  if (cdOffset + cdSize > fileSize) return null;
  const cd = readAt(cdOffset, cdSize);
  let p = 0;
  let total = 0;
  let entries = 0;
  while (p + 46 <= cd.length && cd.readUInt32LE(p) === CD_SIG) {
    const size = cd.readUInt32LE(p + 24);
    if (size === 0xffffffff) return { entries: entries + 1, uncompressedBytes: Infinity };
    total += size;
    entries += 1;
    p += 46 + cd.readUInt16LE(p + 28) + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
  }
  return { entries, uncompressedBytes: total };
}
