/**
 * `motcua search "QUERY" [--json]` as a user runs it (the real bin, a child process) on a data folder with a received
 * dossier whose pages have OCR text: the JSON shape [{"dossierCode","item","page","snippet"}], the human lines with
 * the match marked, [] and exit 0 when nothing matches, exit 2 with a Vietnamese message for a bad query.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../core/app';
import { motcua as runMotcua } from '../../helpers/cli';
import { call, TEST_HASH_COST } from '../../helpers/core';
import { NGUYEN_THI_HUYNH, personInput } from '../../helpers/people';
import { tempDir } from '../../helpers/temp';
import { MARITAL, WARD } from '../scanning/scan-harness';
import { pageImage, storePage } from '../search/search-world';

let data: ReturnType<typeof tempDir>;
let code: string;

beforeAll(async () => {
  data = tempDir('motcua-search-cli-');
  const core = await createCore({ dataDir: data.dir, logLevel: 'warn', authPolicy: { hashCost: TEST_HASH_COST } });
  try {
    const c = core.openConnection('cli', 'setup', { name: 'setup', role: 'admin' });
    const v = await call(core, c, 'dossiers.receive', { agencyCode: WARD, procedureCode: MARITAL, applicant: personInput(NGUYEN_THI_HUYNH) });
    code = v.code ?? '';
    const out = await pageImage();
    storePage(core, out, { dossierId: v.id }, 'TP1', 'Tờ khai cấp giấy xác nhận tình trạng hôn nhân.');
    storePage(core, out, { dossierId: v.id }, 'TP1', 'Nơi cư trú:   số 45\n  Đường Lê Lợi, phường Bến Thành.');
    storePage(core, out, { dossierId: v.id }, 'TP3', 'Bản án ly hôn: ông Nguyễn Văn Bình, đường Trần Hưng Đạo.');
  } finally {
    await core.close();
  }
});
afterAll(() => data.cleanup());

const motcua = (args: string[]) => runMotcua(data.dir, args);

describe('motcua search', () => {
  it('--json prints [{dossierCode, item, page, snippet}] with the snippet as plain text', async () => {
    const r = await motcua(['search', 'duong le loi', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const hits = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(hits).toEqual([{ dossierCode: code, item: 'TP1', page: 2, snippet: 'Nơi cư trú: số 45 Đường Lê Lợi, phường Bến Thành.' }]);
    const two = JSON.parse((await motcua(['search', 'ĐƯỜNG', '--json'])).stdout) as { item: string; page: number }[];
    expect(two.map((h) => `${h.item}#${h.page}`).sort()).toEqual(['TP1#2', 'TP3#1']);
  });

  it('prints one line per hit with the match marked; nothing found is [] and exit 0', async () => {
    const human = await motcua(['search', 'Nguyen']);
    expect(human.code, human.stderr).toBe(0);
    const lines = human.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(code);
    expect(lines[0]).toContain('TP3');
    expect(lines[0]).toContain('«Nguyễn»');
    const none = await motcua(['search', 'không-có-chữ-này', '--json']);
    expect(none.code, none.stderr).toBe(0);
    expect(JSON.parse(none.stdout)).toEqual([]);
  });

  it('a bad query exits 2 with a Vietnamese message and its code', async () => {
    const empty = await motcua(['search', '* - :', '--json']);
    expect(empty.code).toBe(2);
    expect(empty.stdout).toBe('');
    expect(empty.stderr).toMatch(/SEARCH_QUERY_EMPTY/);
    expect(empty.stderr).toMatch(/không có chữ hoặc số/);
    const prefix = await motcua(['search', 'n*']);
    expect(prefix.code).toBe(2);
    expect(prefix.stderr).toMatch(/SEARCH_PREFIX_TOO_SHORT/);
  });

  it('a bad option exits 2', async () => {
    const limit = await motcua(['search', 'duong', '--limit', '0']);
    expect(limit.code).toBe(2);
    expect(limit.stderr).toMatch(/CLI_BAD_ARGUMENT/);
  });
});
