/**
 * Detecting CCCD text that a keyboard-wedge scanner mangled beyond certain repair: letters it could not type were
 * dropped or became '?' ("Nguy?n", "Nguyn Vn A"), diacritics were stripped ("Nguyen"), or a Vietnamese input
 * method's raw keys came through (Telex "Nguyeenx Vawn", VNI "Nguye6n4 Va8n").
 *
 * Each word of the name, address and gender is judged by Vietnamese phonotactics (see syllable.ts), not by lists
 * of bad examples. Two strengths of evidence:
 * - hard: impossible in any genuine card text ('?', U+FFFD, characters outside the alphabet, digits in a name, a
 *   word with no vowel that is no address abbreviation). One is enough.
 * - soft: a word that is not Vietnamese as written but becomes a valid syllable with marks (stripped, Telex, VNI),
 *   or an administrative word / province / common surname without its marks or its letters beyond Latin-1.
 *   Minority-language words ("Ksor", "H'Ben", "Ea", "Plei") are not Vietnamese syllables either, and a rare one
 *   may look like Telex, so soft evidence counts only when the record has no letter beyond Latin-1 (ă đ ơ ư ạ ả
 *   ...). Every mangling a wedge scanner produces has none, since a scanner able to type those letters would not
 *   have mangled the text; nearly every genuine record has several.
 * - weak: a word one letter beyond Latin-1 away from a syllable ("Ching" for "Chiềng"), what a layout limited to
 *   Latin-1 leaves, or Telex read from a final s/r/x alone ("Tor" → "Tỏ"). Minority words can be that too
 *   ("Ring" / "Riềng", "Tor"), so it takes two such words, in a record with Latin-1 marks (the sign of such a
 *   layout) and none beyond.
 */
import { foldVietnamese } from '../text/fold';
import { foreignCharacters, hasNonAsciiLetter, hasVietnameseOnlyLetter, isQrCharacter } from './alphabet';
import { looksLikeTelex, looksLikeVni } from './input-methods';
import { PROVINCE_NAMES } from './provinces';
import { analyseLetter, couldBeStrippedSyllable, couldHaveLostLetter, hasVowel, isVietnameseSyllable, splitTone } from './syllable';

export const MANGLING_REASONS = [
  'replacement_character',
  'unexpected_character',
  'digit_in_name',
  'missing_vowel',
  'missing_letters',
  'stripped_marks',
  'telex',
  'vni',
  'keyboard_layout',
  'ambiguous_encoding',
] as const;
export type ManglingReason = (typeof MANGLING_REASONS)[number];

export type ManglingField = 'fullName' | 'address' | 'gender' | 'idNumber' | 'qr';

export interface ManglingEvidence {
  field: ManglingField;
  /** The offending word or character, for logs and support (never stored as applicant data). */
  word: string;
  reason: ManglingReason;
  strength: 'hard' | 'soft' | 'weak';
}

export interface ManglingVerdict {
  mangled: boolean;
  /** The evidence that decided (first hard, else first soft / weak when they count). */
  decisive: ManglingEvidence | null;
  evidence: ManglingEvidence[];
}

function maxCodePoint(s: string): number {
  let max = 0;
  for (const ch of s) max = Math.max(max, ch.codePointAt(0) ?? 0);
  return max;
}
const isAscii = (s: string): boolean => maxCodePoint(s) <= 0x7f;
const isLatin1 = (s: string): boolean => maxCodePoint(s) <= 0xff;

/** Address abbreviations written without vowels ("TP Hồ Chí Minh", "KP 3", "Km 5", "TNHH"). */
const ABBREVIATIONS = new Set([
  'tp', 'tx', 'tt', 'kp', 'tdp', 'tdc', 'kdc', 'kcn', 'kcx', 'kđt', 'kdt', 'ccn', 'ktx', 'hcm', 'ql', 'tl', 'hl', 'đt',
  'dt', 'cc', 'ct', 'km', 'lk', 'tnhh', 'htx',
]);

