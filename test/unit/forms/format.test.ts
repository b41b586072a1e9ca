import { describe, expect, it } from 'vitest';
import {
  formatLocalDateTime,
  formatMoney,
  formatNumber,
  localDateTimeToDate,
  moneyInWords,
  parseLocalDateTime,
} from '../../../core/domain/forms/format';

describe('local date-times', () => {
  it('prints dd/MM/yyyy HH:mm by default, with no time-zone shift', () => {
    expect(formatLocalDateTime('2026-03-10T16:30')).toBe('10/03/2026 16:30');
    expect(formatLocalDateTime('2026-12-31T23:59:59')).toBe('31/12/2026 23:59');
  });
  it('follows a pattern of tokens', () => {
    expect(formatLocalDateTime('2026-03-05T09:41', 'dd/MM/yyyy')).toBe('05/03/2026');
    expect(formatLocalDateTime('2026-03-05T09:41', 'HH giờ mm phút')).toBe('09 giờ 41 phút');
    expect(formatLocalDateTime('2026-03-05T09:41', 'ngày dd tháng MM năm yyyy')).toBe('ngày 05 tháng 03 năm 2026');
  });
  it('rejects malformed and impossible times', () => {
    expect(parseLocalDateTime('2026-02-30T10:00')).toBeNull();
    expect(parseLocalDateTime('2026-03-05 10:00')).toBeNull();
    expect(parseLocalDateTime('2026-03-05T24:00')).toBeNull();
    expect(parseLocalDateTime('2028-02-29T08:00')).not.toBeNull();
  });
  it('converts Vietnam wall-clock time to the instant (UTC+7)', () => {
    expect(localDateTimeToDate('2026-03-05T09:45')?.toISOString()).toBe('2026-03-05T02:45:00.000Z');
    expect(localDateTimeToDate('2026-01-01T03:00')?.toISOString()).toBe('2025-12-31T20:00:00.000Z');
  });
});

describe('money', () => {
  it('groups thousands with dots and adds đồng', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(1000)).toBe('1.000');
    expect(formatNumber(1234567)).toBe('1.234.567');
    expect(formatMoney(1000000)).toBe('1.000.000 đồng');
  });

  it.each([
    [0, 'Không đồng'],
    [5, 'Năm đồng'],
    [15, 'Mười lăm đồng'],
    [21, 'Hai mươi mốt đồng'],
    [105, 'Một trăm linh năm đồng'],
    [110, 'Một trăm mười đồng'],
    [1005, 'Một nghìn không trăm linh năm đồng'],
    [1050, 'Một nghìn không trăm năm mươi đồng'],
    [25000, 'Hai mươi lăm nghìn đồng'],
    [125000, 'Một trăm hai mươi lăm nghìn đồng'],
    [1000000, 'Một triệu đồng'],
    [1250000, 'Một triệu hai trăm năm mươi nghìn đồng'],
    [2000500, 'Hai triệu năm trăm đồng'],
    [3000000000, 'Ba tỷ đồng'],
  ])('%i reads "%s"', (amount, words) => {
    expect(moneyInWords(amount)).toBe(words);
  });
});
