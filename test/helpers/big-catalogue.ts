/**
 * A catalogue XLSX with very many procedure rows, written as a stream (the writer never holds the rows), like
 * the attack file of issue #13: few megabytes on disk, far more rows than any catalogue has.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { COLUMNS, headerText } from '../../core/domain/catalogue/xlsx-layout';

/** `sparse`: one number per row (how a million rows fit in a few MB, like the file of the issue). */
export async function writeBigCatalogue(file: string, rows: number, opts: { sparse?: boolean } = {}): Promise<void> {
  // Our own stream, awaited until closed: the writer's commit() can resolve before a `filename` file is flushed,
  // and a reader started then sees a cut zip (no sheets) on a loaded machine.
  const out = createWriteStream(file);
  const closed = once(out, 'close');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const agencies = wb.addWorksheet('Agencies');
  agencies.addRow(COLUMNS.Agencies.map(headerText)).commit();
  agencies.addRow(['000.00.01.H12', 'UBND phường thử']).commit();
  agencies.commit();
  const procedures = wb.addWorksheet('Procedures');
  procedures.addRow(COLUMNS.Procedures.map(headerText)).commit();
  for (let i = 0; i < rows; i++) {
    if (opts.sparse) procedures.addRow([i]).commit();
    else procedures.addRow(['000.00.01.H12', `1.${String(i).padStart(6, '0')}`, 'Thủ tục', 'LV', 'Lĩnh vực', 1, 'days', 0, 0, '', 'direct']).commit();
  }
  procedures.commit();
  const checklist = wb.addWorksheet('Checklist');
  checklist.addRow(COLUMNS.Checklist.map(headerText)).commit();
  checklist.commit();
  await wb.commit();
  await closed;
}
