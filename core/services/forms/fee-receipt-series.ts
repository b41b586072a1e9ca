/**
 * The fee receipt (biên lai) series an agency has registered: its form number (mẫu số, e.g. "01BLP0-001"),
 * its series (ký hiệu, e.g. "AA-25P") and the numbers issued in it (0000001, 0000002 …). Set in Settings for each
 * agency this counter collects for; each counter is given its own series, so two counters never issue one number.
 * The form number and series a receipt was issued under are stored with it: a later change prints no old receipt
 * differently.
 */
import { AppError } from '../../contract/errors';
import { REGISTERED_RECEIPT_CODE_RE } from '../../domain/forms/receipt-series';
import type { Db } from '../../store/database';
import { advanceCounter } from '../../store/counters';
import type { SettingRule } from '../settings/registry';

export const FEE_RECEIPT_SERIES_KEY = 'forms.feeReceiptSeries';

export interface FeeReceiptSeries {
  formNumber: string;
  series: string;
}

/** Setting value: agency code → its registered series. */
export type FeeReceiptSeriesSetting = Record<string, FeeReceiptSeries>;

const AGENCY_RE = /^[A-Za-z0-9]+(?:[._][A-Za-z0-9]+)*$/;
const MAX_AGENCIES = 500;

export const feeReceiptSeriesRule: SettingRule = {
  validate(v) {
    if (v === null) return;
    const bad = (agency: string, field: string) =>
      new AppError('SETTINGS_BAD_FEE_RECEIPT_SERIES', { agency: agency.slice(0, 40), field }, { field: 'value' });
    if (typeof v !== 'object' || Array.isArray(v)) throw bad('', 'value');
    const entries = Object.entries(v as Record<string, unknown>);
    if (entries.length > MAX_AGENCIES) throw bad('', 'value');
    for (const [agency, s] of entries) {
      if (!AGENCY_RE.test(agency)) throw bad(agency, 'agency');
      const r = s as Partial<FeeReceiptSeries> | null;
      if (r === null || typeof r !== 'object' || Array.isArray(r) || Object.keys(r).some((k) => k !== 'formNumber' && k !== 'series')) throw bad(agency, 'value');
      if (typeof r.formNumber !== 'string' || !REGISTERED_RECEIPT_CODE_RE.test(r.formNumber)) throw bad(agency, 'formNumber');
      if (typeof r.series !== 'string' || !REGISTERED_RECEIPT_CODE_RE.test(r.series)) throw bad(agency, 'series');
    }
  },
};

/** The series set for an agency, or null (receipts then keep the counter's own numbering). */
export function seriesFor(setting: FeeReceiptSeriesSetting | null, agencyCode: string): FeeReceiptSeries | null {
  if (!setting || !Object.hasOwn(setting, agencyCode)) return null;
  return setting[agencyCode] ?? null;
}

/** The series registered for a dossier's agency, read in the caller's transaction (settings hold JSON values). */
export function registeredSeries(db: Db, dossierId: string): FeeReceiptSeries | null {
  const row = db
    .prepare<[string, string], { agency: string; value: string | null }>(
      'SELECT d.agency_code AS agency, s.value FROM dossiers d LEFT JOIN settings s ON s.key = ? WHERE d.id = ?',
    )
    .get(FEE_RECEIPT_SERIES_KEY, dossierId);
  if (!row?.value) return null;
  return seriesFor(JSON.parse(row.value) as FeeReceiptSeriesSetting | null, row.agency);
}

export interface IssuedReceiptNumber {
  /** Unique key of the receipt (fee_receipts.number). */
  number: string;
  /** Stored with the receipt (fee_receipts.data): what the printed form shows. */
  printed: { formNumber?: string; series?: string; number: string };
}

/**
 * The next receipt number, inside the caller's write transaction. With a registered series: seven digits counted
 * per series (a series is registered for a year, "…-25P", so it is never reset); stored as "<series>-<number>",
 * unique because the count is kept per series.
 * Without one: the counter's own yearly numbering, as before.
 */
export function nextFeeReceiptNumber(db: Db, series: FeeReceiptSeries | null, counterId: string, year: number): IssuedReceiptNumber {
  if (series) {
    const seq = advanceCounter(db, 'receipt_sequences', { scope: `series:${series.series}`, year: 0 });
    const number = String(seq).padStart(7, '0');
    return { number: `${series.series}-${number}`, printed: { formNumber: series.formNumber, series: series.series, number } };
  }
  const seq = advanceCounter(db, 'receipt_sequences', { scope: counterId, year });
  const number = `BL-${counterId}-${year}-${String(seq).padStart(6, '0')}`;
  return { number, printed: { number } };
}

/** What a stored receipt prints: its data as issued, or (receipts issued before series existed) its number. */
export function printedReceipt(db: Db, number: string): { formNumber?: string; series?: string; number: string } {
  const row = db.prepare<[string], { data: string }>('SELECT data FROM fee_receipts WHERE number = ?').get(number);
  const data = row ? (JSON.parse(row.data) as { printed?: { formNumber?: string; series?: string; number?: string } }) : {};
  const p = data.printed;
  return {
    ...(p?.formNumber ? { formNumber: p.formNumber } : {}),
    ...(p?.series ? { series: p.series } : {}),
    number: p?.number ?? number,
  };
}
