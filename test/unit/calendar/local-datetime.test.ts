import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../core/contract/errors';
import {
  compareLocalDateTime,
  formatLocalDateTime,
  formatVn,
  parseLocalDateTime,
  toLocalDateTime,
} from '../../../core/domain/calendar/index';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isAppError(e) ? e.code : String(e);
  }
  return undefined;
}

describe('LocalDateTime', () => {
  it('parses and formats wall-clock values', () => {
    const dt = parseLocalDateTime('2026-03-02T08:05');
    expect(dt).toEqual({ y: 2026, m: 3, d: 2, hh: 8, mm: 5 });
    expect(formatLocalDateTime(dt)).toBe('2026-03-02T08:05');
    expect(formatVn(dt)).toBe('02/03/2026 08:05');
    expect(formatVn(parseLocalDateTime('2024-02-29T23:59'))).toBe('29/02/2024 23:59');
  });

  it.each(['2026-02-30T08:00', '2025-02-29T08:00', '2026-13-01T08:00', '2026-04-31T08:00', '2026-03-02T25:00', '2026-03-02T24:00', '2026-03-02T08:60', '2026-3-2T08:00', '02/03/2026 08:00', '', '2026-03-02'])(
    'rejects %j with CALENDAR_BAD_DATETIME',
    (text) => {
      expect(codeOf(() => parseLocalDateTime(text))).toBe('CALENDAR_BAD_DATETIME');
    },
  );

  it('checks objects as strictly as strings', () => {
    expect(codeOf(() => toLocalDateTime({ y: 2026, m: 2, d: 29, hh: 8, mm: 0 }))).toBe('CALENDAR_BAD_DATETIME');
    expect(codeOf(() => toLocalDateTime({ y: 2026, m: 2, d: 28, hh: 8, mm: 0.5 }))).toBe('CALENDAR_BAD_DATETIME');
    expect(toLocalDateTime({ y: 2026, m: 2, d: 28, hh: 8, mm: 0 })).toEqual({ y: 2026, m: 2, d: 28, hh: 8, mm: 0 });
  });

  it('orders date-times across month and year ends', () => {
    const a = parseLocalDateTime('2025-12-31T23:59');
    const b = parseLocalDateTime('2026-01-01T00:00');
    expect(compareLocalDateTime(a, b)).toBe(-1);
    expect(compareLocalDateTime(b, a)).toBe(1);
    expect(compareLocalDateTime(a, a)).toBe(0);
  });
});
