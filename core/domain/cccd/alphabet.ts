/**
 * The characters a genuine CCCD QR text is made of: Vietnamese letters (and plain Latin a–z for minority-language
 * and foreign words in addresses), digits, the field separator and the punctuation addresses use.
 * Anything else (CJK, "»", "Ã¡" fragments, C1 controls, U+FFFD, '?') means the text went through a wrong charset
 * or a keyboard layout that could not type it.
 */
import { analyseLetter } from './syllable';

const PUNCTUATION = new Set([...' ,.-/()\':;#&+"|', '\u2019', '\u02bc', '\u2013', '\u2014', '\u201c', '\u201d', '\u00a0', '\t']);

/** Is this one character part of the alphabet a genuine CCCD QR text uses? ('?' is not: it is what a lost letter becomes.) */
export function isQrCharacter(ch: string): boolean {
  if (ch >= '0' && ch <= '9') return true;
  if (PUNCTUATION.has(ch)) return true;
  return analyseLetter(ch) !== null;
}

/** Characters of the (NFC) text outside that alphabet, in order of appearance. */
export function foreignCharacters(text: string): string[] {
  const out: string[] = [];
  for (const ch of text.normalize('NFC')) if (!isQrCharacter(ch)) out.push(ch);
  return out;
}

/**
 * A letter only Vietnamese text has: a marked letter outside Latin-1 (ă đ ĩ ũ ơ ư and every dot-below/hook
 * vowel). Scanners that cannot type Vietnamese can at best send Latin-1 (à, é, ô ...), so a record that has one
 * of these letters did come through intact.
 */
export function isVietnameseOnlyLetter(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return cp > 0xff && analyseLetter(ch) !== null;
}

export function hasVietnameseOnlyLetter(text: string): boolean {
  for (const ch of text.normalize('NFC')) if (isVietnameseOnlyLetter(ch)) return true;
  return false;
}

export function hasNonAsciiLetter(text: string): boolean {
  for (const ch of text.normalize('NFC')) if (ch.charCodeAt(0) > 0x7f && analyseLetter(ch) !== null) return true;
  return false;
}
