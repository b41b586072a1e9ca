/**
 * Each dashboard chart as data: its rows and columns (the data table screen-reader and keyboard users read, and
 * what each cell opens), and the echarts option drawn from the same rows, so the picture and the table cannot differ.
 */
import type { TFunction } from 'i18next';
import type { Dashboard, DrillFigure } from '../../../../core/contract/reports';
import { formatDate } from '../../format/date-time';

export interface DrillBucket {
  day?: string;
  hour?: string;
  counter?: string;
  clerk?: string;
}

/** What a tile, cell or bar opens: a figure, narrowed to one bar, with words for the dialog's title. */
export interface DrillTarget {
  figure: DrillFigure;
  bucket?: DrillBucket;
  bucketLabel?: string;
}

export interface ChartCell {
  value: number | null;
  text: string;
  drill?: DrillTarget;
}

export interface ChartRow {
  key: string;
  label: string;
  /** A shorter label under the bar when the full one would not fit (the table has the full one). */
  axis?: string;
  cells: ChartCell[];
}

export interface ChartSeries {
  name: string;
  kind: 'bar' | 'line';
  /** Second y axis (minutes beside counts). */
  secondAxis?: boolean;
}

export interface ChartSpec {
  id: string;
  title: string;
  /** The first column's heading (the category), then one per series. */
  categoryHeading: string;
  series: ChartSeries[];
  rows: ChartRow[];
}

const num = (n: number) => n.toLocaleString('vi-VN');
const cell = (value: number, drill?: DrillTarget): ChartCell => ({ value, text: num(value), ...(drill ? { drill } : {}) });

function countsRows<T extends { dossiers: number; pages: number }>(
  list: readonly T[],
  keyOf: (r: T) => string,
  labelOf: (r: T) => string,
  bucketOf: (r: T) => DrillBucket,
  axisOf?: (r: T) => string,
): ChartRow[] {
  return list.map((r) => {
    const label = labelOf(r);
    const bucket = bucketOf(r);
    return {
      key: keyOf(r),
      label,
      ...(axisOf ? { axis: axisOf(r) } : {}),
      cells: [cell(r.dossiers, { figure: 'newlyReceived', bucket, bucketLabel: label }), cell(r.pages, { figure: 'pagesDigitised', bucket, bucketLabel: label })],
    };
  });
}

