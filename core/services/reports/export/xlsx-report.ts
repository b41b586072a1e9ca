/**
 * The period report as XLSX (exceljs): sheets Tổng hợp (the agencies' table, digitisation, the write-up, the charts),
 * Theo cơ quan, Theo thủ tục, Theo tháng. Figures are numbers with number formats (a spreadsheet sums them; Excel shows
 * them in the reader's notation), headers frozen, columns sized. The workbook's dates are the report's generation time.
 */
import ExcelJS from 'exceljs';
import type { PeriodReport } from '../../../contract/reports';
import type { ChartImage } from './report-charts';
import { formatDay, formatInstantVn, label } from './report-labels';
import { stampZipEntries } from './zip-dates';
import { agencyTable, digitisedTable, kindOf, mainTable, monthTable, procedureTable, writeUp, type ColumnKind, type Table } from './report-tables';

const NUM_FMT: Record<ColumnKind, string | undefined> = { text: '@', count: '#,##0', rate: '0.00%', decimal: '0.0' };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EAF6' } };
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF9E9E9E' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** The header (two rows when columns are grouped) and the rows from `top` (1-based); returns the next free row. */
function writeTable(ws: ExcelJS.Worksheet, table: Table, top: number, left = 1): number {
  const grouped = table.columns.some((c) => c.group);
  const headerRows = grouped ? 2 : 1;
  table.columns.forEach((col, i) => {
    const x = left + i;
    // A column of its own spans both header rows: its title sits in the merge's top cell.
    const spans = grouped && !col.group;
    ws.getCell(spans ? top : top + headerRows - 1, x).value = col.header;
    if (spans) ws.mergeCells(top, x, top + 1, x);
  });
  if (grouped) {
    for (let i = 0; i < table.columns.length; ) {
      const group = table.columns[i]!.group;
      let j = i;
      while (group && table.columns[j + 1]?.group === group) j++;
      if (group) {
        ws.getCell(top, left + i).value = group;
        if (j > i) ws.mergeCells(top, left + i, top, left + j);
      }
      i = j + 1;
    }
  }
  for (let r = top; r < top + headerRows; r++) {
    for (let i = 0; i < table.columns.length; i++) {
      const cell = ws.getCell(r, left + i);
      cell.font = { bold: true };
      cell.fill = HEADER_FILL;
      cell.border = BOX;
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    }
  }
  table.rows.forEach((row, ri) => {
    row.forEach((v, ci) => {
      const cell = ws.getCell(top + headerRows + ri, left + ci);
      const kind = kindOf(table, ri, ci);
      cell.value = v;
      cell.border = BOX;
      const fmt = NUM_FMT[kind];
      if (fmt && v !== null) cell.numFmt = fmt;
      if (kind === 'text') cell.alignment = { wrapText: true, vertical: 'top' };
    });
  });
  return top + headerRows + table.rows.length;
}

function sizeColumns(ws: ExcelJS.Worksheet, table: Table, left = 1): void {
  table.columns.forEach((col, i) => {
    const column = ws.getColumn(left + i);
    column.width = Math.max(column.width ?? 0, col.width + 2);
  });
}

function tableSheet(wb: ExcelJS.Workbook, name: string, table: Table): ExcelJS.Worksheet {
  const headerRows = table.columns.some((c) => c.group) ? 2 : 1;
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: headerRows, xSplit: 1 }] });
  writeTable(ws, table, 1);
  sizeColumns(ws, table);
  ws.autoFilter = { from: { row: headerRows, column: 1 }, to: { row: headerRows, column: table.columns.length } };
  return ws;
}

function placeChart(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, chart: ChartImage, row: number, col = 0): number {
  const id = wb.addImage({ buffer: chart.png as unknown as ExcelJS.Buffer, extension: 'png' });
  ws.addImage(id, { tl: { col, row: row - 1 }, ext: { width: chart.width, height: chart.height } });
  // Rows of the default height (20 px) the picture covers, and a spare one.
  return row + Math.ceil(chart.height / 20) + 1;
}

export async function renderXlsx(r: PeriodReport, o: { agencyName: string | null; charts: ChartImage[] }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const at = new Date(r.generatedAt);
  wb.creator = 'MotCua Desk';
  wb.created = at;
  wb.modified = at;
  wb.title = label('title');

  const main = mainTable(r);
  const ws = wb.addWorksheet(label('sheets.summary'), { views: [{ state: 'frozen', ySplit: 4 }] });
  const span = main.columns.length;
  const heading = (row: number, text: string, font: Partial<ExcelJS.Font>) => {
    ws.mergeCells(row, 1, row, span);
    const cell = ws.getCell(row, 1);
    cell.value = text;
    cell.font = font;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  heading(1, label('title'), { bold: true, size: 14 });
  ws.getRow(1).height = 36;
  heading(2, label('period', { from: formatDay(r.from), to: formatDay(r.to) }), { italic: true });
  heading(3, o.agencyName ? label('agency', { name: o.agencyName }) : label('allAgencies'), {});
  heading(4, label('generatedAt', { at: formatInstantVn(r.generatedAt) }), { size: 9, color: { argb: 'FF616161' } });

  let row = 6;
  ws.getCell(row, 1).value = main.title;
  ws.getCell(row, 1).font = { bold: true };
  row = writeTable(ws, main, row + 1) + 1;
  sizeColumns(ws, main);

  const dig = digitisedTable(r);
  ws.getCell(row, 1).value = dig.title;
  ws.getCell(row, 1).font = { bold: true };
  row += 1;
  // Label over the first three columns, the figure in the fourth: the main table's column widths stay as they are.
  dig.rows.forEach((cells, i) => {
    ws.mergeCells(row, 1, row, 3);
    const name = ws.getCell(row, 1);
    name.value = cells[0] ?? null;
    name.border = BOX;
    const value = ws.getCell(row, 4);
    value.value = cells[1] ?? null;
    value.border = BOX;
    const fmt = NUM_FMT[kindOf(dig, i, 1)];
    if (fmt && value.value !== null) value.numFmt = fmt;
    row++;
  });
  row += 1;

  for (const line of writeUp(r)) {
    ws.mergeCells(row, 1, row, span);
    const cell = ws.getCell(row, 1);
    cell.value = line;
    cell.alignment = { wrapText: true, vertical: 'top' };
    ws.getRow(row).height = 32;
    row++;
  }
  row++;
  for (const chart of o.charts) row = placeChart(wb, ws, chart, row);

  tableSheet(wb, label('sheets.perAgency'), agencyTable(r));
  tableSheet(wb, label('sheets.perProcedure'), procedureTable(r));
  const months = tableSheet(wb, label('sheets.perMonth'), monthTable(r));
  const perMonthChart = o.charts[1];
  if (perMonthChart) placeChart(wb, months, perMonthChart, r.perMonth.length + 3);

  return stampZipEntries(Buffer.from(await wb.xlsx.writeBuffer()), at);
}
