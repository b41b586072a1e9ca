import { describe, expect, it } from 'vitest';
import { decodeTelex, decodeVni, looksLikeTelex, looksLikeVni } from '../../../core/domain/cccd/input-methods';
import {
  analyseLetter,
  couldBeStrippedSyllable,
  couldHaveLostLetter,
  isVietnameseSyllable,
  splitTone,
} from '../../../core/domain/cccd/syllable';

const words = (s: string): string[] => s.split(/\s+/).filter(Boolean);

describe('analyseLetter / splitTone', () => {
  it('separates letters from tones', () => {
    expect(analyseLetter('ễ')).toEqual({ letter: 'ê', tone: 4 });
    expect(analyseLetter('Ự')).toEqual({ letter: 'ư', tone: 5 });
    expect(analyseLetter('Đ')).toEqual({ letter: 'đ', tone: 0 });
    expect(splitTone('Nguyễn')).toEqual({ letters: 'nguyên', tone: 4 });
    expect(splitTone('Nguyễn'.normalize('NFD'))).toEqual({ letters: 'nguyên', tone: 4 });
  });
  it('rejects letters Vietnamese does not write and two tones on one word', () => {
    for (const ch of ['ñ', 'ü', 'ç', 'ö', 'ǎ', '?', '1', '廙']) expect(analyseLetter(ch), ch).toBeNull();
    expect(splitTone('hoàá')).toBeNull();
  });
});

describe('isVietnameseSyllable', () => {
  it('accepts syllables across onsets, rhymes and both tone placements', () => {
    const good = words(`Nguyễn Văn Đức Huỳnh Quỳnh Quốc Quý Qua Khuya Thuở Giếng Gìn Giữ Gia Nghệ Nghiêm Ý Yên Yến Yểng Uyên
      Oanh Xoong Kiên Kỳ Hoà Hòa Thủy Thuỷ Huế Ấp Phường Xã Huyện Tỉnh Thành Phố Quận Thị Trấn Khuỷu Ngoằn Ngoèo
      Quyết Lý Ly Mỹ Mỷ Thụy Hương Tuấn Trịnh Đặng Bùi Đỗ Hồ Ngô Dương Lương Trương Khánh Ánh Ếch Oách Uống Ươm
      Quế Ia Gì Ưng Ông Âu Ích Ước Tiếc Khuê Luật Xuân Quạch Hoạch Huých Tuýp Khoắng Ngoẹo Chuếnh Tuần`);
    for (const w of good) expect(isVietnameseSyllable(w), w).toBe(true);
  });
  it('rejects stripped, input-method and foreign words', () => {
    const bad = words(`Nguyen Duc Viet Phuong Tuan Ksor Kon Ring Ea Yang Ayun Rmah Plei Hoaf Vawn Nguyeenx Nguyn Vn Ka Ngi
      Ge Ghan Tiêc Iên Cia Quu Times Park`);
    for (const w of bad) expect(isVietnameseSyllable(w), w).toBe(false);
  });
  it('applies the tone rule of stop codas (p, t, c, ch take only sắc or nặng)', () => {
    expect(isVietnameseSyllable('Đức')).toBe(true);
    expect(isVietnameseSyllable('Đục')).toBe(true);
    expect(isVietnameseSyllable('Đừc')).toBe(false);
    expect(isVietnameseSyllable('Đuc')).toBe(false);
    expect(isVietnameseSyllable('Bách')).toBe(true);
    expect(isVietnameseSyllable('Bãch')).toBe(false);
  });
});

describe('couldBeStrippedSyllable', () => {
  it('recognises words that need marks to be Vietnamese', () => {
    for (const w of words('Nguyen Duc Viet Phuong Tuan Huyen Xuan Quoc Gieng Ap Lac Yen Truong Nguyet Tiep Buoi')) {
      expect(couldBeStrippedSyllable(w), w).toBe(true);
    }
  });
  it('does not claim minority-language or foreign words', () => {
    for (const w of words('Ksor Kon Ring Ea Yang Ayun Rmah Plei Nguyn Grai Hyun Kbang Dak Lak Hoaf Vawn Sol Der Times')) {
      expect(couldBeStrippedSyllable(w), w).toBe(false);
    }
  });
});

describe('couldHaveLostLetter', () => {
  it('recognises a syllable that lost one marked letter', () => {
    // What a layout limited to Latin-1 leaves: Chiềng → Ching, Huyện → Huyn, Nguyễn → Nguyn; and Thôn → Thn.
    for (const w of ['Ching', 'Huyn', 'Nguyn', 'Thn']) expect(couldHaveLostLetter(w), w).toBe(true);
  });
  it('leaves valid syllables and clusters alone', () => {
    for (const w of ['Hoa', 'Ksor', 'Rmah', 'Plei', 'Ea', 'Sol']) expect(couldHaveLostLetter(w), w).toBe(false);
  });
});

describe('Telex and VNI keystrokes', () => {
  it('decodes Telex words', () => {
    expect(decodeTelex('Nguyeenx')).toEqual({ letters: 'nguyên', tone: 4 });
    expect(decodeTelex('Vawn')).toEqual({ letters: 'văn', tone: 0 });
    expect(decodeTelex('Hoaf')).toEqual({ letters: 'hoa', tone: 1 });
    expect(decodeTelex('Phuwowngf')).toEqual({ letters: 'phương', tone: 1 });
    expect(decodeTelex('Truowngf')).toEqual({ letters: 'trương', tone: 1 });
    expect(decodeTelex('DDinhf')).toEqual({ letters: 'đinh', tone: 1 });
    expect(decodeTelex('Hoa')).toBeNull();
  });
  it('decodes VNI words', () => {
    expect(decodeVni('Nguye6n4')).toEqual({ letters: 'nguyên', tone: 4 });
    expect(decodeVni('Va8n')).toEqual({ letters: 'văn', tone: 0 });
    expect(decodeVni('Phu7o7ng2')).toEqual({ letters: 'phương', tone: 1 });
    expect(decodeVni('D9inh2')).toEqual({ letters: 'đinh', tone: 1 });
    expect(decodeVni('12A')).toBeNull();
    expect(decodeVni('CT1A')).toBeNull();
    expect(decodeVni('A12')).toBeNull();
  });
  it('calls a word Telex/VNI only when it is not Vietnamese as written and is once decoded', () => {
    expect(looksLikeTelex('Nguyeenx')).toBe(true);
    expect(looksLikeTelex('Xoong')).toBe(false); // valid Vietnamese as written: no Telex key used
    expect(looksLikeTelex('Ksor')).toBe(false); // "Ksỏ" is not Vietnamese
    expect(looksLikeVni('Nguye6n4')).toBe(true);
    expect(looksLikeVni('B12')).toBe(false);
  });
});
