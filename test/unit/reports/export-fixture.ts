/** A hand-made period report for the renderers' tests: the seeds' half-year figures (32.371 received …) over two agencies. */
import { periodReportSchema, type PeriodCounts, type PeriodReport } from '../../../core/contract/reports';

function counts(o: Partial<PeriodCounts> & Pick<PeriodCounts, 'carriedOver' | 'newlyReceived' | 'resolvedEarly' | 'resolvedOnTime' | 'resolvedLate' | 'pendingWithin' | 'pendingOverdue' | 'withdrawn'>): PeriodCounts {
  const resolved = o.resolvedEarly + o.resolvedOnTime + o.resolvedLate;
  return {
    received: o.carriedOver + o.newlyReceived,
    resolved,
    pending: o.pendingWithin + o.pendingOverdue,
    onTimeRate: resolved ? (o.resolvedEarly + o.resolvedOnTime) / resolved : null,
    pagesDigitised: 0,
    dossiersDigitised: 0,
    documentsReceived: 0,
    documentsDigitised: 0,
    digitisedRate: null,
    meanOcrConfidence: null,
    pagesRead: 0,
    pagesFlagged: 0,
    ...o,
  };
}

const a = counts({ carriedOver: 1_200, newlyReceived: 30_000, resolvedEarly: 2_300, resolvedOnTime: 28_400, resolvedLate: 5, pendingWithin: 490, pendingOverdue: 0, withdrawn: 5, pagesDigitised: 120_345, dossiersDigitised: 29_800, documentsReceived: 90_000, documentsDigitised: 89_100, digitisedRate: 0.99, meanOcrConfidence: 91.25, pagesRead: 120_000, pagesFlagged: 1_234 });
const b = counts({ carriedOver: 100, newlyReceived: 1_071, resolvedEarly: 43, resolvedOnTime: 858, resolvedLate: 0, pendingWithin: 270, pendingOverdue: 0, withdrawn: 0, pagesDigitised: 4_000, dossiersDigitised: 1_000, documentsReceived: 3_000, documentsDigitised: 2_400, digitisedRate: 0.8, meanOcrConfidence: 88.5, pagesRead: 3_900, pagesFlagged: 100 });

const sum = (k: keyof PeriodCounts) => (a[k] as number) + (b[k] as number);
const total = counts({
  carriedOver: sum('carriedOver'),
  newlyReceived: sum('newlyReceived'),
  resolvedEarly: sum('resolvedEarly'),
  resolvedOnTime: sum('resolvedOnTime'),
  resolvedLate: sum('resolvedLate'),
  pendingWithin: sum('pendingWithin'),
  pendingOverdue: sum('pendingOverdue'),
  withdrawn: sum('withdrawn'),
  pagesDigitised: sum('pagesDigitised'),
  dossiersDigitised: sum('dossiersDigitised'),
  documentsReceived: sum('documentsReceived'),
  documentsDigitised: sum('documentsDigitised'),
  digitisedRate: sum('documentsDigitised') / sum('documentsReceived'),
  meanOcrConfidence: 91.17,
  pagesRead: sum('pagesRead'),
  pagesFlagged: sum('pagesFlagged'),
});

const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];

/** Enough procedures that the PDF's procedure table runs over a page (its header must repeat). */
const procedures = Array.from({ length: 70 }, (_, i) => ({
  agency: i % 2 ? 'STP' : 'SXD',
  procedure: `${i % 2 ? 'STP' : 'SXD'}-${String(i + 1).padStart(3, '0')}`,
  name: i % 7 === 0 ? `Cấp giấy phép xây dựng có thời hạn đối với công trình, nhà ở riêng lẻ thuộc khu vực quy hoạch số ${i + 1}` : `Chứng thực bản sao từ bản chính giấy tờ số ${i + 1}`,
  received: 400 + i,
  resolved: 390 + i,
  resolvedLate: i % 5,
  pendingOverdue: i % 3,
}));

export const fixtureReport: PeriodReport = periodReportSchema.parse({
  ...total,
  from: '2026-01-01',
  to: '2026-06-30',
  agency: null,
  generatedAt: '2026-07-01T02:00:00.000Z',
  perAgency: [
    { ...a, agency: 'SXD', name: 'Sở Xây dựng' },
    { ...b, agency: 'STP', name: 'Sở Tư pháp' },
  ],
  perProcedure: procedures,
  perMonth: months.map((month, i) => ({ month, newlyReceived: 5_000 + i * 100, resolved: 4_900 + i * 120, resolvedLate: i, pagesDigitised: 20_000 + i })),
});
