/**
 * Vietnamese syllable phonotactics: onset + (medial) + nucleus + coda + tone.
 * Used to tell genuine Vietnamese words from text a keyboard-wedge scanner has mangled: a stripped word such as
 * "Nguyen" or "Duc" breaks these rules (the nucleus "yê" needs its circumflex; a stop coda needs sắc/nặng) but
 * becomes valid once marks are added, which is what a dropped-diacritics scanner produces.
 */

/** Tone numbers: 0 ngang, 1 huyền, 2 sắc, 3 hỏi, 4 ngã, 5 nặng. */
export type Tone = 0 | 1 | 2 | 3 | 4 | 5;

const TONE_MARKS: Record<string, Tone> = { '\u0300': 1, '\u0301': 2, '\u0309': 3, '\u0303': 4, '\u0323': 5 };
const MODIFIERS: Record<string, Record<string, string>> = {
  '\u0306': { a: 'ă' }, // breve
  '\u0302': { a: 'â', e: 'ê', o: 'ô' }, // circumflex
  '\u031b': { o: 'ơ', u: 'ư' }, // horn
};
const BASE_VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/** A word split into tone-less letters (lower case, modifiers kept: ă â ê ô ơ ư đ) and its one tone. */
export interface Letters {
  letters: string;
  tone: Tone;
}

const letterCache = new Map<string, { letter: string; tone: Tone } | null>();

/** One character → its lower-case tone-less letter and tone, or null if it is not a Vietnamese/Latin letter. */
export function analyseLetter(ch: string): { letter: string; tone: Tone } | null {
  const cached = letterCache.get(ch);
  if (cached !== undefined) return cached;
  let result: { letter: string; tone: Tone } | null = null;
  const lower = ch.toLowerCase();
  if (lower === 'đ') result = { letter: 'đ', tone: 0 };
  else {
    const nfd = lower.normalize('NFD');
    const base = nfd[0] ?? '';
    if (/^[a-z]$/.test(base)) {
      let letter = base;
      let tone: Tone = 0;
      let ok = true;
      let modified = false;
      for (const mark of nfd.slice(1)) {
        const t = TONE_MARKS[mark];
        const mod = MODIFIERS[mark];
        if (t !== undefined && tone === 0 && BASE_VOWELS.has(base)) tone = t;
        else if (mod !== undefined && !modified && mod[base] !== undefined) {
          letter = mod[base];
          modified = true;
        } else ok = false;
      }
      if (ok) result = { letter, tone };
    }
  }
  letterCache.set(ch, result);
  return result;
}

/** Split a word into tone-less letters and its tone; null if a character is not a letter or it has two tones. */
export function splitTone(word: string): Letters | null {
  let letters = '';
  let tone: Tone = 0;
  for (const ch of word.normalize('NFC')) {
    const a = analyseLetter(ch);
    if (a === null) return null;
    if (a.tone !== 0) {
      if (tone !== 0) return null;
      tone = a.tone;
    }
    letters += a.letter;
  }
  return { letters, tone };
}

const VOWEL_LETTERS = new Set(['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y']);
export function isVowelLetter(letter: string): boolean {
  return VOWEL_LETTERS.has(letter);
}

// Every rhyme (medial + nucleus + coda) of standard orthography, tone-less.
const RHYME_LIST = `
a ai ao au ay am an ang anh ap at ac ach
ăm ăn ăng ăp ăt ăc
âm ân âng âp ât âc âu ây
e eo em en eng ep et ec
ê êu êm ên ênh êp êt êch
i ia iu im in inh ip it ich
iêm iên iêng iêp iêt iêc iêu
yêm yên yêng yêt yêu
o oi om on ong op ot oc oong ooc
ô ôi ôm ôn ông ôp ôt ôc
ơ ơi ơm ơn ơp ơt
u ua ui um un ung up ut uc
uôi uôm uôn uông uôt uôc
ư ưa ưi ưu ưm ưn ưng ưt ưc
ươi ươu ươm ươn ương ươp ươt ươc
y
oa oai oao oay oam oan oang oanh oap oat oac oach
oăm oăn oăng oăt oăc
oe oeo oen oet
uân uâng uât uây
uê uênh uêch
uơ
uy uya uyu uych uynh uyp uyt uyên uyêt
`;
const RHYMES = new Set(RHYME_LIST.split(/\s+/).filter(Boolean));
/** Rhymes only written with no onset ("yên") or only after one ("tiên"). */
const NEEDS_NO_ONSET = (r: string): boolean => r.startsWith('yê');
const NEEDS_ONSET = (r: string): boolean => r.startsWith('iê');

const STOP_CODAS = ['ch', 'p', 't', 'c'];
const FRONT = new Set(['i', 'e', 'ê', 'y']);

const ONSETS = ['ngh', 'ng', 'nh', 'gh', 'kh', 'ph', 'th', 'tr', 'ch', 'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x'];

/** Spelling rules of the onset against the first letter of the rhyme (k/c, gh/g, ngh/ng). */
function spellingOk(onset: string, rhyme: string): boolean {
  const front = FRONT.has(rhyme[0] ?? '');
  switch (onset) {
    case 'k':
    case 'gh':
    case 'ngh':
      return front;
    case 'c':
    case 'ng':
      return !front;
    case 'g':
      return !front || rhyme.startsWith('i'); // "gì", "gìn": g + i
    default:
      return true;
  }
}

/** Syllables closed by a stop (p, t, c, ch) only take sắc or nặng. */
function toneOk(rhyme: string, tone: Tone): boolean {
  return !STOP_CODAS.some((c) => rhyme.endsWith(c)) || tone === 2 || tone === 5;
}

