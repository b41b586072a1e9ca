import { describe, expect, it } from 'vitest';
import { addPlacement, emptyOutcomeCounts, isDueSoon, onTimeRate, placeInPeriod, resolution, type DossierDates, type PeriodBounds } from '../../../core/domain/reports/classify';
import { judgedAt, reportPeriod } from '../../../core/domain/reports/period';

/** January 2026, judged at its end. */
const JAN: PeriodBounds = { startLocal: '2026-01-01T00:00', endLocal: '2026-02-01T00:00', judgeLocal: '2026-02-01T00:00' };
const d = (o: Partial<DossierDates>): DossierDates => ({ receivedAt: '2026-01-05T09:00', promisedDueAt: '2026-01-08T16:00', resolvedAt: null, withdrawnAt: null, ...o });

describe('resolution against the promise', () => {
  it('on the due day by the promised time is on time, after it is late, an earlier day is early', () => {
    expect(resolution('2026-01-08T16:00', '2026-01-08T16:00')).toBe('resolvedOnTime');
    expect(resolution('2026-01-08T08:00', '2026-01-08T16:00')).toBe('resolvedOnTime');
    expect(resolution('2026-01-08T16:01', '2026-01-08T16:00')).toBe('resolvedLate');
    expect(resolution('2026-01-07T23:59', '2026-01-08T16:00')).toBe('resolvedEarly');
    expect(resolution('2026-01-09T08:00', '2026-01-08T16:00')).toBe('resolvedLate');
  });
});

describe('placeInPeriod', () => {
  it('resolved on the due day after the promised time is late', () => {
    expect(placeInPeriod(d({ resolvedAt: '2026-01-08T16:30' }), JAN)).toEqual({ carriedOver: false, outcome: 'resolvedLate' });
  });

  it("an apology's new appointment does not rescue a late one: only the promise made at receipt counts", () => {
    // The store keeps the promise in promised_due_at; due_at (the apology's) is not an input of the rule.
    const apologised = { ...d({ resolvedAt: '2026-01-12T10:00' }), dueAt: '2026-01-15T16:00' };
    expect(placeInPeriod(apologised, JAN)?.outcome).toBe('resolvedLate');
  });

  it('a re-receipt after a supplement request restarts the promise (received_at and promised_due_at are the re-receipt’s)', () => {
    // First receipt 2025-12-20 with a promise of 2025-12-25; re-received 2026-01-10 with a new promise of 2026-01-15.
    const rereceived = d({ receivedAt: '2026-01-10T09:00', promisedDueAt: '2026-01-15T16:00', resolvedAt: '2026-01-14T10:00' });
    expect(placeInPeriod(rereceived, JAN)).toEqual({ carriedOver: false, outcome: 'resolvedEarly' });
  });

  it('a period that has not ended judges overdue by now', () => {
    const open = d({ promisedDueAt: '2026-01-20T16:00' });
    expect(placeInPeriod(open, { ...JAN, judgeLocal: judgedAt(JAN, '2026-01-15T10:00') })?.outcome).toBe('pendingWithin');
    expect(placeInPeriod(open, { ...JAN, judgeLocal: judgedAt(JAN, '2026-01-21T10:00') })?.outcome).toBe('pendingOverdue');
    // Ended: judged at its end whatever now is.
    expect(judgedAt(JAN, '2026-03-01T10:00')).toBe('2026-02-01T00:00');
  });

  it('received, then resolved after the period: pending at the end of that period', () => {
    expect(placeInPeriod(d({ resolvedAt: '2026-02-03T10:00', promisedDueAt: '2026-01-20T16:00' }), JAN)).toEqual({ carriedOver: false, outcome: 'pendingOverdue' });
    expect(placeInPeriod(d({ resolvedAt: '2026-02-03T10:00', promisedDueAt: '2026-02-05T16:00' }), JAN)).toEqual({ carriedOver: false, outcome: 'pendingWithin' });
  });

  it('carried over: received before the period and still open at its start; closed before it: not in the report', () => {
    expect(placeInPeriod(d({ receivedAt: '2025-12-30T09:00', promisedDueAt: '2026-01-02T16:00', resolvedAt: '2026-01-02T09:00' }), JAN)).toEqual({ carriedOver: true, outcome: 'resolvedOnTime' });
    expect(placeInPeriod(d({ receivedAt: '2025-12-30T09:00', resolvedAt: '2025-12-31T17:00' }), JAN)).toBeNull();
    expect(placeInPeriod(d({ receivedAt: '2025-12-30T09:00', withdrawnAt: '2025-12-31T10:00' }), JAN)).toBeNull();
    // Resolved at the very start of the period: in it.
    expect(placeInPeriod(d({ receivedAt: '2025-12-30T09:00', promisedDueAt: '2025-12-31T16:00', resolvedAt: '2026-01-01T00:00' }), JAN)).toEqual({ carriedOver: true, outcome: 'resolvedLate' });
  });

  it('received after the period, never received (refused, supplement waiting): not in it', () => {
    expect(placeInPeriod(d({ receivedAt: '2026-02-01T00:00', promisedDueAt: '2026-02-03T16:00' }), JAN)).toBeNull();
    expect(placeInPeriod(d({ receivedAt: '2026-01-31T23:59', promisedDueAt: '2026-02-03T16:00' }), JAN)?.carriedOver).toBe(false);
    expect(placeInPeriod(d({ promisedDueAt: null }), JAN)).toBeNull();
    expect(placeInPeriod(d({ receivedAt: null }), JAN)).toBeNull();
  });

  it('withdrawn in the period; withdrawn after it is pending', () => {
    expect(placeInPeriod(d({ withdrawnAt: '2026-01-06T10:00' }), JAN)?.outcome).toBe('withdrawn');
    expect(placeInPeriod(d({ withdrawnAt: '2026-02-06T10:00' }), JAN)?.outcome).toBe('pendingOverdue');
  });

  it('pending overdue when the promise is before the end; a promise at the end exactly is within', () => {
    expect(placeInPeriod(d({ promisedDueAt: '2026-01-31T23:59' }), JAN)?.outcome).toBe('pendingOverdue');
    expect(placeInPeriod(d({ promisedDueAt: '2026-02-01T00:00' }), JAN)?.outcome).toBe('pendingWithin');
  });

  it('the counts add up: received = carried over + new = every outcome', () => {
    const c = emptyOutcomeCounts();
    const rows = [
      d({ resolvedAt: '2026-01-07T10:00' }),
      d({ resolvedAt: '2026-01-08T10:00' }),
      d({ resolvedAt: '2026-01-09T10:00' }),
      d({ receivedAt: '2025-12-01T10:00', promisedDueAt: '2025-12-10T10:00' }),
      d({ promisedDueAt: '2026-03-01T10:00' }),
      d({ withdrawnAt: '2026-01-06T10:00' }),
    ];
    for (const r of rows) addPlacement(c, placeInPeriod(r, JAN)!);
    expect(c).toMatchObject({ received: 6, carriedOver: 1, newlyReceived: 5, resolved: 3, resolvedEarly: 1, resolvedOnTime: 1, resolvedLate: 1, pending: 2, pendingWithin: 1, pendingOverdue: 1, withdrawn: 1 });
    expect(onTimeRate(c)).toBeCloseTo(2 / 3);
    expect(onTimeRate(emptyOutcomeCounts())).toBeNull();
  });
});

