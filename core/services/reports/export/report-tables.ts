/**
 * The report's tables and write-up as data, once, for both files: the XLSX writes the cells as numbers with formats,
 * the PDF draws them in Vietnamese notation. Same rows, same order, so the two files cannot disagree.
 */
import type { PeriodCounts, PeriodReport } from '../../../contract/reports';
import { formatCount, formatDecimal, formatMonth, formatRate, label } from './report-labels';

export type ColumnKind = 'text' | 'count' | 'rate' | 'decimal';
export interface Column {
  header: string;
  /** A header spanning this and the next columns with the same group (the agencies' two-row header). */
  group?: string;
  kind: ColumnKind;
  /** Relative width (characters in the XLSX; shares of the page in the PDF). */
  width: number;
}
export type Cell = string | number | null;
export interface Table {
  title: string;
  columns: Column[];
  rows: Cell[][];
  /** A row whose figures are not of their column's kind (the digitisation block: counts, a rate, a mean). */
  rowKinds?: ColumnKind[];
}

/** The kind of one cell: the row's own when it has one, else its column's. */
export const kindOf = (table: Table, row: number, col: number): ColumnKind =>
  table.columns[col]!.kind === 'text' ? 'text' : (table.rowKinds?.[row] ?? table.columns[col]!.kind);

const c = (key: string, kind: ColumnKind, width: number, group?: string): Column => ({ header: label(`columns.${key}`), kind, width, ...(group ? { group: label(`groups.${group}`) } : {}) });

/** The agencies' columns: received (total, carried over, new) | resolved (total, early, on time, late) | pending (total, within, overdue) | withdrawn. */
function countColumns(): Column[] {
  return [
    c('total', 'count', 10, 'received'),
    c('carriedOver', 'count', 11, 'received'),
    c('newlyReceived', 'count', 11, 'received'),
    c('total', 'count', 10, 'resolved'),
    c('early', 'count', 9, 'resolved'),
    c('onTime', 'count', 9, 'resolved'),
    c('late', 'count', 9, 'resolved'),
    c('total', 'count', 10, 'pending'),
    c('within', 'count', 9, 'pending'),
    c('overdue', 'count', 9, 'pending'),
    c('withdrawn', 'count', 9),
  ];
}

function countCells(x: PeriodCounts): Cell[] {
  return [x.received, x.carriedOver, x.newlyReceived, x.resolved, x.resolvedEarly, x.resolvedOnTime, x.resolvedLate, x.pending, x.pendingWithin, x.pendingOverdue, x.withdrawn];
}

export function mainTable(r: PeriodReport): Table {
  return { title: label('sections.main'), columns: [...countColumns(), c('onTimeRate', 'rate', 10)], rows: [[...countCells(r), r.onTimeRate]] };
}

export function digitisedTable(r: PeriodReport): Table {
  const rows: [string, Cell, ColumnKind][] = [
    ['pagesDigitised', r.pagesDigitised, 'count'],
    ['dossiersDigitised', r.dossiersDigitised, 'count'],
    ['documentsReceived', r.documentsReceived, 'count'],
    ['documentsDigitised', r.documentsDigitised, 'count'],
    ['digitisedRate', r.digitisedRate, 'rate'],
    ['meanOcrConfidence', r.meanOcrConfidence, 'decimal'],
    ['pagesRead', r.pagesRead, 'count'],
    ['pagesFlagged', r.pagesFlagged, 'count'],
  ];
  return {
    title: label('sections.digitised'),
    columns: [c('item', 'text', 40), c('value', 'count', 14)],
    rows: rows.map(([key, value]) => [label(`digitised.${key}`), value]),
    rowKinds: rows.map(([, , kind]) => kind),
  };
}

export function agencyTable(r: PeriodReport): Table {
  return {
    title: label('sections.perAgency'),
    columns: [c('agency', 'text', 30), ...countColumns(), c('onTimeRate', 'rate', 10), c('digitisedRate', 'rate', 10)],
    rows: r.perAgency.map((a) => [`${a.name} (${a.agency})`, ...countCells(a), a.onTimeRate, a.digitisedRate]),
  };
}

export function procedureTable(r: PeriodReport): Table {
  return {
    title: label('sections.perProcedure'),
    columns: [c('agencyCode', 'text', 15), c('procedure', 'text', 11), c('procedureName', 'text', 48), c('received', 'count', 10), c('resolved', 'count', 10), c('resolvedLate', 'count', 11), c('pendingOverdue', 'count', 12)],
    rows: r.perProcedure.map((p) => [p.agency, p.procedure, p.name, p.received, p.resolved, p.resolvedLate, p.pendingOverdue]),
  };
}

export function monthTable(r: PeriodReport): Table {
  return {
    title: label('sections.perMonth'),
    columns: [c('month', 'text', 10), c('newlyReceived', 'count', 14), c('resolved', 'count', 14), c('resolvedLate', 'count', 14), c('pagesDigitised', 'count', 14)],
    rows: r.perMonth.map((m) => [formatMonth(m.month), m.newlyReceived, m.resolved, m.resolvedLate, m.pagesDigitised]),
  };
}

/** A cell as the PDF shows it. */
export function cellText(v: Cell, kind: ColumnKind): string {
  if (v === null) return '-';
  if (typeof v === 'string') return v;
  if (kind === 'rate') return formatRate(v);
  if (kind === 'decimal') return formatDecimal(v, 1);
  if (kind === 'count') return formatCount(v);
  return String(v);
}

/** The write-up in the agencies' words ("Trong kỳ, đã tiếp nhận 32.371 hồ sơ …, trong đó trước hạn 2.343 …"). */
export function writeUp(r: PeriodReport): string[] {
  const n = formatCount;
  const lateOrNone = (count: number) => (count > 0 ? label('writeup.late', { count: n(count) }) : label('writeup.noLate'));
  const resolved =
    label('writeup.resolved', { resolved: n(r.resolved), early: n(r.resolvedEarly), onTime: n(r.resolvedOnTime), late: lateOrNone(r.resolvedLate) }) +
    (r.onTimeRate === null ? '' : label('writeup.resolvedRate', { rate: formatRate(r.onTimeRate) })) +
    '.';
  const lines = [
    label('writeup.received', { received: n(r.received), newlyReceived: n(r.newlyReceived), carriedOver: n(r.carriedOver) }),
    resolved,
    label('writeup.pending', { pending: n(r.pending), within: n(r.pendingWithin), overdue: lateOrNone(r.pendingOverdue) }),
  ];
  if (r.withdrawn > 0) lines.push(label('writeup.withdrawn', { count: n(r.withdrawn) }));
  lines.push(
    label('writeup.digitised', {
      pages: n(r.pagesDigitised),
      dossiers: n(r.dossiersDigitised),
      documentsDigitised: n(r.documentsDigitised),
      documentsReceived: n(r.documentsReceived),
      rate: formatRate(r.digitisedRate),
    }),
  );
  return lines;
}