/**
 * The onset of a letter string and the rhymes the rest may stand for. gi and qu are special: in "giêng" the onset
 * gi swallows the i of iê, and after q the medial o is written u ("qua" has the rhyme of "hoa").
 */
function split(letters: string): { onset: string; rhymes: string[] } {
  if (letters.startsWith('qu') && isVowelLetter(letters[2] ?? '')) {
    const rest = letters.slice(2);
    // The u after q is already the medial: no second u/ư may follow ("quu" is not a word; "quốc", "quơ" are).
    return { onset: 'qu', rhymes: /^[uư]/.test(rest) ? [] : [rest, `o${rest}`, `u${rest}`] };
  }
  if (letters.startsWith('gi')) {
    const rest = letters.slice(2);
    if (rest === '' || !isVowelLetter(rest[0] ?? '')) return { onset: 'g', rhymes: [`i${rest}`] };
    return { onset: 'gi', rhymes: [rest, `i${rest}`] };
  }
  for (const onset of ONSETS) if (letters.startsWith(onset)) return { onset, rhymes: [letters.slice(onset.length)] };
  return { onset: '', rhymes: [letters] };
}

/** Onset + rhyme (a member of RHYMES) + tone: do spelling and tone rules allow them together? */
function partsOk(onset: string, rhyme: string, tone: Tone): boolean {
  if (!RHYMES.has(rhyme) || !toneOk(rhyme, tone)) return false;
  if (onset === 'qu') return true;
  if (onset === '' ? NEEDS_ONSET(rhyme) : NEEDS_NO_ONSET(rhyme)) return false;
  return onset === 'gi' || spellingOk(onset, rhyme);
}

/** Is this tone-less letter string with this tone one valid Vietnamese syllable? */
export function isValidLetters(letters: string, tone: Tone): boolean {
  if (letters === '') return false;
  const s = split(letters);
  return s.rhymes.some((r) => partsOk(s.onset, r, tone));
}

/** Is this word (any case, NFC or NFD) one valid Vietnamese syllable? */
export function isVietnameseSyllable(word: string): boolean {
  const l = splitTone(word);
  return l !== null && isValidLetters(l.letters, l.tone);
}

const FOLD_LETTER: Record<string, string> = { ă: 'a', â: 'a', ê: 'e', ô: 'o', ơ: 'o', ư: 'u', đ: 'd' };
export function foldLetters(letters: string): string {
  let out = '';
  for (const ch of letters) out += FOLD_LETTER[ch] ?? ch;
  return out;
}

/** Folded rhyme → the real rhymes it could have come from by dropping marks. */
const RHYMES_BY_FOLD = new Map<string, string[]>();
for (const r of RHYMES) {
  const f = foldLetters(r);
  RHYMES_BY_FOLD.set(f, [...(RHYMES_BY_FOLD.get(f) ?? []), r]);
}

/**
 * Could this unmarked (ASCII) word be a valid syllable whose marks were dropped? "Nguyen" (Nguyễn), "Duc" (Đức)
 * yes; "Ksor", "Kon", "Ring" no: no choice of marks makes them Vietnamese.
 */
export function couldBeStrippedSyllable(asciiWord: string): boolean {
  const letters = asciiWord.toLowerCase();
  if (!/^[a-z]+$/.test(letters)) return false;
  const s = split(letters);
  const onsets = s.onset === 'd' ? ['d', 'đ'] : [s.onset];
  for (const folded of s.rhymes) {
    for (const rhyme of RHYMES_BY_FOLD.get(folded) ?? []) {
      // A stop coda takes sắc; any other rhyme may stay ngang: pick the tone that can work.
      const tone: Tone = STOP_CODAS.some((c) => rhyme.endsWith(c)) ? 2 : 0;
      if (onsets.some((o) => partsOk(o, rhyme, tone))) return true;
    }
  }
  return false;
}

/** True if the word has at least one vowel letter. */
export function hasVowel(word: string): boolean {
  for (const ch of word) {
    const a = analyseLetter(ch);
    if (a !== null && isVowelLetter(a.letter)) return true;
  }
  return false;
}

const INSERTABLE = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y', 'đ'];
const TONE_MARK_OF: Record<Tone, string> = { 0: '', 1: '\u0300', 2: '\u0301', 3: '\u0309', 4: '\u0303', 5: '\u0323' };
const ALL_TONES: Tone[] = [0, 1, 2, 3, 4, 5];

/**
 * Could this invalid word be a valid syllable that lost one letter beyond Latin-1? A layout that reaches only
 * Latin-1 drops ề, ệ, ư ...: "Chiềng" → "Ching", "Huyện" → "Huyn". The word keeps its own tone if it has one;
 * otherwise the lost letter may have carried it.
 */
export function couldHaveLostLetter(word: string): boolean {
  const l = splitTone(word);
  if (l === null || isValidLetters(l.letters, l.tone)) return false;
  for (let p = 0; p <= l.letters.length; p++) {
    for (const ins of INSERTABLE) {
      if (ins === 'đ' && p !== 0) continue;
      const candidate = `${l.letters.slice(0, p)}${ins}${l.letters.slice(p)}`;
      for (const t of l.tone !== 0 ? [0 as Tone] : ALL_TONES) {
        const lost = `${ins}${TONE_MARK_OF[t]}`.normalize('NFC');
        if ((lost.codePointAt(0) ?? 0) <= 0xff) continue; // a Latin-1 letter would have been typed
        if (isValidLetters(candidate, l.tone !== 0 ? l.tone : t)) return true;
      }
    }
  }
  return false;
}
