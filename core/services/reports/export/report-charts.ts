/**
 * The report's charts as PNG: echarts 6 rendered server-side to SVG (no DOM, no canvas), its text turned into the
 * app font's outlines (svg-text-paths.ts), then rasterised by sharp. Animation off and fixed sizes: the same report
 * gives the same pixels.
 */
import type * as EChartsCore from 'echarts/core';
import sharp from 'sharp';
import type { PeriodReport } from '../../../contract/reports';
import { loadFonts } from '../../../domain/forms/resources';
import { formatCount, formatMonth, label } from './report-labels';
import { textToPaths } from './svg-text-paths';

export interface ChartImage {
  title: string;
  png: Buffer;
  /** CSS pixels of the drawing; the PNG has SCALE times as many. */
  width: number;
  height: number;
}

export const CHART_WIDTH = 760;
export const CHART_HEIGHT = 340;
/** Pixels per CSS pixel: sharp enough for print at the PDF's width (about 180 dpi). */
const SCALE = 2;
const FONT = 'DejaVu Serif Condensed';
const COLORS = { early: '#2e7d32', onTime: '#1565c0', late: '#c62828', received: '#5c6bc0', resolved: '#26a69a' };

type EChartsModule = typeof EChartsCore;
let echartsReady: Promise<EChartsModule> | null = null;

/** echarts loads with the first report (the CLI's other commands and the core's start do not pay for it). */
function echarts(): Promise<EChartsModule> {
  echartsReady ??= (async () => {
    const core = await import('echarts/core');
    const { BarChart } = await import('echarts/charts');
    const { GridComponent, LegendComponent, TitleComponent } = await import('echarts/components');
    const { SVGRenderer } = await import('echarts/renderers');
    core.use([BarChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);
    return core;
  })();
  return echartsReady;
}

/** One chart as SVG with its text outlined (what sharp rasterises). */
async function outlinedSvg(option: Record<string, unknown>, resourcesDir?: string): Promise<string> {
  const ec = await echarts();
  const chart = ec.init(null, null, { renderer: 'svg', ssr: true, width: CHART_WIDTH, height: CHART_HEIGHT });
  let svg: string;
  try {
    chart.setOption({ animation: false, backgroundColor: '#ffffff', textStyle: { fontFamily: FONT }, ...option });
    svg = chart.renderToSVGString();
  } finally {
    // An undisposed chart keeps a timer alive: the CLI would not exit.
    chart.dispose();
  }
  const fonts = await loadFonts(resourcesDir);
  return textToPaths(svg, { regular: fonts.regular, bold: fonts.bold });
}

const countAxis = { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => formatCount(v) } };
const barLabel = { show: true, position: 'top', formatter: (p: { value: number }) => formatCount(p.value) };

/** Resolved early / on time / late, and pending within / overdue beside them. */
function resolvedOption(r: PeriodReport): Record<string, unknown> {
  const bars = [
    { name: label('columns.early'), value: r.resolvedEarly, color: COLORS.early },
    { name: label('columns.onTime'), value: r.resolvedOnTime, color: COLORS.onTime },
    { name: label('columns.late'), value: r.resolvedLate, color: COLORS.late },
  ];
  return {
    title: { text: label('charts.resolved'), left: 'center', textStyle: { fontFamily: FONT, fontSize: 16 } },
    grid: { left: 70, right: 30, top: 60, bottom: 40 },
    xAxis: { type: 'category', data: bars.map((b) => b.name), axisLabel: { fontSize: 13 } },
    yAxis: { ...countAxis, name: label('charts.count') },
    series: [{ type: 'bar', barWidth: '45%', label: barLabel, data: bars.map((b) => ({ value: b.value, itemStyle: { color: b.color } })) }],
  };
}

function perMonthOption(r: PeriodReport): Record<string, unknown> {
  // A long period's bars are too narrow for their figures: the table beside the chart has them.
  const monthLabels = r.perMonth.length <= 12 ? { ...barLabel, fontSize: r.perMonth.length > 6 ? 9 : 12 } : { show: false };
  return {
    title: { text: label('charts.perMonth'), left: 'center', textStyle: { fontFamily: FONT, fontSize: 16 } },
    legend: { top: 40, data: [label('charts.newlyReceived'), label('charts.resolved_')] },
    grid: { left: 70, right: 30, top: 80, bottom: 40 },
    // Every month named under its bars (a year's twelve fit at this width).
    xAxis: { type: 'category', data: r.perMonth.map((m) => formatMonth(m.month)), axisLabel: { interval: 0, fontSize: r.perMonth.length > 6 ? 10 : 12 } },
    yAxis: countAxis,
    series: [
      { name: label('charts.newlyReceived'), type: 'bar', label: monthLabels, itemStyle: { color: COLORS.received }, data: r.perMonth.map((m) => m.newlyReceived) },
      { name: label('charts.resolved_'), type: 'bar', label: monthLabels, itemStyle: { color: COLORS.resolved }, data: r.perMonth.map((m) => m.resolved) },
    ],
  };
}

const CHARTS = { resolved: resolvedOption, perMonth: perMonthOption };
export type ChartName = keyof typeof CHARTS;

/** A chart's outlined SVG (for tests and for callers wanting vector output). */
export function chartSvg(r: PeriodReport, name: ChartName, o: { resourcesDir?: string } = {}): Promise<string> {
  return outlinedSvg(CHARTS[name](r), o.resourcesDir);
}

export async function renderCharts(r: PeriodReport, o: { resourcesDir?: string } = {}): Promise<ChartImage[]> {
  const out: ChartImage[] = [];
  // One after the other: two charts, and the machine's cores belong to the app's other work.
  for (const name of ['resolved', 'perMonth'] as const) {
    const svg = await chartSvg(r, name, o);
    const png = await sharp(Buffer.from(svg), { density: 72 * SCALE }).png({ compressionLevel: 9 }).toBuffer();
    out.push({ title: label(`charts.${name}`), png, width: CHART_WIDTH, height: CHART_HEIGHT });
  }
  return out;
}
