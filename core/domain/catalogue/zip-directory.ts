/**
 * Reads a zip's central directory (the table at its end) and checks what it says against the archive, so an
 * XLSX that would unpack to gigabytes (a zip bomb) is refused before the workbook reader inflates it: the
 * declared sizes are summed first, then every entry is inflated as a stream into a counter that stops at its
 * declared size (a lying header cannot hide a bomb), and the entries must cover the archive with no hidden
 * bytes between them (the streaming reader reads local headers in order, not the directory). Hand-written
 * because only sizes are needed; the zip libraries installed come only as exceljs's own dependencies.
 */
import { createInflateRaw } from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

export interface ZipSummary {
  entries: ZipEntry[];
  /** Sum of the declared uncompressed sizes (Infinity when a ZIP64 size hides it). */
  uncompressedBytes: number;
  directoryOffset: number;
}

const EOCD_SIG = 0x06054b50;
const CD_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
/** An optional data descriptor (signature, CRC, two sizes) may follow an entry's data. */
const MAX_DESCRIPTOR = 16;

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
  // ZIP64: a catalogue never needs it; report the size as unknown (too large).
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) return { entries: [], uncompressedBytes: Infinity, directoryOffset: 0 };
  if (cdOffset + cdSize > fileSize) return null;
  const cd = readAt(cdOffset, cdSize);
  const entries: ZipEntry[] = [];
  let p = 0;
  let total = 0;
  while (p + 46 <= cd.length && cd.readUInt32LE(p) === CD_SIG) {
    const uncompressedSize = cd.readUInt32LE(p + 24);
    const compressedSize = cd.readUInt32LE(p + 20);
    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff) return { entries, uncompressedBytes: Infinity, directoryOffset: cdOffset };
    const nameLength = cd.readUInt16LE(p + 28);
    entries.push({
      name: cd.subarray(p + 46, p + 46 + nameLength).toString('utf8'),
      method: cd.readUInt16LE(p + 10),
      compressedSize,
      uncompressedSize,
      localOffset: cd.readUInt32LE(p + 42),
    });
    total += uncompressedSize;
    p += 46 + nameLength + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
  }
  if (entries.length !== count) return null;
  return { entries, uncompressedBytes: total, directoryOffset: cdOffset };
}

export type ZipProblem = 'unreadable' | 'too-large';

/**
 * Inflates every entry into a counter (nothing is kept) and checks the entries cover the archive up to its
 * directory. 'too-large' when an entry inflates past its declared size or the total past `maxBytes`.
 */
export async function verifyZip(dir: ZipSummary, maxBytes: number, readAt: (offset: number, length: number) => Buffer): Promise<ZipProblem | null> {
  const ordered = [...dir.entries].sort((a, b) => a.localOffset - b.localOffset);
  let expected = 0;
  let total = 0;
  for (const e of ordered) {
    // No bytes the directory does not account for: a hidden entry would be read by the streaming reader.
    if (e.localOffset < expected || e.localOffset > expected + MAX_DESCRIPTOR) return 'unreadable';
    const header = readAt(e.localOffset, 30);
    if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_SIG) return 'unreadable';
    const dataStart = e.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    expected = dataStart + e.compressedSize;
    if (e.method === 0) {
      if (e.compressedSize !== e.uncompressedSize) return 'unreadable';
      total += e.compressedSize;
    } else if (e.method === 8) {
      const out = await inflatedSize(readAt(dataStart, e.compressedSize), e.uncompressedSize);
      if (out === null) return 'too-large';
      total += out;
    } else return 'unreadable';
    if (total > maxBytes) return 'too-large';
  }
  if (dir.directoryOffset < expected || dir.directoryOffset > expected + MAX_DESCRIPTOR) return 'unreadable';
  return null;
}

/** Inflated length of raw deflate data, or null as soon as it passes `limit`. Output is counted, not kept. */
function inflatedSize(data: Buffer, limit: number): Promise<number | null> {
  return new Promise((resolve) => {
    const inflate = createInflateRaw();
    let n = 0;
    let done = false;
    const finish = (v: number | null) => {
      if (done) return;
      done = true;
      inflate.destroy();
      resolve(v);
    };
    inflate.on('data', (chunk: Buffer) => {
      n += chunk.length;
      if (n > limit) finish(null);
    });
    inflate.on('end', () => finish(n));
    // Damaged deflate data: the workbook reader reports the file as unreadable.
    inflate.on('error', () => finish(n));
    inflate.end(data);
  });
}
