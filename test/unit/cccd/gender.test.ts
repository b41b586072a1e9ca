/**
 * Issue #13 item 16: a gender outside "Nam"/"Nữ" is a bad gender (CCCD_BAD_GENDER), not scanner mangling; mangling
 * is claimed only for what a scanner really does to "Nữ".
 */
import { describe, expect, it } from 'vitest';
import { parseCccdQr } from '../../../core/domain/cccd/parse';
import { errorMessage } from '../../../core/i18n/translate';
import { dropNonAscii, questionMarks, stripMarks } from './mangle';

const NOW = new Date('2026-11-24T02:30:00Z');
const qr = (gender: string) =>
  `001185012345|012345678|Huỳnh Thị Ngọc Ánh|15031985|${gender}|Số 12 ngõ 34 phố Đặng Tiến Đông, Phường Đống Đa, Thành phố Hà Nội|10082021`;

function codeOf(gender: string): { code: string; field?: string | undefined; params?: unknown } {
  try {
    parseCccdQr(qr(gender), { now: NOW });
    return { code: 'OK' };
  } catch (e) {
    const err = e as { code: string; field?: string; params?: unknown };
    return { code: err.code, field: err.field, params: err.params };
  }
}

describe('CCCD gender', () => {
  it.each(['X', 'x', 'M', 'F', 'Khác', 'Male', 'Nam Nữ', '1', '?'])('"%s" is a bad gender, named as such', (g) => {
    expect(codeOf(g)).toEqual({ code: 'CCCD_BAD_GENDER', field: 'gender', params: { value: g } });
    expect(errorMessage('CCCD_BAD_GENDER', { value: g })).toMatch(/Giới tính .* không hợp lệ/);
  });

  it.each([
    ['dropped letters', dropNonAscii('Nữ')],
    ['question marks', questionMarks('Nữ')],
    ['raw Telex keys', 'Nuwx'],
    ['raw VNI keys', 'Nu74'],
  ])('"Nữ" damaged by a scanner (%s) is still reported as mangling', (_what, g) => {
    expect(codeOf(g).code).toBe('CCCD_MANGLED');
  });

  it('a mark-stripped "Nu" in an otherwise marked record is a bad gender; the genuine values parse', () => {
    expect(stripMarks('Nữ')).toBe('Nu');
    expect(codeOf('Nu').code).toBe('CCCD_BAD_GENDER');
    expect(codeOf('Nữ').code).toBe('OK');
    expect(codeOf('NAM').code).toBe('OK');
  });
});