function isAbbreviation(token: string, followedByDot: boolean, allCaps: boolean): boolean {
  const letters = [...token].length;
  if (followedByDot && letters <= 4) return true;
  if (ABBREVIATIONS.has(token.toLowerCase()) || letters === 1) return true;
  // Short capital codes ("HH", "KĐT") in mixed-case text; a longer one ("PHNG") lost its vowels, and in text that
  // is all capitals, capitals say nothing.
  return !allCaps && token === token.toUpperCase() && letters <= 3;
}

/** Unit words of addresses as written on cards ("Xã", "Thôn", "Thị trấn" ...). */
const UNIT_WORDS = [
  'Xã', 'Huyện', 'Tỉnh', 'Phường', 'Thôn', 'Ấp', 'Xóm', 'Khóm', 'Tổ', 'Số', 'Đường', 'Ngõ', 'Hẻm', 'Kiệt', 'Thị trấn',
  'Thị xã', 'Thành phố', 'Khu phố', 'Tổ dân phố', 'Quận', 'Bản',
];
/** Unmarked forms that are also genuine place names ("Quan Hóa", "Lang Chánh", "Ban Mê") are not evidence. */
const GENUINE_UNMARKED = new Set(['quan', 'ban']);

/** Letters a Latin-1-limited layout cannot type, removed. */
export function dropBeyondLatin1(text: string): string {
  return [...text.normalize('NFC')].filter((ch) => (ch.codePointAt(0) ?? 0) <= 0xff).join('');
}

/** How a scanner without Vietnamese writes a word: marks stripped, or letters beyond Latin-1 / ASCII dropped. */
function damagedForms(word: string): Array<{ form: string; reason: ManglingReason }> {
  const lower = word.toLowerCase();
  const forms: Array<{ form: string; reason: ManglingReason }> = [
    { form: foldVietnamese(lower), reason: 'stripped_marks' },
    { form: dropBeyondLatin1(lower), reason: 'missing_letters' },
    { form: [...lower].filter((ch) => isAscii(ch)).join(''), reason: 'missing_letters' },
  ];
  // Single letters left after dropping ("S" for "Số") are too common as block letters to mean anything.
  return forms.filter((f) => f.form !== lower && f.form.replace(/\s/g, '').length >= 2 && !GENUINE_UNMARKED.has(f.form));
}

const DAMAGED_UNIT_WORDS = new Map<string, ManglingReason>();
for (const unit of UNIT_WORDS) for (const f of damagedForms(unit)) DAMAGED_UNIT_WORDS.set(f.form, f.reason);

/** Common surnames that are always written with marks (Trần, Lê, Phạm ...): unmarked, they are stripped. */
const STRIPPED_SURNAMES = new Set(['tran', 'le', 'pham', 'vu', 'vo', 'dang', 'bui', 'do', 'ho', 'ngo', 'doan', 'dao', 'trinh', 'ha', 'dinh']);

/** Tone-placement-independent key of a word: "Hoà" and "Hòa" are the same word. */
function wordKey(word: string): string {
  const l = splitTone(word);
  return l === null ? word.toLowerCase() : `${l.letters}${l.tone}`;
}

const provinceWords = (name: string): string[] => name.split(/[\s-]+/).filter(Boolean);
const GENUINE_PROVINCES = new Set(PROVINCE_NAMES.map((n) => provinceWords(n).join(' ').toLowerCase()));
const PROVINCES = PROVINCE_NAMES.map((name) => {
  const words = provinceWords(name);
  const dropped = (f: (w: string) => string): string => words.map((w) => f(w.toLowerCase())).filter(Boolean).join(' ');
  return {
    folded: words.map((w) => foldVietnamese(w)).join(' '),
    keys: words.map(wordKey).join(' '),
    /** The name with letters beyond Latin-1, or beyond ASCII, dropped ("hà ni", "h ni" for Hà Nội). */
    dropped: [dropped(dropBeyondLatin1), dropped((w) => [...w].filter((ch) => isAscii(ch)).join(''))].filter((d) => !GENUINE_PROVINCES.has(d)),
  };
});
const PROVINCE_PREFIXES = new Set(['tinh', 'thanh pho', 'tp']);

