/** Issue #18: the board's announcement as clip names, read the Vietnamese way (checked as the words they say). */
import { describe, expect, it } from 'vitest';
import {
  ALL_CLIPS,
  announcementClips,
  CLIP_NAME_PATTERN,
  CLIP_TEXTS,
  COUNTER_CLIP,
  numberClips,
  OPENING_CLIP,
  ticketNumberClips,
} from '../../../core/domain/queue/announcement';

const say = (clips: string[]): string =>
  clips
    .map((c) => {
      const text = CLIP_TEXTS[c];
      if (text === undefined) throw new Error(`unknown clip ${c}`);
      return text;
    })
    .join(' ');

describe('numbers in words', () => {
  const cases: [number, string][] = [
    [0, 'không'],
    [1, 'một'],
    [4, 'bốn'],
    [5, 'năm'],
    [7, 'bảy'],
    [10, 'mười'],
    [11, 'mười một'],
    [14, 'mười bốn'],
    [15, 'mười lăm'],
    [19, 'mười chín'],
    [20, 'hai mươi'],
    [21, 'hai mươi mốt'],
    [24, 'hai mươi tư'],
    [25, 'hai mươi lăm'],
    [31, 'ba mươi mốt'],
    [55, 'năm mươi lăm'],
    [99, 'chín mươi chín'],
    [100, 'một trăm'],
    [101, 'một trăm linh một'],
    [104, 'một trăm linh bốn'],
    [105, 'một trăm linh năm'],
    [110, 'một trăm mười'],
    [115, 'một trăm mười lăm'],
    [121, 'một trăm hai mươi mốt'],
    [999, 'chín trăm chín mươi chín'],
    [1000, 'một nghìn'],
    [1001, 'một nghìn không trăm linh một'],
    [1010, 'một nghìn không trăm mười'],
    [1023, 'một nghìn không trăm hai mươi ba'],
    [1100, 'một nghìn một trăm'],
    [1105, 'một nghìn một trăm linh năm'],
    [2024, 'hai nghìn không trăm hai mươi tư'],
    [4444, 'bốn nghìn bốn trăm bốn mươi tư'],
    [5555, 'năm nghìn năm trăm năm mươi lăm'],
    [9999, 'chín nghìn chín trăm chín mươi chín'],
    [10_000, 'mười nghìn'],
    [10_005, 'mười nghìn không trăm linh năm'],
    [21_000, 'hai mươi mốt nghìn'],
    [105_315, 'một trăm linh năm nghìn ba trăm mười lăm'],
  ];
  it.each(cases)('%i → %s', (n, words) => {
    expect(say(numberClips(n))).toBe(words);
  });

  it('refuses what it cannot read in words', () => {
    for (const bad of [-1, 1.5, 1_000_000, Number.NaN]) expect(() => numberClips(bad)).toThrow(RangeError);
  });

  it('reads every number 1..9999 with a leading nonzero word and the right special forms', () => {
    for (let n = 1; n <= 9999; n++) {
      const words = say(numberClips(n)).split(' ');
      expect(words[0], String(n)).not.toBe('không');
      const unit = n % 10;
      const tens = Math.floor(n / 10) % 10;
      const last = words[words.length - 1];
      // The last word says the unit (or the tens / hundreds / thousands when the unit is zero).
      if (unit === 1 && tens >= 2) expect(last, String(n)).toBe('mốt');
      if (unit === 4 && tens >= 2) expect(last, String(n)).toBe('tư');
      if (unit === 5 && tens >= 1) expect(last, String(n)).toBe('lăm');
      if (unit !== 0 && tens === 0 && n > 100) expect(words[words.length - 2], String(n)).toBe('linh');
      if (n >= 1000 && n % 1000 !== 0 && Math.floor(n / 100) % 10 === 0) expect(words.slice(2, 4).join(' '), String(n)).toBe('không trăm');
    }
  });
});

describe('announcementClips', () => {
  it('reads the sentence of the issue', () => {
    expect(say(announcementClips('1023', 3))).toBe('Mời công dân có số thứ tự một nghìn không trăm hai mươi ba đến quầy số ba');
    expect(announcementClips('1023', 3)[0]).toBe(OPENING_CLIP);
    expect(announcementClips('1023', 3)).toContain(COUNTER_CLIP);
  });

  it('reads a prefix letter by letter and the number by its value (zero padding is not read)', () => {
    expect(say(ticketNumberClips('A007'))).toBe('a bảy');
    expect(say(ticketNumberClips('B015'))).toBe('bê mười lăm');
    expect(say(ticketNumberClips('AB120'))).toBe('a bê một trăm hai mươi');
    expect(say(ticketNumberClips('Z000'))).toBe('dét không');
    expect(say(announcementClips('C021', 12))).toBe('Mời công dân có số thứ tự xê hai mươi mốt đến quầy số mười hai');
    expect(say(announcementClips('A-105', 105))).toBe('Mời công dân có số thứ tự a một trăm linh năm đến quầy số một trăm linh năm');
  });

  it('reads a digit run too long for words digit by digit', () => {
    expect(say(ticketNumberClips('1234567'))).toBe('một hai ba bốn năm sáu bảy');
  });

  it('names every clip as a plain file name, one per text', () => {
    for (const c of ALL_CLIPS) expect(c).toMatch(CLIP_NAME_PATTERN);
    expect(new Set(Object.values(CLIP_TEXTS)).size).toBe(ALL_CLIPS.length);
  });
});
