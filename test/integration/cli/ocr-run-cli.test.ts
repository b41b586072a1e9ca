/**
 * `motcua ocr run` through the real bin: a data folder whose pages were stored by a core that does not read them
 * (a scan from the CLI) is read to the end in that process — text searchable, the document's PDF built — then the
 * command exits with the queue empty.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../core/app';
import { motcua } from '../../helpers/cli';
import { TEST_HASH_COST } from '../../helpers/core';
import { tempDir } from '../../helpers/temp';
import { receiveDossier, storePages, textPng } from '../ocr/queue-harness';

const data = tempDir('motcua-ocr-run-cli-');
let code = '';

beforeAll(async () => {
  const core = await createCore({ dataDir: data.dir, logLevel: 'warn', authPolicy: { hashCost: TEST_HASH_COST }, ocr: { run: false } });
  try {
    const d = await receiveDossier(core);
    code = d.code;
    await storePages(core, { dossierId: d.id }, 'TP1', [await textPng(['Giấy chứng nhận quyền sử dụng đất'])]);
  } finally {
    await core.close();
  }
});
afterAll(() => data.cleanup());

describe('motcua ocr run', () => {
  it('reads the queue to the end, builds the PDF, and exits with nothing waiting', async () => {
    const before = await motcua(data.dir, ['ocr', 'status', '--json']);
    expect(JSON.parse(before.stdout)).toMatchObject({ waiting: 1, running: 0 });

    const r = await motcua(data.dir, ['ocr', 'run', '--workers', '1', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ waiting: 0, running: 0, failed: 0, done: 1 });

    const hits = JSON.parse((await motcua(data.dir, ['search', 'quyen su dung dat', '--json'])).stdout) as { dossierCode: string; item: string; page: number }[];
    expect(hits).toEqual([expect.objectContaining({ dossierCode: code, item: 'TP1', page: 1 })]);
    const core = await createCore({ dataDir: data.dir, logLevel: 'warn', ocr: { run: false } });
    try {
      expect(core.db.prepare("SELECT state, page_count FROM document_pdfs WHERE item_code = 'TP1'").get()).toEqual({ state: 'ready', page_count: 1 });
    } finally {
      await core.close();
    }
  }, 120_000);
});
