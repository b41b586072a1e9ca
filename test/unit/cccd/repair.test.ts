import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { AppError } from '../../../core/contract/errors';
import { parseCccdQr } from '../../../core/domain/cccd/parse';
import { bytesBehind, chooseRepair, decodeAs, MOJIBAKE_CHARSETS, repairMojibake, type MojibakeCharset } from '../../../core/domain/cccd/repair';
import { allSamples, NOW } from './corpus';

const utf8 = (s: string): Buffer => Buffer.from(s, 'utf8');
const SINGLE_BYTE: MojibakeCharset[] = ['windows-1252', 'iso-8859-1', 'windows-1258', 'cp437'];
const MULTI_BYTE: MojibakeCharset[] = ['shift_jis', 'gbk', 'big5', 'euc-kr'];

describe('test vectors are what the charsets really produce', () => {
  it('matches iconv-lite for every byte it defines', () => {
    const text = 'Nguyễn Văn Đức, Phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh';
    for (const cs of MOJIBAKE_CHARSETS) {
      const mine = decodeAs(utf8(text), cs);
      const theirs = iconv.decode(utf8(text), cs);
      // Same wherever iconv-lite has a mapping; we keep undefined windows-125x bytes as C1 controls instead of U+FFFD.
      expect([...mine].length, cs).toBe(SINGLE_BYTE.includes(cs) ? utf8(text).length : [...theirs].length);
      [...theirs].forEach((ch, i) => {
        if (ch !== '\ufffd') expect([...mine][i], `${cs} @${i}`).toBe(ch);
      });
    }
  });

  it('reproduces the known examples', () => {
    expect(decodeAs(utf8('Huỳnh'), 'big5')).toBe('Hu廙軟h');
    expect(decodeAs(utf8('Nguyễn'), 'windows-1252')).toBe('Nguyá»…n');
    expect(decodeAs(utf8('Hà'), 'iso-8859-1')).toBe('HÃ\u00a0');
  });
});

describe('repairMojibake', () => {
  it('repairs the Big5 example with certainty', () => {
    expect(repairMojibake('Hu廙軟h')).toEqual({ kind: 'repaired', text: 'Huỳnh', from: 'big5', agreeing: ['big5'] });
  });

  it('reports every charset that agrees', () => {
    // No UTF-8 byte of these letters falls in 0x80–0x9F, where the two charsets differ.
    const r = repairMojibake(decodeAs(utf8('Lê Thái Hà'), 'iso-8859-1'));
    expect(r.kind).toBe('repaired');
    if (r.kind === 'repaired') {
      expect(r.text).toBe('Lê Thái Hà');
      expect(r.agreeing).toEqual(expect.arrayContaining(['windows-1252', 'iso-8859-1']));
    }
  });

  it('never "repairs" genuine or plain ASCII text', () => {
    for (const text of ['Nguyễn Văn An', 'Nguyen Van An', 'Lê Hà', '001085012345||Ksor H\'Ben|07041985|Nữ|Plei Ring, Gia Lai|15082021']) {
      expect(repairMojibake(text).kind, text).toBe('none');
    }
  });

  it('gives up when bytes were already lost (U+FFFD, or iconv\'s own windows-1252 mapping)', () => {
    expect(repairMojibake('Nguy\ufffdn').kind).toBe('none');
    const lossy = iconv.decode(utf8('Đức'), 'windows-1252'); // 0x90 of "Đ" is undefined in windows-1252
    expect(lossy).toContain('\ufffd');
    expect(repairMojibake(lossy).kind).toBe('none');
  });

  it('returns the exact bytes behind a string only when they exist', () => {
    expect(bytesBehind('Hu廙軟h', 'big5')).toEqual(utf8('Huỳnh'));
    expect(bytesBehind('Hu廙軟h', 'windows-1252')).toBeNull();
    expect(bytesBehind('Nguyá»…n', 'iso-8859-1')).toBeNull(); // "…" is not Latin-1
  });

  it('refuses when charsets disagree', () => {
    const r = chooseRepair([
      { from: 'gbk', text: 'Hà' },
      { from: 'big5', text: 'Hả' },
    ]);
    expect(r.kind).toBe('ambiguous');
    expect(chooseRepair([]).kind).toBe('none');
    expect(chooseRepair([{ from: 'gbk', text: 'Hà' }, { from: 'big5', text: 'Hà' }])).toMatchObject({ kind: 'repaired', agreeing: ['gbk', 'big5'] });
  });
});

describe('parseCccdQr over wrong-charset scanners', () => {
  const samples = allSamples();

  for (const cs of SINGLE_BYTE) {
    it(`repairs every record a ${cs} scanner mangled`, () => {
      for (const s of samples) {
        const r = parseCccdQr(decodeAs(utf8(s.qr), cs), { now: NOW });
        expect(r.fullName).toBe(s.name);
        expect(r.address).toBe(s.address);
        expect(r.idNumber).toBe(s.idNumber);
        expect(r.warnings).toEqual(['CCCD_WARN_REPAIRED_ENCODING']);
        expect(r.repaired?.from).toBeDefined();
        // The reported charset reproduces the mangled text exactly.
        expect(decodeAs(utf8(s.qr), r.repaired?.from ?? cs)).toBe(decodeAs(utf8(s.qr), cs));
      }
    });
  }

  for (const cs of MULTI_BYTE) {
    it(`either repairs a ${cs} record exactly or refuses it, never guesses`, () => {
      let repaired = 0;
      for (const s of samples) {
        const mangled = decodeAs(utf8(s.qr), cs);
        try {
          const r = parseCccdQr(mangled, { now: NOW });
          expect(r.fullName).toBe(s.name);
          expect(r.address).toBe(s.address);
          expect(r.repaired?.from).toBe(cs);
          repaired++;
        } catch (e) {
          expect((e as AppError).code).toBe('CCCD_MANGLED');
          // Refused only because the firmware lost bytes (U+FFFD) or the text is not that charset's whole output.
          const behind = bytesBehind(mangled, cs);
          expect(mangled.includes('\ufffd') || behind === null || !behind.equals(utf8(s.qr))).toBe(true);
        }
      }
      expect(repaired).toBeGreaterThan(0);
    });
  }

  it('repairs a whole record where a multi-byte charset swallowed a separator', () => {
    // "Thọ" ends in 0x8D, a Shift_JIS lead byte that takes the following '|' as its trail byte.
    const qr = '001085012345||Phạm Minh Tuấn|07041985|Nam|Khu 10, Phường Vĩnh Phúc, Tỉnh Phú Thọ|15082021';
    const mangled = decodeAs(utf8(qr), 'shift_jis');
    expect(mangled.split('|').length).toBeLessThan(qr.split('|').length);
    const r = parseCccdQr(mangled, { now: NOW });
    expect(r.address).toBe('Khu 10, Phường Vĩnh Phúc, Tỉnh Phú Thọ');
    expect(r.issueDate).toBe('2021-08-15');
    expect(r.repaired).toEqual({ from: 'shift_jis' });
  });
});
