/**
 * Names of stored files. What a clerk sees must be what the file is: bidirectional controls (which can show
 * "evil\u202Efdp.exe" as "evilexe.pdf"), other invisible controls, path separators and characters Windows
 * forbids are removed; a shortened name keeps its extension, so the extension checked is the one stored.
 */
import path from 'node:path';

/** Longest stored name, in characters (the stored path adds a 36-character id). */
export const MAX_FILE_NAME_CHARS = 120;

// Bidi embeddings/overrides/isolates and marks: U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C.
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;
// C0 and C1 controls, DEL, zero-width and other format characters that hide text, BOM.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u180e\u200b-\u200d\u2028\u2029\u2060-\u2064\ufeff\ufff9-\ufffb]/g;
const WINDOWS_FORBIDDEN = /[<>:"|?*]/g;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/** The extension as the checks read it: lower case, without the dot ('' when none). */
export function extensionOf(name: string): string {
  return path.extname(name).slice(1).toLowerCase();
}

export function safeFileName(raw: string): string {
  // The last path segment only: a name is never a path.
  const base = raw.normalize('NFC').replace(BIDI, '').replace(INVISIBLE, '').replace(/\\/g, '/').split('/').pop() ?? '';
  let name = base
    .replace(WINDOWS_FORBIDDEN, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '') // Windows drops trailing dots and spaces, which would change the extension
    .replace(/^\.+/, '_');
  if (WINDOWS_RESERVED.test(name)) name = `_${name}`;
  if (!name) return 'file';
  const chars = [...name];
  if (chars.length <= MAX_FILE_NAME_CHARS) return name;
  const ext = path.extname(name);
  // An "extension" longer than a few characters is part of the name, not a type.
  const keep = ext.length > 1 && ext.length <= 11 ? [...ext] : [];
  const stem = chars.slice(0, chars.length - keep.length).join('').trimEnd();
  return [...[...stem].slice(0, MAX_FILE_NAME_CHARS - keep.length)].join('').trimEnd() + keep.join('');
}