interface Token {
  text: string;
  followedByDot: boolean;
  /** The text it comes from has no lower-case letter. */
  allCaps: boolean;
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  const allCaps = text === text.toLocaleUpperCase('vi');
  for (const m of text.matchAll(/[\p{L}\p{N}'\u2019\u02bc]+/gu)) {
    const t = m[0].replace(/^['\u2019\u02bc]+|['\u2019\u02bc]+$/gu, '');
    if (t !== '') out.push({ text: t, followedByDot: text[(m.index ?? 0) + m[0].length] === '.', allCaps });
  }
  return out;
}

/**
 * Parts of a word split at apostrophes. Minority names put a consonant prefix before one ("H'Hen", "M'gar",
 * "R'lấp"): such a short vowel-less prefix is part of a genuine word, not a lost vowel.
 */
function wordParts(word: string): string[] {
  const parts = word.split(/['\u2019\u02bc]/).filter(Boolean);
  return parts.filter((p, i) => !(i < parts.length - 1 && [...p].length <= 2 && !hasVowel(p)));
}

function judgeLetters(word: string, field: ManglingField, token: Token): ManglingEvidence | null {
  if (!hasVowel(word)) {
    if (field === 'address' && isAbbreviation(word, token.followedByDot, token.allCaps)) return null;
    return { field, word, reason: 'missing_vowel', strength: 'hard' };
  }
  // A letter beyond Latin-1 is one no mangling scanner could type: the word is genuine even if not Vietnamese.
  if (isVietnameseSyllable(word) || !isLatin1(word)) return null;
  if (isAscii(word) && looksLikeTelex(word)) {
    // Minority words end in r, s, x too ("Ksor", "Tor"): only Telex keys no such word has are soft evidence.
    return { field, word, reason: 'telex', strength: /[fjw]|aa|ee|oo|^dd/i.test(word) ? 'soft' : 'weak' };
  }
  if (isAscii(word) && couldBeStrippedSyllable(word)) return { field, word, reason: 'stripped_marks', strength: 'soft' };
  if (couldHaveLostLetter(word)) return { field, word, reason: 'missing_letters', strength: 'weak' };
  return null; // a minority-language or foreign word: "Ksor", "Plei", "Times"
}

function judgeToken(token: Token, field: ManglingField): ManglingEvidence[] {
  const { text } = token;
  if (/\d/.test(text)) {
    if (field !== 'address') return [{ field, word: text, reason: looksLikeVni(text) ? 'vni' : 'digit_in_name', strength: 'hard' }];
    const letters = text.replace(/\d/g, '');
    // Codes such as "12A", "B5", "CT1A" are genuine; "Lo6", "Xa4" are VNI keys after a word.
    if (/^\p{L}/u.test(text) && [...letters].length >= 2 && looksLikeVni(text)) return [{ field, word: text, reason: 'vni', strength: 'soft' }];
    return [];
  }
  const out: ManglingEvidence[] = [];
  for (const part of wordParts(text)) {
    const e = judgeLetters(part, field, token);
    if (e !== null) out.push(e);
  }
  return out;
}

function characterEvidence(text: string, field: ManglingField, allowed: (ch: string) => boolean): ManglingEvidence[] {
  const out: ManglingEvidence[] = [];
  for (const ch of text) {
    if (ch === '?' || ch === '\ufffd') out.push({ field, word: ch, reason: 'replacement_character', strength: 'hard' });
    else if (!allowed(ch)) out.push({ field, word: ch, reason: 'unexpected_character', strength: 'hard' });
  }
  return out;
}

const nameCharacter = (ch: string): boolean => ch === ' ' || /['\u2019\u02bc.-]/.test(ch) || /\d/.test(ch) || analyseLetter(ch) !== null;

function addressEvidence(address: string): ManglingEvidence[] {
  const out = characterEvidence(address, 'address', (ch) => ch !== '|' && isQrCharacter(ch));
  for (const t of tokens(address)) out.push(...judgeToken(t, 'address'));
  const components = address.split(',').map((c) => tokens(c).map((t) => t.text));
  for (const words of components) {
    for (const n of [3, 2, 1]) {
      const phrase = words.slice(0, n).join(' ');
      const reason = words.length >= n ? DAMAGED_UNIT_WORDS.get(phrase.toLowerCase()) : undefined;
      if (reason !== undefined) {
        out.push({ field: 'address', word: phrase, reason, strength: 'soft' });
        break;
      }
    }
  }
  const last = components[components.length - 1] ?? [];
  let start = 0;
  for (const n of [2, 1]) {
    if (PROVINCE_PREFIXES.has(foldVietnamese(last.slice(0, n).join(' ')))) {
      start = n;
      break;
    }
  }
  const province = last.slice(start);
  const folded = province.map((w) => foldVietnamese(w)).join(' ');
  const keys = province.map(wordKey).join(' ');
  const lower = province.join(' ').toLowerCase();
  if (PROVINCES.some((p) => p.folded === folded && p.keys !== keys)) {
    out.push({ field: 'address', word: province.join(' '), reason: 'stripped_marks', strength: 'soft' });
  } else if (lower !== '' && PROVINCES.some((p) => p.dropped.includes(lower))) {
    out.push({ field: 'address', word: province.join(' '), reason: 'missing_letters', strength: 'soft' });
  }
  return out;
}

function nameEvidence(name: string): ManglingEvidence[] {
  const out = characterEvidence(name, 'fullName', nameCharacter);
  const words = tokens(name);
  for (const t of words) out.push(...judgeToken({ ...t, followedByDot: false }, 'fullName'));
  const surname = words[0]?.text ?? '';
  if (isAscii(surname) && STRIPPED_SURNAMES.has(surname.toLowerCase())) {
    out.push({ field: 'fullName', word: surname, reason: 'stripped_marks', strength: 'soft' });
  }
  return out;
}

/**
 * The gender is a closed vocabulary, "Nam" or "Nữ", so it is judged against what a scanner does to those two words
 * (only the non-ASCII "ữ" can be damaged: dropped, turned into "?", stripped to "u", or left as Telex/VNI keys), not
 * as free text: any other value ("X", "F", "Khác") is a bad gender (CCCD_BAD_GENDER), not scanner mangling.
 */
function genderEvidence(gender: string): ManglingEvidence[] {
  const g = gender.trim();
  const m = /^n(.*)$/i.exec(g);
  if (m === null) return [];
  const rest = m[1]!.toLowerCase();
  const evidence = (reason: ManglingEvidence['reason'], strength: ManglingEvidence['strength']): ManglingEvidence[] => [{ field: 'gender', word: g, reason, strength }];
  if (rest === '') return evidence('missing_vowel', 'hard');
  if (/^[?\ufffd]{1,3}$/.test(rest)) return evidence('replacement_character', 'hard');
  if (rest === 'u') return evidence('stripped_marks', 'soft');
  if (/^u(w|wx|xw)$/.test(rest)) return evidence('telex', 'hard');
  if (/^u(7|74|47)$/.test(rest)) return evidence('vni', 'hard');
  return [];
}

/** Judge the letter fields of one record. Text must be NFC (parse normalises before calling). */
export function assessMangling(fields: { fullName: string; address: string; gender: string }): ManglingVerdict {
  const evidence = [...nameEvidence(fields.fullName), ...genderEvidence(fields.gender), ...addressEvidence(fields.address)];
  const all = `${fields.fullName} ${fields.gender} ${fields.address}`;
  const softCounts = !hasVietnameseOnlyLetter(all);
  const weak = evidence.filter((e) => e.strength === 'weak');
  const weakCounts = softCounts && weak.length >= 2 && hasNonAsciiLetter(all);
  const decisive =
    evidence.find((e) => e.strength === 'hard') ??
    (softCounts ? evidence.find((e) => e.strength === 'soft') : undefined) ??
    (weakCounts ? weak[0] : undefined);
  return { mangled: decisive !== undefined, decisive: decisive ?? null, evidence };
}

/**
 * Digits typed on a layout whose digit row needs Shift (French/Belgian AZERTY: 1 → '&', 2 → 'é' ...). A number
 * field full of these is the wedge scanner's keyboard layout, not a bad card.
 */
export function looksLikeShiftedDigits(field: string): boolean {
  return /[&é"'(§è!_çà)]/.test(field) && /^[0-9&é"'(§è!_çà)-]+$/.test(field);
}

/** Characters outside the QR alphabet anywhere in the raw text (after NFC). */
export function hasForeignCharacters(text: string): boolean {
  return foreignCharacters(text).length > 0;
}
