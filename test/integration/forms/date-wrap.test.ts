/**
 * A due date on a narrow receipt must stay on one line, so pdftotext (and a clerk) reads "dd/MM/yyyy HH:mm"
 * with an ordinary space.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderForm } from '../../../core/domain/forms/render';
import type { FormLayout } from '../../../core/domain/forms/types';
import { sampleContext } from './fixtures';
import { missingTools, writePdf } from './tools';

const run = promisify(execFile);
const missing = missingTools();

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'motcua-forms-date-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** pdftotext lines as drawn (not joined), NFC. */
async function pdfLines(file: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']);
  return stdout.normalize('NFC').split('\n');
}

const base = sampleContext();
const context = sampleContext({
  dossier: { ...base.dossier, receivedAt: '2026-11-20T08:05', dueAt: '2026-11-25T12:00' },
  procedure: {
    ...base.procedure,
    name: 'Cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất lần đầu',
  },
  agency: {
    ...base.agency,
    name: 'Bộ phận tiếp nhận và trả kết quả giải quyết thủ tục hành chính Ủy ban nhân dân phường Đông Hòa',
  },
});

describe.skipIf(missing.length > 0)('date-times on printed forms', () => {
  for (const layout of ['80mm', 'a4'] as FormLayout[]) {
    it(`receipt (${layout}): due and received date-times each on one line, with a plain space`, async () => {
      const file = await writePdf(dir, `receipt-${layout}.pdf`, await renderForm('receipt', context, { layout }));
      const lines = await pdfLines(file);
      expect(lines.some((l) => l.includes('25/11/2026 12:00')), lines.join('\n')).toBe(true);
      expect(lines.some((l) => l.includes('20/11/2026 08:05')), lines.join('\n')).toBe(true);
      expect(lines.join('\n')).not.toContain('\u00A0');
    });
  }
});