export function dashboardCharts(d: Dashboard, t: TFunction): ChartSpec[] {
  const pair: ChartSeries[] = [
    { name: t('supervisorUi.charts.dossiers'), kind: 'bar' },
    { name: t('supervisorUi.charts.pages'), kind: 'bar' },
  ];
  const hourLabel = (hour: string) => t('supervisorUi.charts.hourValue', { hour });
  const c = d.counts;
  // A long period's days are too many for bars side by side: two lines read better.
  const dayKind = d.perDay.length > 31 ? 'line' : 'bar';
  const charts: ChartSpec[] = [
    {
      id: 'per-day',
      title: t('supervisorUi.charts.perDay'),
      categoryHeading: t('supervisorUi.charts.day'),
      series: pair.map((s) => ({ ...s, kind: dayKind })),
      rows: countsRows(d.perDay, (r) => r.day, (r) => formatDate(r.day), (r) => ({ day: r.day })),
    },
    {
      id: 'per-hour',
      title: t('supervisorUi.charts.perHour'),
      categoryHeading: t('supervisorUi.charts.hour'),
      series: pair,
      rows: countsRows(d.perHour, (r) => r.hour, (r) => hourLabel(r.hour), (r) => ({ hour: r.hour })),
    },
    {
      id: 'per-counter',
      title: t('supervisorUi.charts.perCounter'),
      categoryHeading: t('supervisorUi.charts.counter'),
      series: pair,
      rows: countsRows(d.perCounter, (r) => r.counter, (r) => r.counter, (r) => ({ counter: r.counter })),
    },
    {
      id: 'per-clerk',
      title: t('supervisorUi.charts.perClerk'),
      categoryHeading: t('supervisorUi.charts.clerk'),
      series: pair,
      rows: countsRows(d.perClerk, (r) => r.clerk, (r) => (r.name && r.name !== r.clerk ? `${r.name} (${r.clerk})` : r.clerk), (r) => ({ clerk: r.clerk }), (r) => r.clerk),
    },
    {
      id: 'resolved',
      title: t('supervisorUi.charts.resolved'),
      categoryHeading: t('supervisorUi.charts.kind'),
      series: [{ name: t('supervisorUi.charts.count'), kind: 'bar' }],
      rows: (['resolvedEarly', 'resolvedOnTime', 'resolvedLate'] as const).map((f) => ({
        key: f,
        label: t(`supervisorUi.report.${f}`),
        axis: t(`supervisorUi.charts.${f}`),
        cells: [cell(c[f], { figure: f })],
      })),
    },
  ];
  if (d.queue.available) {
    charts.push({
      id: 'queue-per-hour',
      title: t('supervisorUi.charts.queuePerHour'),
      categoryHeading: t('supervisorUi.charts.hour'),
      series: [
        { name: t('supervisorUi.charts.issued'), kind: 'bar' },
        { name: t('supervisorUi.charts.meanWaitMinutes'), kind: 'line', secondAxis: true },
      ],
      rows: d.queue.perHour.map((r) => {
        const label = hourLabel(r.hour);
        const wait = r.meanWaitSeconds === null ? null : Math.round((r.meanWaitSeconds / 60) * 10) / 10;
        return {
          key: r.hour,
          label,
          cells: [
            cell(r.issued, { figure: 'ticketsIssued', bucket: { hour: r.hour }, bucketLabel: label }),
            { value: wait, text: wait === null ? '—' : wait.toLocaleString('vi-VN') },
          ],
        };
      }),
    });
  }
  return charts;
}

/** A short summary for the chart's accessible name (echarts' aria description): the table has the numbers. */
export function chartDescription(spec: ChartSpec): string {
  const totals = spec.series
    .map((s, i) => (s.kind === 'bar' ? `${s.name}: ${num(spec.rows.reduce((sum, r) => sum + (r.cells[i]?.value ?? 0), 0))}` : null))
    .filter((x): x is string => x !== null);
  return [spec.title, ...totals].join('. ');
}

const PALETTE = ['#0b4f9c', '#c25e00', '#2e7d32', '#b3261e', '#6a1b9a'];

/** The echarts option for a chart (only bar and line, grid, tooltip, legend and aria are registered). */
export function chartOption(spec: ChartSpec): Record<string, unknown> {
  const two = spec.series.some((s) => s.secondAxis);
  return {
    aria: { enabled: true, label: { enabled: true, description: chartDescription(spec) }, decal: { show: false } },
    animation: false,
    color: PALETTE,
    textStyle: { fontFamily: 'system-ui, "Segoe UI", "Noto Sans", Roboto, Arial, sans-serif' },
    tooltip: { trigger: 'axis' },
    legend: spec.series.length > 1 ? { top: 0 } : undefined,
    grid: { left: 8, right: two ? 8 : 16, top: spec.series.length > 1 ? 32 : 12, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: spec.rows.map((r) => r.axis ?? r.label),
      // Few categories: every label, wrapped; many (days): as many as fit.
      axisLabel: spec.rows.length <= 12 ? { interval: 0, width: 96, overflow: 'break', hideOverlap: true } : { hideOverlap: true },
    },
    yAxis: two ? [{ type: 'value', minInterval: 1 }, { type: 'value', splitLine: { show: false } }] : { type: 'value', minInterval: 1 },
    series: spec.series.map((s, i) => ({
      name: s.name,
      type: s.kind,
      yAxisIndex: s.secondAxis ? 1 : 0,
      data: spec.rows.map((r) => r.cells[i]?.value ?? null),
      ...(s.kind === 'line' ? { connectNulls: true, symbolSize: spec.rows.length > 31 ? 0 : 6, showSymbol: spec.rows.length <= 31 } : { barMaxWidth: 36 }),
    })),
  };
}
