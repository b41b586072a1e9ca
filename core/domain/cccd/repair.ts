/**
 * Repairing QR text that a keyboard-wedge scanner decoded with the wrong charset: the QR holds UTF-8 bytes, the
 * firmware read them as Shift_JIS / GBK / Big5 / windows-1252 ... and typed the resulting characters
 * ("Huỳnh" → "Hu廙軟h" via Big5). Re-encoding with that charset gives the original bytes back, exactly.
 *
 * A repair is accepted only when it is certain: the string round-trips through the charset exactly, the bytes are
 * valid UTF-8, the result is Vietnamese text in the QR alphabet, and every charset that passes these checks gives
 * the same result. Anything less is refused by the caller (CCCD_MANGLED): a guessed name must never be stored.
 */
import iconv from 'iconv-lite';
import { foreignCharacters, hasNonAsciiLetter } from './alphabet';

export type MojibakeCharset =
  | 'windows-1252'
  | 'iso-8859-1'
  | 'windows-1258'
  | 'cp437'
  | 'shift_jis'
  | 'gbk'
  | 'big5'
  | 'euc-kr';

/** Charsets scanner firmware is found configured with, most likely first (the first agreeing one is reported). */
export const MOJIBAKE_CHARSETS: readonly MojibakeCharset[] = [
  'windows-1252',
  'iso-8859-1',
  'windows-1258',
  'cp437',
  'shift_jis',
  'gbk',
  'big5',
  'euc-kr',
];

const SINGLE_BYTE = new Set<MojibakeCharset>(['windows-1252', 'iso-8859-1', 'windows-1258', 'cp437']);

interface SingleByteTable {
  decode: string[];
  encode: Map<string, number>;
}
const tables = new Map<MojibakeCharset, SingleByteTable>();

/**
 * Single-byte tables built from iconv-lite. Windows code pages leave a few bytes (0x81, 0x8D ...) undefined;
 * Windows and the WHATWG decoders map them to the C1 control of the same value, and so do scanners that go through
 * them, so the table does the same instead of losing the byte to U+FFFD.
 */
function singleByteTable(cs: MojibakeCharset): SingleByteTable {
  let t = tables.get(cs);
  if (t !== undefined) return t;
  const decode: string[] = [];
  const encode = new Map<string, number>();
  for (let b = 0; b < 256; b++) {
    let ch = iconv.decode(Buffer.from([b]), cs);
    if (ch === '\ufffd') ch = String.fromCharCode(b);
    decode.push(ch);
    if (!encode.has(ch)) encode.set(ch, b);
  }
  t = { decode, encode };
  tables.set(cs, t);
  return t;
}

/** The bytes that, decoded with `cs`, give exactly `text`; null when no such bytes exist. */
export function bytesBehind(text: string, cs: MojibakeCharset): Buffer | null {
  if (SINGLE_BYTE.has(cs)) {
    const t = singleByteTable(cs);
    const out: number[] = [];
    // Code units on purpose: single-byte charsets only produce BMP characters.
    for (let i = 0; i < text.length; i++) {
      const b = t.encode.get(text[i] ?? '');
      if (b === undefined) return null;
      out.push(b);
    }
    return Buffer.from(out);
  }
  const bytes = iconv.encode(text, cs);
  return iconv.decode(bytes, cs) === text ? bytes : null;
}

/** What a scanner with firmware charset `cs` types for these UTF-8 bytes (used to build test vectors too). */
export function decodeAs(bytes: Uint8Array, cs: MojibakeCharset): string {
  if (SINGLE_BYTE.has(cs)) {
    const t = singleByteTable(cs);
    let s = '';
    for (const b of bytes) s += t.decode[b] ?? '';
    return s;
  }
  return iconv.decode(Buffer.from(bytes), cs);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function utf8OrNull(bytes: Buffer): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/** Is this repaired text what a CCCD QR holds: only QR-alphabet characters and some Vietnamese letter? */
function isVietnameseQrText(text: string): boolean {
  return foreignCharacters(text).length === 0 && hasNonAsciiLetter(text);
}

export type RepairOutcome =
  /** Certain repair: `text` is NFC; `agreeing` lists every charset that gave the same text. */
  | { kind: 'repaired'; text: string; from: MojibakeCharset; agreeing: MojibakeCharset[] }
  /** Several charsets give different plausible texts: not certain, refuse. */
  | { kind: 'ambiguous'; candidates: Array<{ from: MojibakeCharset; text: string }> }
  /** No charset explains the text. */
  | { kind: 'none' };

/**
 * Try to undo a wrong-charset decoding of the whole QR text. Call it only on text that has characters outside
 * the QR alphabet: genuine Vietnamese text is never "repaired". The text must not have been normalised (NFC can
 * merge the characters a charset produced and break the exact round trip).
 */
export function repairMojibake(text: string, charsets: readonly MojibakeCharset[] = MOJIBAKE_CHARSETS): RepairOutcome {
  if (text.includes('\ufffd')) return { kind: 'none' }; // the firmware already lost bytes: nothing to recover
  const found: Array<{ from: MojibakeCharset; text: string }> = [];
  for (const cs of charsets) {
    const bytes = bytesBehind(text, cs);
    if (bytes === null) continue;
    const decoded = utf8OrNull(bytes);
    if (decoded === null || decoded === text) continue;
    const nfc = decoded.normalize('NFC');
    if (isVietnameseQrText(nfc)) found.push({ from: cs, text: nfc });
  }
  return chooseRepair(found);
}

/** The certainty rule over the charsets that passed every check: none, all agreeing, or ambiguous. */
export function chooseRepair(found: ReadonlyArray<{ from: MojibakeCharset; text: string }>): RepairOutcome {
  const first = found[0];
  if (first === undefined) return { kind: 'none' };
  if (found.some((f) => f.text !== first.text)) return { kind: 'ambiguous', candidates: [...found] };
  return { kind: 'repaired', text: first.text, from: first.from, agreeing: found.map((f) => f.from) };
}
