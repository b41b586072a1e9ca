/**
 * What keyboard-wedge scanners do to Vietnamese text, reproduced to build refusal tests: stripping marks,
 * replacing or dropping letters the keyboard layout cannot type, and typing Telex / VNI keystrokes that no input
 * method composes.
 */
import { analyseLetter } from '../../../core/domain/cccd/syllable';

export function stripMarks(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** Every non-ASCII character becomes '?' (US layout, Alt codes refused). */
export function questionMarks(text: string): string {
  return [...text.normalize('NFC')].map((ch) => (ch.charCodeAt(0) > 0x7f ? '?' : ch)).join('');
}

/** Every non-ASCII character is dropped. */
export function dropNonAscii(text: string): string {
  return [...text.normalize('NFC')].filter((ch) => ch.charCodeAt(0) <= 0x7f).join('');
}

/** A layout that reaches Latin-1 (à, é, ô ...) through Alt codes and drops the rest (ă, đ, ơ, ư, ạ ...). */
export function dropBeyondLatin1(text: string): string {
  return [...text.normalize('NFC')].filter((ch) => ch.charCodeAt(0) <= 0xff).join('');
}

/** Latin-1 kept, the rest turned into '?'. */
export function questionBeyondLatin1(text: string): string {
  return [...text.normalize('NFC')].map((ch) => (ch.charCodeAt(0) > 0xff ? '?' : ch)).join('');
}

const TELEX_KEYS: Record<string, string> = { â: 'aa', ê: 'ee', ô: 'oo', ă: 'aw', ơ: 'ow', ư: 'uw', đ: 'dd' };
const TELEX_TONE = ['', 'f', 's', 'r', 'x', 'j'];
const VNI_KEYS: Record<string, string> = { â: 'a6', ê: 'e6', ô: 'o6', ă: 'a8', ơ: 'o7', ư: 'u7', đ: 'd9' };
const VNI_TONE = ['', '2', '1', '3', '4', '5'];

function typeWords(text: string, keys: Record<string, string>, tones: string[]): string {
  return text.normalize('NFC').replace(/\p{L}+/gu, (word) => {
    let out = '';
    let tone = 0;
    for (const ch of word) {
      const a = analyseLetter(ch);
      if (a === null) {
        out += ch;
        continue;
      }
      if (a.tone !== 0) tone = a.tone;
      const upper = ch !== ch.toLowerCase();
      const k = keys[a.letter] ?? a.letter;
      out += upper ? k.toUpperCase() : k;
    }
    return out + (tones[tone] ?? '');
  });
}

/** Telex keystrokes as typed with the tone key at the end of the word: "Nguyễn" → "Nguyeenx". */
export const telexKeystrokes = (text: string): string => typeWords(text, TELEX_KEYS, TELEX_TONE);
/** VNI keystrokes: "Nguyễn" → "Nguye6n4". */
export const vniKeystrokes = (text: string): string => typeWords(text, VNI_KEYS, VNI_TONE);
