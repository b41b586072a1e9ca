/** The CLI sends files in chunks like the UI and reports refused files with a clear message and exit 2. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../../core/contract/limits';
import { CATALOGUE_IMPORT_LIMITS } from '../../../core/domain/catalogue/import';
import { writeBigCatalogue } from '../../helpers/big-catalogue';
import { motcua as runMotcua } from '../../helpers/cli';
import { NGUYEN_THI_HUYNH, qrOf } from '../../helpers/people';
import { tempDir } from '../../helpers/temp';
import { SAMPLE_FILES } from '../../helpers/uploads';

const data = tempDir();
afterAll(() => data.cleanup());
const motcua = (args: string[]) => runMotcua(data.dir, args);
const receive = (attach: string) => motcua(['dossier', 'receive', '--agency', '000.27.10.H12', '--procedure', '1.004873', '--applicant-qr', qrOf(NGUYEN_THI_HUYNH), '--attach', attach, '--json']);

describe('files given to the CLI', () => {
  it('attaches a file near the limit, and refuses an executable named .pdf with exit 2', async () => {
    const near = path.join(data.dir, 'ban-scan.pdf');
    writeFileSync(near, Buffer.concat([SAMPLE_FILES.pdf, Buffer.alloc(MAX_FILE_BYTES - 512 * 1024 - SAMPLE_FILES.pdf.length, 0x20)]));
    const ok = await receive(`TP1=${near}`);
    expect(ok.code, ok.stderr).toBe(0);
    expect((JSON.parse(ok.stdout) as { documents: { bytes: number }[] }).documents[0]?.bytes).toBe(MAX_FILE_BYTES - 512 * 1024);

    const exe = path.join(data.dir, 'to-khai.pdf');
    writeFileSync(exe, SAMPLE_FILES.exe);
    const bad = await receive(`TP1=${exe}`);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/DOSSIER_FILE_DANGEROUS.*chương trình chạy được/);

    const large = path.join(data.dir, 'lon.pdf');
    writeFileSync(large, Buffer.alloc(MAX_FILE_BYTES + 1));
    const tooLarge = await receive(`TP1=${large}`);
    expect(tooLarge.code).toBe(2);
    expect(tooLarge.stderr).toMatch(/DOSSIER_FILE_TOO_LARGE.*lớn hơn 25 MB/);
    expect(tooLarge.stderr).not.toMatch(/characters|undefined/);
  }, 120_000);

  it('refuses an oversized or overlong catalogue file with its message and exit 2, never a crash', async () => {
    const huge = path.join(data.dir, 'danh-muc-96mb.json');
    writeFileSync(huge, Buffer.alloc(96 * 1024 * 1024, 0x20));
    const r = await motcua(['catalogue', 'import', huge]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/CATALOGUE_FILE_TOO_LARGE.*lớn hơn 25 MB/);
    expect(r.stderr).not.toMatch(/undefined|characters/);

    const rows = path.join(data.dir, 'nhieu-dong.xlsx');
    await writeBigCatalogue(rows, CATALOGUE_IMPORT_LIMITS.maxRowsPerSheet + 1);
    const many = await motcua(['catalogue', 'import', rows]);
    expect(many.code).toBe(2);
    expect(many.stderr).toMatch(/CATALOGUE_TOO_MANY_ROWS/);
    expect(many.stderr).not.toMatch(/undefined/);
  }, 120_000);
});
