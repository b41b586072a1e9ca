import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDF_TOOLS, pdfText, qpdfCheck, readQrCodes } from '../../helpers/pdf-tools';
import { NGUYEN_THI_HUYNH, qrOf } from '../../helpers/people';
import { motcuaInProcess, motcua as runMotcua } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';
import sample from '../../../resources/catalogue/sample.json';

const SAMPLE = sample as { procedures: unknown[] };

let data: ReturnType<typeof tempDir>;
const motcua = (args: string[]) => runMotcua(data.dir, args);
/** The program in this process (main(), what the bin runs: same exit code and output) where only the answer matters. */
const answer = (args: string[]) => motcuaInProcess(data.dir, args);

beforeAll(() => {
  data = tempDir();
});
afterAll(() => data.cleanup());

describe('reception CLI', () => {
  it('cccd prints the card fields as JSON, and refuses bad text with exit 2', async () => {
    const r = await answer(['cccd', qrOf(NGUYEN_THI_HUYNH).normalize('NFD') + '\n', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      idNumber: '001185012345',
      oldIdNumber: '012345678',
      fullName: 'Huỳnh Thị Ngọc Ánh',
      dateOfBirth: '1985-03-15',
      gender: 'female',
      address: NGUYEN_THI_HUYNH.address,
      issueDate: '2021-08-10',
      warnings: [],
    });
    const bad = await answer(['cccd', '001185012345|x|y', '--json']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/CCCD_/);
    expect(bad.stdout).toBe('');
  });

  it('due-date counts working time, with an official calendar file', async () => {
    const r = await answer(['due-date', '--received', '2026-11-27T16:00', '--days', '1', '--json']);
    expect(JSON.parse(r.stdout)).toEqual({ due: '2026-11-30T16:00' });
    const file = path.join(data.dir, 'calendar.json');
    writeFileSync(file, JSON.stringify({ years: { '2026': { holidays: ['2026-11-30'], workdays: [] } } }));
    const official = await answer(['due-date', '--received', '2026-11-27T16:00', '--days', '1', '--calendar', file, '--json']);
    expect(JSON.parse(official.stdout)).toEqual({ due: '2026-12-01T16:00' });
    const hours = await answer(['due-date', '--received', '2026-11-27T16:00', '--hours', '1', '--json']);
    expect(JSON.parse(hours.stdout)).toEqual({ due: '2026-11-27T17:00' });
    const bad = await answer(['due-date', '--received', '2026-13-01T08:00', '--days', '1']);
    expect(bad.code).toBe(2);
  });

  it.skipIf(PDF_TOOLS.skip)('receives a dossier and prints every form with the name, code, due date and a QR that reads back', async () => {
    const attachment = path.join(data.dir, 'to-khai.pdf');
    writeFileSync(attachment, '%PDF-1.4 tờ khai');
    const r = await motcua(['dossier', 'receive', '--agency', '000.27.10.H12', '--procedure', '1.004873', '--applicant-qr', qrOf(NGUYEN_THI_HUYNH), '--attach', `TP1=${attachment}`, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const v = JSON.parse(r.stdout) as { id: string; code: string; due: string; documents: { fileName: string }[]; checklist: { name: string; received: boolean }[] };
    expect(v.code).toMatch(/^000\.27\.10\.H12-\d{6}-\d{4}$/);
    expect(v.documents.map((d) => d.fileName)).toEqual(['to-khai.pdf']);
    const due = v.due.replace(/^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})$/, '$3/$2/$1 $4');
    for (const layout of ['a4', '80mm']) {
      const out = path.join(data.dir, `receipt-${layout}.pdf`);
      const f = await motcua(['form', 'receipt', v.code, '--out', out, '--layout', layout]);
      expect(f.code, f.stderr).toBe(0);
      const text = pdfText(out).replace(/\s+/g, ' ');
      expect(text).toContain('Huỳnh Thị Ngọc Ánh');
      expect(text).toContain(v.code);
      expect(text).toContain(due);
      for (const item of v.checklist.filter((l) => l.received)) expect(text).toContain(item.name.split(' ').slice(0, 4).join(' '));
      expect(qpdfCheck(out)).toMatch(/No syntax or stream encoding errors/);
      expect(readQrCodes(out).some((q) => q.includes(v.code))).toBe(true);
    }
    const handover = path.join(data.dir, 'handover.pdf');
    const h = await motcua(['handover', v.code, '--from', 'Bưu điện Đống Đa — Nguyễn Văn Bưu', '--to', 'UBND phường Ô Chợ Dừa', '--out', handover]);
    expect(h.code, h.stderr).toBe(0);
    const ht = pdfText(handover).replace(/\s+/g, ' ');
    expect(ht).toContain(v.code);
    expect(ht).toContain('Huỳnh Thị'); // the name cell may wrap in the table
    expect(ht).toContain('Nguyễn Văn Bưu');
    const refusal = await motcua(['form', 'refusal', v.code, '--out', path.join(data.dir, 'x.pdf')]);
    expect(refusal.code).toBe(1);
    expect(refusal.stderr).toMatch(/FORMS_NOT_FOR_STATE/);
  });

  it('refuses a catalogue file with bad rows, naming each, and round-trips an export', async () => {
    const bad = path.join(data.dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        version: 1,
        agencies: [{ code: 'A1', name: 'Cơ quan A' }],
        procedures: [
          { code: 'P1', name: 'Thủ tục 1', field: { code: 'F', name: 'Lĩnh vực' }, agencyCode: 'A1', processing: { amount: 3, unit: 'days' }, fees: { fee: -5, charge: 0 }, channels: ['direct'], checklist: [] },
          { code: 'P2', name: 'Thủ tục 2', field: { code: 'F', name: 'Lĩnh vực' }, agencyCode: 'ZZ', processing: { amount: 3, unit: 'weeks' }, fees: { fee: 0, charge: 0 }, channels: ['direct'], checklist: [] },
        ],
      }),
    );
    const r = await answer(['catalogue', 'import', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/CATALOGUE_IMPORT_REJECTED/);
    expect(r.stderr.split('\n').filter((l) => /dòng\/row/.test(l)).length).toBeGreaterThanOrEqual(3);
    for (const ext of ['json', 'xlsx']) {
      const out = path.join(data.dir, `catalogue.${ext}`);
      expect((await answer(['catalogue', 'export', '--out', out])).code).toBe(0);
      const back = await answer(['catalogue', 'import', out]);
      expect(back.code, back.stderr).toBe(0);
      expect(back.stdout).toContain(`${SAMPLE.procedures.length} thủ tục`);
    }
  });
});
