/**
 * The supervisor dashboard's pure parts: the filter in the address and the quick periods (Vietnam days), each chart's
 * table rows and what they open, the echarts option drawn from the same rows, when a live re-read is announced, the
 * duration and share wording, and the messages (both languages alike, every key the screen names present).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dashboard } from '../../../core/contract/reports';
import { dashboardSchema } from '../../../core/contract/reports';
import { useTranslators } from '../../helpers/translators';
import { uiSupervisor } from '../../../core/i18n/messages/ui-supervisor';
import type { MessageTree } from '../../../core/i18n/types';
import { chartDescription, chartOption, dashboardCharts } from '../../../renderer/src/screens/supervisor/chart-data';
import { formatDuration, formatShare } from '../../../renderer/src/screens/supervisor/figure-format';
import { addressPeriodRefused, addressQuery, addressWithQuery, filterFromQuery, filterToQuery, isDay, matchingQuick, parseVnDay, quickPeriod, vietnamToday, withScope } from '../../../renderer/src/screens/supervisor/filter-state';
import { ANNOUNCE_GAP_MS, figuresChanged, shouldAnnounce } from '../../../renderer/src/screens/supervisor/live-update';

const leaves = (tree: MessageTree, prefix = ''): Record<string, string> =>
  Object.fromEntries(Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v]] : Object.entries(leaves(v, `${prefix}${k}.`)))));

const zero = {
  received: 0, carriedOver: 0, newlyReceived: 0, resolved: 0, resolvedEarly: 0, resolvedOnTime: 0, resolvedLate: 0, pending: 0, pendingWithin: 0,
  pendingOverdue: 0, withdrawn: 0, onTimeRate: null, pagesDigitised: 0, dossiersDigitised: 0, documentsReceived: 0, documentsDigitised: 0,
  digitisedRate: null, meanOcrConfidence: null, pagesRead: 0, pagesFlagged: 0,
};

function dashboard(p: Partial<Dashboard> = {}): Dashboard {
  return dashboardSchema.parse({
    filter: { from: '2026-12-01', to: '2026-12-02' },
    generatedAt: '2026-12-07T03:00:00.000Z',
    counts: { ...zero, received: 10, newlyReceived: 10, resolved: 6, resolvedEarly: 2, resolvedOnTime: 3, resolvedLate: 1, pending: 4, pendingWithin: 4, pagesDigitised: 30 },
    perDay: [
      { day: '2026-12-01', dossiers: 4, pages: 12 },
      { day: '2026-12-02', dossiers: 6, pages: 18 },
    ],
    perHour: [{ hour: '08', dossiers: 10, pages: 30 }],
    perCounter: [{ counter: 'Q01', dossiers: 10, pages: 30 }],
    perClerk: [{ clerk: 'canbo1', name: 'Trần Văn Cán Bộ', dossiers: 10, pages: 30 }],
    dueSoon: 0,
    ocr: { waiting: 0, running: 0, failed: 0, flaggedUnreviewed: 0 },
    queue: { available: true, issued: 5, served: 4, noShow: 1, meanWaitSeconds: 300, maxWaitSeconds: 900, meanServiceSeconds: 240, perHour: [{ hour: '08', issued: 5, meanWaitSeconds: 90 }], perCounter: [] },
    sync: { pendingDossiers: 0, pendingItems: 0, pendingBytes: 0, oldestPendingAt: null, rejected: 0, lastSuccessAt: null },
    ...p,
  });
}

describe('supervisor dashboard: filter', () => {
  it('takes today in Vietnam, whatever the machine zone (UTC+7: 17:30 UTC is the next day)', () => {
    expect(vietnamToday(new Date('2026-12-06T16:59:00Z'))).toBe('2026-12-06');
    expect(vietnamToday(new Date('2026-12-06T17:30:00Z'))).toBe('2026-12-07');
  });

  it('computes the quick periods from a given day', () => {
    const today = '2026-12-07';
    expect(quickPeriod('today', today)).toEqual({ from: today, to: today });
    expect(quickPeriod('last7', today)).toEqual({ from: '2026-12-01', to: today });
    expect(quickPeriod('last7', '2027-01-03')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
    expect(quickPeriod('thisMonth', today)).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(quickPeriod('thisMonth', '2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(quickPeriod('firstHalf', today)).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(quickPeriod('secondHalf', today)).toEqual({ from: '2026-07-01', to: '2026-12-31' });
    expect(quickPeriod('thisYear', today)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(matchingQuick({ from: '2026-07-01', to: '2026-12-31' }, today)).toBe('secondHalf');
    expect(matchingQuick({ from: '2026-07-02', to: '2026-12-31' }, today)).toBeNull();
  });

  it('finds the query in the hash route the app uses, and puts it back there', () => {
    const loc = { pathname: '/', search: '', hash: '#/supervisor?from=2026-01-01&to=2026-01-31' };
    expect(addressQuery(loc)).toBe('from=2026-01-01&to=2026-01-31');
    expect(addressWithQuery(loc, 'from=2026-02-01&to=2026-02-28')).toBe('/#/supervisor?from=2026-02-01&to=2026-02-28');
    expect(addressWithQuery({ pathname: '/', search: '', hash: '#/supervisor' }, 'from=2026-02-01&to=2026-02-01')).toBe('/#/supervisor?from=2026-02-01&to=2026-02-01');
    expect(addressQuery({ hash: '', search: '?from=2026-01-01' })).toBe('from=2026-01-01');
  });

  it('reads typed days in the Vietnamese order (day/month/year), refusing days that do not exist', () => {
    expect(parseVnDay('30/06/2026')).toBe('2026-06-30');
    expect(parseVnDay(' 1/7/2026 ')).toBe('2026-07-01');
    expect(parseVnDay('29/02/2028')).toBe('2028-02-29');
    expect(parseVnDay('29/02/2026')).toBeNull();
    expect(parseVnDay('06/31/2026')).toBeNull(); // month/day order is not taken
    expect(parseVnDay('2026-06-30')).toBeNull();
    expect(parseVnDay('30/06/202')).toBeNull();
  });

  it('keeps the filter in the query and reads it back; a broken or reversed period falls back to today', () => {
    const f = { from: '2026-01-01', to: '2026-06-30', agency: 'CA-HN', clerk: 'canbo1' };
    const q = filterToQuery(f, 'x=1&counter=Q9');
    expect(new URLSearchParams(q).get('x')).toBe('1'); // other parameters stay
    expect(new URLSearchParams(q).has('counter')).toBe(false); // a scope not chosen is removed
    expect(filterFromQuery(q, '2026-12-07')).toEqual(f);
    expect(filterFromQuery('from=2026-02-30&to=2026-03-01', '2026-12-07')).toEqual({ from: '2026-12-07', to: '2026-12-07' });
    expect(filterFromQuery('from=2026-03-02&to=2026-03-01&agency=A', '2026-12-07')).toEqual({ from: '2026-12-07', to: '2026-12-07', agency: 'A' });
    expect(filterFromQuery('', '2026-12-07')).toEqual({ from: '2026-12-07', to: '2026-12-07' });
    // Replaced by today, and said so: a period that is not one, not an address without a period.
    expect(addressPeriodRefused('from=2026-02-30&to=2026-03-01')).toBe(true);
    expect(addressPeriodRefused('from=2026-03-02&to=2026-03-01')).toBe(true);
    expect(addressPeriodRefused('from=2026-03-01')).toBe(true);
    expect(addressPeriodRefused('agency=A')).toBe(false);
    expect(addressPeriodRefused('from=2026-03-01&to=2026-03-31')).toBe(false);
    expect(isDay('2028-02-29')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(withScope(f, 'agency', '')).toEqual({ from: '2026-01-01', to: '2026-06-30', clerk: 'canbo1' });
  });
});

describe('supervisor dashboard: charts, live, wording', () => {
  const ts = useTranslators();

  it('gives every chart rows whose counts open the rows behind them (figure and bucket)', () => {
    const charts = dashboardCharts(dashboard(), ts.vi);
    expect(charts.map((c) => c.id)).toEqual(['per-day', 'per-hour', 'per-counter', 'per-clerk', 'resolved', 'queue-per-hour']);
    const perDay = charts[0]!;
    expect(perDay.rows.map((r) => r.label)).toEqual(['01/12/2026', '02/12/2026']);
    expect(perDay.rows[1]!.cells.map((c) => c.drill)).toEqual([
      { figure: 'newlyReceived', bucket: { day: '2026-12-02' }, bucketLabel: '02/12/2026' },
      { figure: 'pagesDigitised', bucket: { day: '2026-12-02' }, bucketLabel: '02/12/2026' },
    ]);
    expect(charts[3]!.rows[0]).toMatchObject({ label: 'Trần Văn Cán Bộ (canbo1)', cells: [{ drill: { bucket: { clerk: 'canbo1' } } }, {}] });
    const resolved = charts[4]!;
    expect(resolved.rows.map((r) => [r.label, r.cells[0]!.value, r.cells[0]!.drill?.figure])).toEqual([
      ['Đã giải quyết trước hạn', 2, 'resolvedEarly'],
      ['Đã giải quyết đúng hạn', 3, 'resolvedOnTime'],
      ['Đã giải quyết quá hạn', 1, 'resolvedLate'],
    ]);
    expect(resolved.rows.map((r) => r.axis)).toEqual(['Trước hạn', 'Đúng hạn', 'Quá hạn']); // short, under the bars
    expect(charts[3]!.rows[0]!.axis).toBe('canbo1');
    const queue = charts[5]!;
    expect(queue.rows[0]!.cells.map((c) => [c.value, c.drill?.figure ?? null])).toEqual([
      [5, 'ticketsIssued'],
      [1.5, null], // minutes, not a drill
    ]);
  });

  it('draws a long period per day as lines, a short one as bars', () => {
    expect(dashboardCharts(dashboard(), ts.vi)[0]!.series.map((s) => s.kind)).toEqual(['bar', 'bar']);
    const perDay = Array.from({ length: 40 }, (_, i) => ({ day: `2026-01-${String((i % 28) + 1).padStart(2, '0')}`, dossiers: 1, pages: 2 }));
    expect(dashboardCharts(dashboard({ perDay }), ts.vi)[0]!.series.map((s) => s.kind)).toEqual(['line', 'line']);
  });

  it('leaves the queue chart out when the queue cannot be reached', () => {
    const d = dashboard({ queue: { ...dashboard().queue, available: false, perHour: [] } });
    expect(dashboardCharts(d, ts.vi).map((c) => c.id)).not.toContain('queue-per-hour');
  });

  it('draws the option from the table rows, with aria on and a description naming the totals', () => {
    const [perDay] = dashboardCharts(dashboard(), ts.vi);
    const opt = chartOption(perDay!) as { aria: { enabled: boolean; label: { description: string } }; xAxis: { data: string[] }; series: { data: number[]; type: string }[] };
    expect(opt.aria.enabled).toBe(true);
    expect(opt.xAxis.data).toEqual(['01/12/2026', '02/12/2026']);
    expect(opt.series.map((s) => s.data)).toEqual([
      [4, 6],
      [12, 18],
    ]);
    expect(chartDescription(perDay!)).toBe('Hồ sơ tiếp nhận và trang số hoá theo ngày. Hồ sơ tiếp nhận: 10. Trang số hoá: 30');
    expect(opt.aria.label.description).toBe(chartDescription(perDay!));
  });

  it('announces a live re-read only when figures moved and not again within the gap', () => {
    const a = dashboard();
    const sameButLater = dashboard({ generatedAt: '2026-12-07T03:00:05.000Z' });
    const moved = dashboard({ counts: { ...a.counts, received: 11 } });
    expect(figuresChanged(a, sameButLater)).toBe(false);
    expect(figuresChanged(a, moved)).toBe(true);
    expect(shouldAnnounce(a, moved, 0, 100_000)).toBe(true);
    expect(shouldAnnounce(a, sameButLater, 0, 100_000)).toBe(false);
    expect(shouldAnnounce(a, moved, 100_000, 100_000 + ANNOUNCE_GAP_MS - 1)).toBe(false);
    expect(shouldAnnounce(null, moved, 0, 100_000)).toBe(false); // the first read is not an update
  });

  it('says durations and shares in the reader language', () => {
    expect(formatDuration(45, ts.vi, 'vi')).toBe('45 giây');
    expect(formatDuration(300, ts.vi, 'vi')).toBe('5 phút');
    expect(formatDuration(5400, ts.en, 'en')).toBe('90 min');
    expect(formatDuration(3 * 3600, ts.vi, 'vi')).toBe('3 giờ');
    expect(formatDuration(null, ts.vi, 'vi')).toBe('—');
    expect(formatShare(0.975, 'vi')).toBe('97,5%');
    expect(formatShare(null, 'vi')).toBe('—');
  });

  it('has the same keys in Vietnamese and English, and every supervisorUi key the screen names', () => {
    const vi = leaves(uiSupervisor.vi);
    const en = leaves(uiSupervisor.en);
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    const dir = path.join(__dirname, '../../../renderer/src/screens/supervisor');
    const named = new Set<string>();
    for (const f of readdirSync(dir).filter((n) => /\.tsx?$/.test(n))) {
      for (const m of readFileSync(path.join(dir, f), 'utf8').matchAll(/'(supervisorUi\.[A-Za-z.]+)'/g)) named.add(m[1]!);
    }
    expect(named.size).toBeGreaterThan(20);
    for (const key of named) expect(vi, key).toHaveProperty([key]);
  });
});
