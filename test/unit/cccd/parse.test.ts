import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/contract/errors';
import { parseCardDate, parseCccdQr, type CccdRecord } from '../../../core/domain/cccd/parse';
import { PROVINCE_CODES } from '../../../core/domain/cccd/provinces';
import { NOW } from './corpus';

const ADDRESS = 'Số 12 ngõ 34 phố Hoàng Hoa Thám, Phường Thụy Khuê, Quận Tây Hồ, Hà Nội';
const GOOD = `001185012345|013456789|Nguyễn Thị Huỳnh Như|07041985|Nữ|${ADDRESS}|15082021`;

function parse(text: string, now: Date = NOW): CccdRecord {
  return parseCccdQr(text, { now });
}

/** The AppError a parse throws (fails the test if it does not throw one). */
function refusal(text: string, now: Date = NOW): AppError {
  try {
    parse(text, now);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error(`expected a refusal for ${JSON.stringify(text)}`);
}

/** Replace field i (0-based) of GOOD. */
function withField(i: number, value: string, base = GOOD): string {
  const f = base.split('|');
  f[i] = value;
  return f.join('|');
}

describe('parseCccdQr: valid cards', () => {
  it('reads every field', () => {
    const r = parse(GOOD);
    expect(r).toEqual({
      idNumber: '001185012345',
      oldIdNumber: '013456789',
      fullName: 'Nguyễn Thị Huỳnh Như',
      dateOfBirth: '1985-04-07',
      gender: 'female',
      address: ADDRESS,
      issueDate: '2021-08-15',
      birthProvinceCode: '001',
      birthProvince: 'Hà Nội',
      warnings: [],
    });
    expect(r.repaired).toBeUndefined();
  });

  it('turns an empty old ID into null and reads Nam as male', () => {
    const r = parse('079203001234||Trần Văn Bảo|01012003|Nam|Phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh|02022022');
    expect(r.oldIdNumber).toBeNull();
    expect(r.gender).toBe('male');
    expect(r.birthProvince).toBe('Hồ Chí Minh');
    expect(r.warnings).toEqual([]);
  });

  it('ignores CR/LF, Tab, spaces, a BOM and NULs around the text', () => {
    for (const raw of [`${GOOD}\r\n`, `${GOOD}\n`, `\ufeff${GOOD}\r\n`, `  ${GOOD}  \t`, `${GOOD}\0`]) {
      expect(parse(raw).fullName).toBe('Nguyễn Thị Huỳnh Như');
    }
  });

  it('normalises decomposed (NFD) text to NFC', () => {
    const r = parse(GOOD.normalize('NFD'));
    expect(r.fullName).toBe('Nguyễn Thị Huỳnh Như');
    expect(r.fullName).toBe(r.fullName.normalize('NFC'));
    expect(r.fullName.length).toBe('Nguyễn Thị Huỳnh Như'.normalize('NFC').length);
    expect(r.address).toBe(ADDRESS.normalize('NFC'));
    expect(r.gender).toBe('female');
  });

  it('collapses white space inside name and address', () => {
    const r = parse(withField(2, '  Nguyễn   Thị\u00a0Huỳnh Như '));
    expect(r.fullName).toBe('Nguyễn Thị Huỳnh Như');
  });

  it('tolerates extra trailing fields and a trailing separator', () => {
    expect(parse(`${GOOD}|`).issueDate).toBe('2021-08-15');
    expect(parse(`${GOOD}|Nguyễn Văn Bố|Trần Thị Mẹ|extra`).fullName).toBe('Nguyễn Thị Huỳnh Như');
  });

  it('accepts the gender in any case', () => {
    expect(parse(withField(4, 'NỮ')).gender).toBe('female');
    expect(parse(withField(4, 'nam', withField(0, '001085012345'))).gender).toBe('male');
  });

  it('accepts every province code of the Circular', () => {
    expect(Object.keys(PROVINCE_CODES)).toHaveLength(63);
    for (const [code, name] of Object.entries(PROVINCE_CODES)) {
      const r = parse(withField(0, `${code}185012345`));
      expect(r.birthProvinceCode).toBe(code);
      expect(r.birthProvince).toBe(name);
    }
  });

  it('accepts 29 February in a leap year and a card issued on the birth day', () => {
    expect(parse(withField(3, '29022000', withField(0, '001300012345'))).dateOfBirth).toBe('2000-02-29');
    expect(parse(withField(6, '07041985')).issueDate).toBe('1985-04-07');
  });
});

describe('parseCccdQr: number vs printed data are warnings', () => {
  it('warns when digit 4 says male but the card says Nữ', () => {
    const r = parse(withField(0, '001085012345'));
    expect(r.warnings).toEqual(['CCCD_WARN_GENDER_MISMATCH']);
    expect(r.gender).toBe('female');
  });

  it('warns when digits 5–6 disagree with the birth year', () => {
    expect(parse(withField(0, '001186012345')).warnings).toEqual(['CCCD_WARN_BIRTH_YEAR_MISMATCH']);
  });

  it('reads the century from digit 4 (2/3 = 2000s)', () => {
    // Born 1985 but digit 4 = 3 (female, 2000s): year 2085 ≠ 1985.
    expect(parse(withField(0, '001385012345')).warnings).toEqual(['CCCD_WARN_BIRTH_YEAR_MISMATCH']);
    const born2005 = withField(3, '07042005', withField(0, '001305012345'));
    expect(parse(born2005).warnings).toEqual([]);
  });

  it('can give both warnings', () => {
    expect(parse(withField(0, '001290012345')).warnings).toEqual(['CCCD_WARN_GENDER_MISMATCH', 'CCCD_WARN_BIRTH_YEAR_MISMATCH']);
  });
});

describe('parseCccdQr: structure errors refuse', () => {
  it('refuses fewer than 7 fields', () => {
    const e = refusal('001085012345|013456789|Nguyễn Văn A|07041985|Nam|Hà Nội');
    expect(e.code).toBe('CCCD_MALFORMED');
    expect(e.field).toBe('qr');
    expect(e.params.fieldCount).toBe(6);
    expect(refusal('').code).toBe('CCCD_MALFORMED');
    expect(refusal('https://dichvucong.gov.vn/').code).toBe('CCCD_MALFORMED');
  });

  it('refuses an ID number that is not 12 digits', () => {
    for (const id of ['00108501234', '0010850123456', '00108501234A', '']) {
      const e = refusal(withField(0, id));
      expect(e.code).toBe('CCCD_BAD_ID_NUMBER');
      expect(e.field).toBe('idNumber');
    }
  });

  it('refuses a province code outside the list (gaps and out of range)', () => {
    for (const code of ['000', '003', '005', '007', '009', '013', '028', '097', '099', '123']) {
      const e = refusal(withField(0, `${code}185012345`));
      expect(e.code).toBe('CCCD_BAD_PROVINCE');
      expect(e.params.code).toBe(code);
      expect(e.field).toBe('idNumber');
    }
  });

  it('refuses an old ID that is neither empty nor 9 digits', () => {
    for (const old of ['12345678', '1234567890', '01345678X']) {
      const e = refusal(withField(1, old));
      expect(e.code).toBe('CCCD_BAD_OLD_ID');
      expect(e.field).toBe('oldIdNumber');
    }
  });

  it('refuses an empty name or address', () => {
    expect(refusal(withField(2, '  ')).code).toBe('CCCD_BAD_NAME');
    expect(refusal(withField(2, '  ')).field).toBe('fullName');
    expect(refusal(withField(5, '')).code).toBe('CCCD_BAD_ADDRESS');
  });

  it('refuses a gender other than Nam/Nữ', () => {
    for (const g of ['', 'Male', 'Khác', 'Nam Nữ']) {
      const e = refusal(withField(4, g));
      expect(e.code).toBe('CCCD_BAD_GENDER');
      expect(e.field).toBe('gender');
    }
  });

  it('refuses impossible dates', () => {
    const cases: Array<[number, string, string, string]> = [
      [3, '31022000', 'dateOfBirth', 'invalid'],
      [3, '29021900', 'dateOfBirth', 'invalid'],
      [3, '00011990', 'dateOfBirth', 'invalid'],
      [3, '1990-01-01', 'dateOfBirth', 'invalid'],
      [3, '15131990', 'dateOfBirth', 'invalid'],
      [3, '02032026', 'dateOfBirth', 'future'],
      [3, '31121899', 'dateOfBirth', 'before_1900'],
      [6, '31042021', 'issueDate', 'invalid'],
      [6, '02032026', 'issueDate', 'future'],
      [6, '06041985', 'issueDate', 'before_birth'],
    ];
    for (const [i, value, field, reason] of cases) {
      const e = refusal(withField(i, value));
      expect(e.code, value).toBe('CCCD_BAD_DATE');
      expect(e.field).toBe(field);
      expect(e.params.reason).toBe(reason);
    }
  });

  it('judges "future" by the date in Vietnam (UTC+7)', () => {
    const born = withField(3, '01032026', withField(0, '001326012345'));
    const issued = withField(6, '01032026', born);
    // 28 Feb 18:00 UTC is already 1 March in Vietnam; 16:00 UTC is still 28 February there.
    expect(parse(issued, new Date('2026-02-28T18:00:00Z')).dateOfBirth).toBe('2026-03-01');
    expect(refusal(issued, new Date('2026-02-28T16:00:00Z')).params.reason).toBe('future');
  });
});

describe('parseCccdQr: mangled text refuses', () => {
  const examples: Array<[string, string]> = [
    ['Nguy?n V?n A', 'replacement_character'],
    ['Nguyn Vn A', 'missing_vowel'],
    ['Nguyeenx Vawn A', 'telex'],
    ['Nguye6n4 Va8n A', 'vni'],
  ];
  for (const [name, reason] of examples) {
    it(`refuses "${name}" (${reason})`, () => {
      // The whole record comes from the same scanner: the address is mangled the same way.
      const address = name.includes('?')
        ? 'Ph??ng B?n Ngh?, Qu?n 1, TP H? Ch? Minh'
        : name.includes('6')
          ? 'Phu7o7ng2 Be61n Nghe1, Qua6n5 1, Tha2nh pho61 Ho62 Chi1 Minh'
          : name.includes('ee')
            ? 'Phuwowngf Beens Nghes, Quaanj 1, Thanhf phoos Hoof Chis Minh'
            : 'Phng Bn Ngh, Qun 1, Thnh ph H Ch Minh';
      const e = refusal(`079203001234||${name}|01012003|Nam|${address}|02022022`);
      expect(e.code).toBe('CCCD_MANGLED');
      expect(e.field).toBe('fullName');
      expect(e.params.reason).toBe(reason);
    });
  }

  it('refuses Telex "Hoaf" in a name', () => {
    const e = refusal('079203001234||Leex Thij Hoaf|01012003|Nuwx|Phuwowngf 1, Quaanj 3, Thanhf phoos Hoof Chis Minh|02022022');
    expect(e.code).toBe('CCCD_MANGLED');
    expect(e.params.reason).toBe('telex');
  });

  it('refuses a record whose only damage is stripped marks', () => {
    const e = refusal('001085012345||Tran Thi Mai|07041985|Nu|So 12, To 3, Tan Mai, Hoang Mai, Ha Noi|15082021');
    expect(e.code).toBe('CCCD_MANGLED');
    expect(e.params.reason).toBe('stripped_marks');
  });

  it('refuses digits typed on an AZERTY layout', () => {
    const e = refusal(withField(0, '&&&(è&&é"\'(à'.slice(0, 12)));
    expect(e.code).toBe('CCCD_MANGLED');
    expect(e.params.reason).toBe('keyboard_layout');
  });

  it('refuses text with U+FFFD or stray symbols, and says so even when the separators were lost', () => {
    expect(refusal(withField(2, 'Nguy\ufffdn Văn A')).params.reason).toBe('replacement_character');
    expect(refusal(withField(2, 'Nguyễn Văn A»')).params.reason).toBe('unexpected_character');
    expect(refusal('001085012345 Nguy\ufffdn V\ufffdn A 07041985').code).toBe('CCCD_MANGLED');
  });

  it('does not guess when only part of the text is mojibake', () => {
    // A wrong charset mangles the whole text; mojibake beside genuine Vietnamese matches no charset.
    const e = refusal(withField(2, 'Hu廙軟h Văn Nam'));
    expect(e.code).toBe('CCCD_MANGLED');
    expect(e.params.reason).toBe('unexpected_character');
  });
});

describe('parseCardDate', () => {
  it('converts ddMMyyyy and rejects non-dates', () => {
    expect(parseCardDate('07041985')).toBe('1985-04-07');
    expect(parseCardDate('29022024')).toBe('2024-02-29');
    expect(parseCardDate('29022023')).toBeNull();
    expect(parseCardDate('7041985')).toBeNull();
    expect(parseCardDate('07-04-1985')).toBeNull();
  });
});
