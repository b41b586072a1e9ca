/**
 * The board's Vietnamese announcement as a sequence of voice clips (issue #18): "Mời công dân có số thứ tự 1023 đến
 * quầy số 3" → clip names of resources/voice/vi/<name>.wav, played in order.
 *
 * How a ticket number is read: its letters one by one by their Vietnamese names, each run of digits by its value in
 * words ("A007" → "a", "bảy": the zero padding is for print, not for the ear; "1023" → "một nghìn không trăm hai mươi
 * ba"). Numbers are read the standard (northern, official) way: "linh" for a zero tens digit (105 "một trăm linh năm"),
 * "mốt" for a unit 1 after "mươi" (21), "tư" for a unit 4 after "mươi" (24), "lăm" for a unit 5 after "mười"/"mươi"
 * (15, 25), "không trăm" inside thousands (1023). Up to 999 999 in words; a longer run of digits is read digit by digit.
 *
 * Clip names are ASCII; where two words differ only by their tone the name says the tone: "muoi-huyen" (mười, ten),
 * "muoi-ngang" (mươi, the tens), "mot" (một, one) and "mot-sac" (mốt).
 */

export const OPENING_CLIP = 'moi-cong-dan-co-so-thu-tu';
export const COUNTER_CLIP = 'den-quay-so';

const DIGIT_CLIPS = ['khong', 'mot', 'hai', 'ba', 'bon', 'nam', 'sau', 'bay', 'tam', 'chin'] as const;
const TEN = 'muoi-huyen'; // mười
const TENS = 'muoi-ngang'; // mươi
const ONE_AFTER_TENS = 'mot-sac'; // mốt
const FOUR_AFTER_TENS = 'tu'; // tư
const FIVE_AFTER_TEN = 'lam'; // lăm
const ZERO_TENS = 'linh'; // linh
const HUNDRED = 'tram'; // trăm
const THOUSAND = 'nghin'; // nghìn

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** What each clip says (the synthesiser's input; Vietnamese letter names as spoken in school). */
export const CLIP_TEXTS: Readonly<Record<string, string>> = Object.freeze({
  [OPENING_CLIP]: 'Mời công dân có số thứ tự',
  [COUNTER_CLIP]: 'đến quầy số',
  khong: 'không',
  mot: 'một',
  hai: 'hai',
  ba: 'ba',
  bon: 'bốn',
  nam: 'năm',
  sau: 'sáu',
  bay: 'bảy',
  tam: 'tám',
  chin: 'chín',
  [TEN]: 'mười',
  [TENS]: 'mươi',
  [ONE_AFTER_TENS]: 'mốt',
  [FOUR_AFTER_TENS]: 'tư',
  [FIVE_AFTER_TEN]: 'lăm',
  [ZERO_TENS]: 'linh',
  [HUNDRED]: 'trăm',
  [THOUSAND]: 'nghìn',
  a: 'a',
  b: 'bê',
  c: 'xê',
  d: 'dê',
  e: 'e',
  f: 'ép',
  g: 'giê',
  h: 'hát',
  i: 'i',
  j: 'gi',
  k: 'ca',
  l: 'e lờ',
  m: 'em mờ',
  n: 'en nờ',
  o: 'o',
  p: 'pê',
  q: 'quy',
  r: 'e rờ',
  s: 'ét xì',
  t: 'tê',
  u: 'u',
  v: 'vê',
  w: 'vê kép',
  x: 'ích xì',
  y: 'i dài',
  z: 'dét',
});

/** Every clip name an announcement can use (the files scripts/make-voice-clips.mjs makes). */
export const ALL_CLIPS: readonly string[] = Object.freeze(Object.keys(CLIP_TEXTS));

/** The largest number read in words; longer digit runs are read digit by digit. */
export const MAX_WORDS_NUMBER = 999_999;

/** Tens and units of 0..99 as they follow something else (a hundred): 5 → "linh năm", 0 → nothing. */
function belowHundredAfter(n: number): string[] {
  if (n === 0) return [];
  if (n < 10) return [ZERO_TENS, DIGIT_CLIPS[n]!];
  return belowHundred(n);
}

/** 1..99 on their own: 7 → "bảy", 15 → "mười lăm", 21 → "hai mươi mốt", 24 → "hai mươi tư". */
function belowHundred(n: number): string[] {
  if (n < 10) return [DIGIT_CLIPS[n]!];
  const tens = Math.floor(n / 10);
  const unit = n % 10;
  const out = tens === 1 ? [TEN] : [DIGIT_CLIPS[tens]!, TENS];
  if (unit === 0) return out;
  if (unit === 5) out.push(FIVE_AFTER_TEN);
  else if (unit === 1 && tens > 1) out.push(ONE_AFTER_TENS);
  else if (unit === 4 && tens > 1) out.push(FOUR_AFTER_TENS);
  else out.push(DIGIT_CLIPS[unit]!);
  return out;
}

/** 0..999: as the leading group (no "không trăm") or inside a larger number (full: "không trăm hai mươi ba"). */
function belowThousand(n: number, full: boolean): string[] {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 0 && !full) return rest === 0 ? [DIGIT_CLIPS[0]] : belowHundred(rest);
  return [DIGIT_CLIPS[hundreds]!, HUNDRED, ...belowHundredAfter(rest)];
}

/** A number 0..999 999 in words, as clip names: 1023 → một nghìn không trăm hai mươi ba. */
export function numberClips(n: number): string[] {
  if (!Number.isInteger(n) || n < 0 || n > MAX_WORDS_NUMBER) throw new RangeError(`numberClips: ${n} is not an integer in 0..${MAX_WORDS_NUMBER}`);
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  if (thousands === 0) return belowThousand(rest, false);
  const head = [...belowThousand(thousands, false), THOUSAND];
  return rest === 0 ? head : [...head, ...belowThousand(rest, true)];
}

/** The number part of a ticket as heard: letters by name, digit runs by value (digit by digit when too long). */
export function ticketNumberClips(ticketNumber: string): string[] {
  const out: string[] = [];
  for (const [run] of ticketNumber.toLowerCase().matchAll(/[a-z]+|[0-9]+/g)) {
    if (/^[a-z]/.test(run)) {
      for (const ch of run) if (LETTERS.includes(ch)) out.push(ch);
    } else if (run.length <= String(MAX_WORDS_NUMBER).length) {
      out.push(...numberClips(Number(run)));
    } else {
      for (const d of run) out.push(DIGIT_CLIPS[Number(d)]!);
    }
  }
  return out;
}

/** "Mời công dân có số thứ tự <ticket> đến quầy số <counter>" as clip names, in the order they are played. */
export function announcementClips(ticketNumber: string, counter: number): string[] {
  return [OPENING_CLIP, ...ticketNumberClips(ticketNumber), COUNTER_CLIP, ...numberClips(counter)];
}

/** Clip names are plain file names: this keeps anything else out of a path. */
export const CLIP_NAME_PATTERN = /^[a-z0-9-]{1,64}$/;
