import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatLocalDateTime,
  formatMoney,
  isoToVnDate,
  parseMoney,
  parseVnDate,
  splitHighlights,
} from '../../../renderer/src/screens/reception/format';

describe('dates as the clerk types them', () => {
  it.each([
    ['15/03/1985', '1985-03-15'],
    ['1/2/2020', '2020-02-01'],
    ['15.03.1985', '1985-03-15'],
    ['15-03-1985', '1985-03-15'],
    ['15031985', '1985-03-15'],
    [' 29/02/2024 ', '2024-02-29'],
    ['', ''],
    ['   ', ''],
  ])('%j → %j', (typed, iso) => expect(parseVnDate(typed)).toBe(iso));

  it.each(['31/02/2020', '29/02/2023', '15/13/1985', '00/01/2000', '15/03/85', '1985-03-15', '15/03/1899', 'abc'])('refuses %j', (typed) => {
    expect(parseVnDate(typed)).toBeNull();
  });

  it('round-trips ISO dates for display', () => {
    expect(isoToVnDate('1985-03-15')).toBe('15/03/1985');
    expect(parseVnDate(isoToVnDate('2021-08-10'))).toBe('2021-08-10');
    expect(isoToVnDate(null)).toBe('');
  });

  it('shows the due date as dd/MM/yyyy HH:mm', () => {
    expect(formatLocalDateTime('2026-12-15T11:58')).toBe('15/12/2026 11:58');
    expect(formatLocalDateTime(null)).toBe('');
  });
});

describe('money and sizes', () => {
  it('groups thousands with dots', () => {
    expect(formatMoney(0)).toBe('0');
    expect(formatMoney(8000)).toBe('8.000');
    expect(formatMoney(75000)).toBe('75.000');
    expect(formatMoney(3000000)).toBe('3.000.000');
    expect(formatMoney(-1500)).toBe('-1.500');
  });

  it('reads typed amounts with or without separators', () => {
    expect(parseMoney('75000')).toBe(75000);
    expect(parseMoney('75.000')).toBe(75000);
    expect(parseMoney(' 1 000 000 ')).toBe(1000000);
    expect(parseMoney('0')).toBe(0);
    expect(parseMoney('')).toBeNull();
    expect(parseMoney('-5')).toBeNull();
    expect(parseMoney('7,5k')).toBeNull();
  });

  it('prints file sizes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(123456)).toBe('120.6 KB');
    expect(formatBytes(123456, true)).toBe('120,6 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
  });
});

describe('search highlights', () => {
  const name = 'Cấp giấy phép xây dựng';
  it('splits the name into marked and plain runs', () => {
    const parts = splitHighlights(name, [
      { start: 0, end: 3 },
      { start: 4, end: 8 },
    ]);
    expect(parts).toEqual([
      { text: 'Cấp', hit: true },
      { text: ' ', hit: false },
      { text: 'giấy', hit: true },
      { text: ' phép xây dựng', hit: false },
    ]);
    expect(parts.map((p) => p.text).join('')).toBe(name);
  });

  it('merges overlapping or unordered ranges and ignores ranges outside the text', () => {
    expect(
      splitHighlights(name, [
        { start: 4, end: 8 },
        { start: 0, end: 5 },
        { start: 40, end: 50 },
        { start: 9, end: 9 },
      ]),
    ).toEqual([
      { text: 'Cấp giấy', hit: true },
      { text: ' phép xây dựng', hit: false },
    ]);
  });

  it('returns the whole text unmarked without ranges', () => {
    expect(splitHighlights(name, [])).toEqual([{ text: name, hit: false }]);
    expect(splitHighlights('', [])).toEqual([]);
  });
});