describe('isDueSoon', () => {
  it('open and due (its current appointment) within the next 24 hours', () => {
    const now = '2026-01-08T10:00';
    const until = '2026-01-09T10:00';
    expect(isDueSoon({ ...d({}), dueAt: '2026-01-08T16:00' }, now, until)).toBe(true);
    expect(isDueSoon({ ...d({}), dueAt: '2026-01-09T10:00' }, now, until)).toBe(false);
    expect(isDueSoon({ ...d({}), dueAt: '2026-01-08T09:00' }, now, until)).toBe(false);
    expect(isDueSoon({ ...d({ resolvedAt: '2026-01-08T09:00' }), dueAt: '2026-01-08T16:00' }, now, until)).toBe(false);
  });
});

describe('reportPeriod', () => {
  it('bounds in Vietnam local time and as UTC instants', () => {
    expect(reportPeriod('2026-01-01', '2026-01-31')).toEqual({
      from: '2026-01-01',
      to: '2026-01-31',
      days: 31,
      startLocal: '2026-01-01T00:00',
      endLocal: '2026-02-01T00:00',
      startIso: '2025-12-31T17:00:00.000Z',
      endIso: '2026-01-31T17:00:00.000Z',
    });
  });

  it('refuses a day that does not exist, a reversed period and one longer than 366 days', () => {
    const code = (f: () => unknown): string | undefined => {
      try {
        f();
      } catch (e) {
        return (e as { code?: string }).code;
      }
      return undefined;
    };
    expect(code(() => reportPeriod('2026-02-30', '2026-03-01'))).toBe('REPORT_BAD_DAY');
    expect(code(() => reportPeriod('2026-02-01', '2026-13-01'))).toBe('REPORT_BAD_DAY');
    // The last day there is has no day after it: refused naming the day typed.
    expect(() => reportPeriod('9999-12-31', '9999-12-31')).toThrow(expect.objectContaining({ code: 'REPORT_BAD_DAY', params: expect.objectContaining({ day: '9999-12-31' }) }));
    expect(code(() => reportPeriod('2026-02-02', '2026-02-01'))).toBe('REPORT_BAD_PERIOD');
    expect(code(() => reportPeriod('2024-01-01', '2024-12-31'))).toBeUndefined(); // 366 days (leap year)
    expect(code(() => reportPeriod('2025-01-01', '2026-01-02'))).toBe('REPORT_PERIOD_TOO_LONG');
    expect(code(() => reportPeriod('2028-02-29', '2028-02-29'))).toBeUndefined();
  });
});
