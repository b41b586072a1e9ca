import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/contract/errors';
import { assessMangling } from '../../../core/domain/cccd/mangling';
import { parseCccdQr } from '../../../core/domain/cccd/parse';
import { PROVINCE_CODES, PROVINCES_2025 } from '../../../core/domain/cccd/provinces';
import { ADDRESSES, ADDRESSES_34, ADDRESSES_63, allSamples, NAMES, NOW, sample } from './corpus';
import {
  dropBeyondLatin1,
  dropNonAscii,
  questionBeyondLatin1,
  questionMarks,
  stripMarks,
  telexKeystrokes,
  vniKeystrokes,
} from './mangle';

const MANGLERS: Record<string, (s: string) => string> = {
  stripMarks,
  questionMarks,
  dropNonAscii,
  dropBeyondLatin1,
  questionBeyondLatin1,
  telexKeystrokes,
  vniKeystrokes,
};

function refusalCode(text: string): string | null {
  try {
    parseCccdQr(text, { now: NOW });
    return null;
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
}

describe('the corpus', () => {
  it('is large enough and covers every province, old and new', () => {
    expect(NAMES.length).toBeGreaterThanOrEqual(60);
    expect(ADDRESSES.length).toBeGreaterThanOrEqual(30);
    Object.values(PROVINCE_CODES).forEach((province, i) => expect(ADDRESSES_63[i]?.endsWith(province) || ADDRESSES_63[i]?.endsWith(province.replace('Hòa', 'Hoà'))).toBe(true));
    for (const province of PROVINCES_2025) expect(ADDRESSES_34.some((a) => a.endsWith(` ${province}`)), province).toBe(true);
  });
});

describe('no false refusals of genuine text', () => {
  it('accepts every name at every address, unchanged', () => {
    const refused: string[] = [];
    for (let i = 0; i < NAMES.length; i++) {
      for (let j = 0; j < ADDRESSES.length; j++) {
        const s = sample(i, j);
        try {
          const r = parseCccdQr(s.qr, { now: NOW });
          if (r.fullName !== s.name || r.address !== s.address || r.warnings.length > 0) refused.push(`changed: ${s.qr}`);
        } catch (e) {
          refused.push(`${(e as AppError).code}: ${s.qr}`);
        }
      }
    }
    expect(refused).toEqual([]);
  });

  it('accepts the corpus decomposed (NFD) and wrapped in reader noise', () => {
    for (const s of allSamples()) {
      const r = parseCccdQr(`\ufeff${s.qr.normalize('NFD')}\r\n`, { now: NOW });
      expect(r.fullName).toBe(s.name.normalize('NFC'));
      expect(r.address).toBe(s.address.normalize('NFC'));
    }
  });

  it('accepts a minority record with no Vietnamese marks at all', () => {
    const r = parseCccdQr('064185012345||Ksor H\'Ben|07041985|Nữ|Plei Ring, Ia Kha, Ia Grai, Gia Lai|15082021', { now: NOW });
    expect(r.fullName).toBe('Ksor H\'Ben');
    const verdict = assessMangling({ fullName: 'Rmah Dun', gender: 'Nam', address: 'Plei Ring, Ia Kha, Ia Grai, Gia Lai' });
    expect(verdict.mangled).toBe(false);
  });

  it('accepts addresses with codes, abbreviations and foreign building names', () => {
    for (const address of [
      'Căn hộ 1205, Tòa T3, Times City, 458 Minh Khai, P. Vĩnh Tuy, Q. Hai Bà Trưng, TP. Hà Nội',
      'Lô B2-05, KDC Nam Long, KP 3, Phường Phước Long B, TP Thủ Đức, TP.HCM',
      'Số 7/12A Ngách 3, Ngõ 45, Tổ dân phố số 5, Phường Cầu Diễn, Quận Nam Từ Liêm, Hà Nội',
      'Chung cư CT1A, Khu đô thị Vinhomes Central Park, Phường 22, Quận Bình Thạnh, Thành phố Hồ Chí Minh',
      'Thôn K\'Long, Xã Hiệp An, Huyện Đức Trọng, Lâm Đồng',
      'Buôn Ea Kmát, Xã Hòa Phú, Huyện Cư M\'gar, Tỉnh Đắk Lắk',
      'Thôn Km 5, Xã Ea Tu, Thành phố Buôn Ma Thuột, Đắk Lắk',
      'LK 12, Khu đô thị Văn Khê, Phường La Khê, Quận Hà Đông, Hà Nội',
      'Số 2 Ng. 15 Ngh. 3 Đ. Lê Văn Lương, P. Nhân Chính, Q. Thanh Xuân, TP. Hà Nội',
      'THÔN 2, XÃ ĐỊNH TƯỜNG, HUYỆN YÊN ĐỊNH, THANH HÓA',
    ]) {
      expect(assessMangling({ fullName: 'Nguyễn Văn An', gender: 'Nam', address }).mangled, address).toBe(false);
    }
  });
});

describe('mangled text is always refused', () => {
  for (const [name, mangle] of Object.entries(MANGLERS)) {
    it(`refuses every record mangled by ${name}`, () => {
      const accepted: string[] = [];
      const others: string[] = [];
      let tried = 0;
      for (let i = 0; i < NAMES.length; i++) {
        for (let j = i % 3; j < ADDRESSES.length; j += 3) {
          const s = sample(i, j);
          const m = mangle(s.qr);
          if (m === s.qr) continue; // nothing to mangle: genuine as it is
          tried++;
          const code = refusalCode(m);
          if (code === null) accepted.push(m);
          else if (code !== 'CCCD_MANGLED') others.push(`${code}: ${m}`);
        }
      }
      expect(tried).toBeGreaterThan(2000);
      expect(accepted).toEqual([]);
      expect(others).toEqual([]);
    });
  }

  it('handles records written in capitals the same way, genuine or mangled', () => {
    const accepted: string[] = [];
    const refused: string[] = [];
    for (let i = 0; i < NAMES.length; i++) {
      for (let j = i % 4; j < ADDRESSES.length; j += 4) {
        const s = sample(i, j);
        const caps = s.qr.toLocaleUpperCase('vi');
        if (refusalCode(caps) !== null) refused.push(caps);
        for (const mangle of Object.values(MANGLERS)) {
          const m = mangle(caps);
          if (m !== caps && refusalCode(m) === null) accepted.push(m);
        }
      }
    }
    expect(refused).toEqual([]);
    expect(accepted).toEqual([]);
  });

  it('judges the record as a whole: a scanner mangles every field the same way', () => {
    const genuineAddress = 'Thôn 2, Xã Định Tường, Huyện Yên Định, Thanh Hóa';
    // Stripped name beside intact Vietnamese: the marks could be typed, so the unmarked name is what the card holds.
    expect(assessMangling({ fullName: 'Nguyen Van An', gender: 'Nam', address: genuineAddress }).mangled).toBe(false);
    // The same record as a scanner without Vietnamese delivers it.
    const verdict = assessMangling({ fullName: 'Nguyen Van An', gender: 'Nam', address: stripMarks(genuineAddress) });
    expect(verdict.mangled).toBe(true);
    expect(verdict.decisive?.field).toBe('fullName');
    expect(verdict.decisive?.word).toBe('Nguyen');
  });

  it('treats hard evidence as decisive even beside Vietnamese letters', () => {
    const verdict = assessMangling({ fullName: 'Nguy?n Văn An', gender: 'Nam', address: 'Thôn 2, Xã Định Tường, Thanh Hóa' });
    expect(verdict.decisive).toMatchObject({ field: 'fullName', reason: 'replacement_character', strength: 'hard' });
    expect(assessMangling({ fullName: 'Trần Vn An', gender: 'Nam', address: 'Hà Nội' }).decisive?.reason).toBe('missing_vowel');
    expect(assessMangling({ fullName: 'Trần Văn 2', gender: 'Nam', address: 'Hà Nội' }).decisive?.reason).toBe('digit_in_name');
    expect(assessMangling({ fullName: 'TRẦN VĂN AN', gender: 'Nam', address: 'PHNG 3, QUẬN 5, HỒ CHÍ MINH' }).decisive?.word).toBe('PHNG');
  });

  it('refuses stripped province names and unit words even when every word is a valid syllable', () => {
    const verdict = assessMangling({ fullName: 'Mai Anh', gender: 'Nam', address: 'So 5, Tan Mai, Hoang Mai, Ha Noi' });
    expect(verdict.mangled).toBe(true);
    expect(verdict.evidence.map((e) => e.word)).toEqual(expect.arrayContaining(['So', 'Ha Noi']));
    // A Latin-1-only layout keeps "Hà" and "Xóm" but loses "ộ": the province is evidence, the Latin-1 marks are not Vietnamese.
    const latin1 = assessMangling({ fullName: 'Lê Hà', gender: 'Nam', address: 'Xóm 1, Xã Tân An, Hà Ni' });
    expect(latin1.decisive).toMatchObject({ word: 'Hà Ni', reason: 'missing_letters' });
    // Old and new tone placement of a genuine province are both genuine.
    expect(assessMangling({ fullName: 'Lê Hà', gender: 'Nam', address: 'Xóm Lác, Xã Chiềng Châu, Mai Châu, Hoà Bình' }).mangled).toBe(false);
  });

  it('keeps evidence words for support but refuses with one decisive reason', () => {
    const s = allSamples()[5];
    if (s === undefined) throw new Error('corpus too small');
    const verdict = assessMangling({ fullName: telexKeystrokes(s.name), gender: telexKeystrokes(s.gender), address: telexKeystrokes(s.address) });
    expect(verdict.mangled).toBe(true);
    expect(verdict.decisive?.reason).toBe('telex');
    expect(verdict.evidence.length).toBeGreaterThan(1);
  });
});
