/**
 * Bad input on the command line (arguments, QR text, files) exits 2 with the error code, whatever the command.
 * Each case runs the program in this process (main(), what the bin runs: same exit code, stdout, stderr), since it is
 * about the commands' answers; the process itself is tested by cli.test.ts and the other *-cli tests.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NGUYEN_THI_HUYNH, qrOf } from '../../helpers/people';
import { motcuaInProcess } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';
import { EXIT_FAILED, EXIT_USAGE, exitCodeFor } from '../../../core/adapters/cli/runtime';

let data: ReturnType<typeof tempDir>;
const motcua = (args: string[]) => motcuaInProcess(data.dir, args);
const AGENCY = '000.27.10.H12';
const PROCEDURE = '1.004873';

beforeAll(() => {
  data = tempDir();
});
afterAll(() => data.cleanup());

describe('CLI exit code 2 for bad input', () => {
  it('dossier receive: a malformed applicant QR, like `motcua cccd`', async () => {
    const r = await motcua(['dossier', 'receive', '--agency', AGENCY, '--procedure', PROCEDURE, '--applicant-qr', '001185012345|x|y', '--json']);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/Lỗi \[CCCD_[A-Z_]+\]/);
    expect(r.stdout).toBe('');
  });

  it('dossier receive: an unknown agency or procedure', async () => {
    const qr = qrOf(NGUYEN_THI_HUYNH);
    const agency = await motcua(['dossier', 'receive', '--agency', 'NOPE', '--procedure', PROCEDURE, '--applicant-qr', qr]);
    expect(agency.code, agency.stderr).toBe(2);
    expect(agency.stderr).toMatch(/CATALOGUE_AGENCY_NOT_FOUND/);
    const procedure = await motcua(['dossier', 'receive', '--agency', AGENCY, '--procedure', 'NOPE', '--applicant-qr', qr]);
    expect(procedure.code, procedure.stderr).toBe(2);
    expect(procedure.stderr).toMatch(/CATALOGUE_PROCEDURE_NOT_FOUND/);
  });

  it('due-date: only plain decimal numbers of days or hours', async () => {
    for (const days of ['0x10', '1e1', ' 2', '-1', '0']) {
      const r = await motcua(['due-date', '--received', '2026-11-27T16:00', '--days', days]);
      expect(r.code, `--days ${days}: ${r.stdout}${r.stderr}`).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/CLI_BAD_ARGUMENT/);
    }
    const hex = await motcua(['due-date', '--received', '2026-11-27T16:00', '--hours', '0x2']);
    expect(hex.code).toBe(2);
    const half = await motcua(['due-date', '--received', '2026-11-27T08:00', '--days', '0.5', '--json']);
    expect(half.code, half.stderr).toBe(0);
    expect(JSON.parse(half.stdout)).toHaveProperty('due');
  });

  it('due-date: an unknown agency', async () => {
    const r = await motcua(['due-date', '--received', '2026-11-27T16:00', '--days', '1', '--agency', 'NOPE']);
    expect(r.code, r.stdout + r.stderr).toBe(2);
    expect(r.stderr).toMatch(/CATALOGUE_AGENCY_NOT_FOUND/);
  });

  it('due-date: a calendar file saved with a UTF-8 byte order mark is read', async () => {
    const file = path.join(data.dir, 'calendar-bom.json');
    const json = JSON.stringify({ years: { '2026': { holidays: ['2026-11-30'], workdays: [] } } });
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json, 'utf8')]));
    const r = await motcua(['due-date', '--received', '2026-11-27T16:00', '--days', '1', '--calendar', file, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ due: '2026-12-01T16:00' });
  });

  it('catalogue import: a file that is not JSON or not a workbook', async () => {
    const json = path.join(data.dir, 'broken.json');
    writeFileSync(json, '{"version": 1, "agencies": [');
    const xlsx = path.join(data.dir, 'broken.xlsx');
    writeFileSync(xlsx, Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), Buffer.alloc(64, 0x41)]));
    for (const file of [json, xlsx]) {
      const r = await motcua(['catalogue', 'import', file]);
      expect(r.code, `${file}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toMatch(/CATALOGUE_FILE_UNREADABLE/);
    }
  });

  it('maps codes once: input problems 2, failures of the operation 1', () => {
    for (const code of ['CCCD_MALFORMED', 'CCCD_BAD_ID_NUMBER', 'CATALOGUE_AGENCY_NOT_FOUND', 'CATALOGUE_PROCEDURE_NOT_FOUND', 'CATALOGUE_FILE_UNREADABLE', 'CALENDAR_FILE_INVALID', 'RPC_INVALID_INPUT']) {
      expect(exitCodeFor(code), code).toBe(EXIT_USAGE);
    }
    for (const code of ['CCCD_SCANNER_UNAVAILABLE', 'DOSSIER_BAD_TRANSITION', 'FORMS_NOT_FOR_STATE', 'INTERNAL']) {
      expect(exitCodeFor(code), code).toBe(EXIT_FAILED);
    }
  });
});
