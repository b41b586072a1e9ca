/**
 * The period report as PDF (pdf-lib, the app's DejaVu fonts embedded as subsets so the Vietnamese text is searchable
 * and copyable): A4 portrait, the agencies' table, the digitisation block, the write-up, the charts as PNG, then the
 * per-agency, per-procedure and per-month tables; "Trang x/y" on every page. Dates in the file are the report's
 * generation time, so the same report gives the same bytes.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import type { PeriodReport } from '../../../contract/reports';
import { loadFonts } from '../../../domain/forms/resources';
import { Flow } from './pdf-layout';
import type { ChartImage } from './report-charts';
import { formatDay, formatInstantVn, label } from './report-labels';
import { agencyTable, digitisedTable, mainTable, monthTable, procedureTable, writeUp } from './report-tables';

export async function renderPdf(r: PeriodReport, o: { agencyName: string | null; charts: ChartImage[]; resourcesDir?: string }): Promise<Buffer> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const files = await loadFonts(o.resourcesDir);
  const fonts = {
    regular: await doc.embedFont(files.regular.bytes, { subset: true }),
    bold: await doc.embedFont(files.bold.bytes, { subset: true }),
    italic: await doc.embedFont(files.italic.bytes, { subset: true }),
  };
  const at = new Date(r.generatedAt);
  doc.setTitle(label('title'));
  doc.setCreator('MotCua Desk');
  doc.setProducer('MotCua Desk');
  doc.setLanguage('vi-VN');
  doc.setCreationDate(at);
  doc.setModificationDate(at);

  const flow = new Flow(doc, fonts);
  flow.text(label('title'), { size: 13, font: fonts.bold, align: 'center', gap: 4 });
  flow.text(label('period', { from: formatDay(r.from), to: formatDay(r.to) }), { size: 10.5, font: fonts.italic, align: 'center' });
  flow.text(o.agencyName ? label('agency', { name: o.agencyName }) : label('allAgencies'), { size: 10.5, align: 'center' });
  flow.text(label('generatedAt', { at: formatInstantVn(r.generatedAt) }), { size: 8, align: 'center', gap: 10 });

  const section = (title: string) => {
    flow.ensure(60);
    flow.text(title, { size: 11, font: fonts.bold, gap: 3 });
  };
  section(label('sections.main'));
  flow.table(mainTable(r));
  for (const line of writeUp(r)) flow.text(line, { size: 10, gap: 2 });
  flow.y -= 8;
  section(label('sections.digitised'));
  flow.table(digitisedTable(r), { size: 9 });

  section(label('sections.charts'));
  for (const chart of o.charts) {
    const img = await doc.embedPng(chart.png);
    flow.image(img, flow.width, (flow.width * chart.height) / chart.width);
  }

  const tables = [agencyTable(r), procedureTable(r), monthTable(r)];
  for (const t of tables) {
    section(t.title);
    if (t.rows.length === 0) flow.text(label('none'), { size: 9, font: fonts.italic, gap: 8 });
    else flow.table(t);
  }
  flow.numberPages((page, pages) => label('page', { page, pages }));
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}
