/**
 * Catalogue export to JSON or XLSX bytes, in the layouts importCatalogue reads back (round trip).
 */
import ExcelJS from 'exceljs';
import { CATALOGUE_VERSION, type Catalogue } from './schema';
import type { CatalogueFormat } from './import';
import {
  booleanText,
  COLUMNS,
  GUIDE_SHEET,
  headerText,
  joinList,
  SHEET_NAMES,
  type DataSheet,
} from './xlsx-layout';

export async function exportCatalogue(catalogue: Catalogue, format: CatalogueFormat): Promise<Uint8Array> {
  return format === 'xlsx' ? exportXlsx(catalogue) : exportJson(catalogue);
}

/** Stable key order (version, agencies, procedures) so exported files diff cleanly. */
export function exportJson(catalogue: Catalogue): Uint8Array {
  const doc = { version: CATALOGUE_VERSION, agencies: catalogue.agencies, procedures: catalogue.procedures };
  return new TextEncoder().encode(`${JSON.stringify(doc, null, 2)}\n`);
}

type Row = Record<string, string | number>;

function addDataSheet(wb: ExcelJS.Workbook, sheet: DataSheet, rows: Row[]): void {
  const cols = COLUMNS[sheet];
  const ws = wb.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = cols.map((c) => ({
    key: c.key,
    width: c.width,
    style: c.text ? { numFmt: '@' } : {},
  }));
  const header = ws.getRow(1);
  cols.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = headerText(c);
    if (c.hint) cell.note = c.hint;
  });
  header.font = { bold: true };
  for (const r of rows) ws.addRow(r);
}

async function exportXlsx(catalogue: Catalogue): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'MotCua Desk';

  addDataSheet(
    wb,
    'Agencies',
    catalogue.agencies.map((a) => ({
      code: a.code,
      name: a.name,
      parentName: a.parentName ?? '',
      shortName: a.shortName ?? '',
      codePattern: a.codePattern ?? '',
      address: a.address ?? '',
      phone: a.phone ?? '',
    })),
  );
  addDataSheet(
    wb,
    'Procedures',
    catalogue.procedures.map((p) => ({
      agencyCode: p.agencyCode,
      code: p.code,
      name: p.name,
      fieldCode: p.field.code,
      fieldName: p.field.name,
      processingAmount: p.processing.amount,
      processingUnit: p.processing.unit,
      fee: p.fees.fee,
      charge: p.fees.charge,
      feeNote: p.fees.note ?? '',
      channels: joinList(p.channels),
      resultReturn: joinList(p.resultReturn),
      active: booleanText(p.active),
    })),
  );
  addDataSheet(
    wb,
    'Checklist',
    catalogue.procedures.flatMap((p) =>
      p.checklist.map((c) => ({
        agencyCode: p.agencyCode,
        procedureCode: p.code,
        code: c.code,
        name: c.name,
        required: booleanText(c.required),
        acceptedMarks: joinList(c.acceptedMarks),
        copies: c.copies,
        templateFile: c.templateFile ?? '',
        fileTypes: joinList(c.fileTypes),
      })),
    ),
  );
  addGuide(wb);
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as unknown as ArrayBuffer);
}

/** A sheet for the person editing the file; import ignores it. */
function addGuide(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet(GUIDE_SHEET);
  ws.columns = [{ width: 22 }, { width: 26 }, { width: 12 }, { width: 70 }];
  ws.addRow(['Danh mục thủ tục hành chính — MotCua Desk']).font = { bold: true };
  ws.addRow([
    'Mỗi dòng một cơ quan / thủ tục / thành phần hồ sơ. Dòng 1 là tiêu đề: giữ nguyên phần (key) trong ngoặc. ' +
      'Danh sách nhiều giá trị ghi cách nhau dấu phẩy. Tệp có bất kỳ dòng sai nào sẽ không được nhập; ' +
      'phần mềm liệt kê mọi dòng sai để sửa.',
  ]);
  ws.addRow([]);
  ws.addRow(['Trang (sheet)', 'Cột', 'Bắt buộc có cột', 'Giá trị']).font = { bold: true };
  for (const sheet of Object.keys(COLUMNS) as DataSheet[]) {
    for (const c of COLUMNS[sheet]) {
      ws.addRow([`${SHEET_NAMES[sheet].vi} (${sheet})`, headerText(c), c.mandatory ? 'có' : 'không', c.hint ?? '']);
    }
  }
}
