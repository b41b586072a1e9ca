/** The QR of a printed form, read back with zbarimg, when the lookup address has a {code} slot. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderForm } from '../../../core/domain/forms/render';
import type { FormLayout } from '../../../core/domain/forms/types';
import { DOSSIER_CODE, sampleContext } from './fixtures';
import { missingTools, pdfText, readQrCodes, writePdf } from './tools';

const missing = missingTools();

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'motcua-forms-qr-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.skipIf(missing.length > 0)('lookup QR with {code}', () => {
  for (const layout of ['80mm', 'a4'] as FormLayout[]) {
    it(`receipt (${layout}) scans to the address with the code in place`, async () => {
      const context = sampleContext({ lookupUrl: 'https://dichvucong.example.vn/tra-cuu/{code}' });
      const file = await writePdf(dir, `receipt-${layout}.pdf`, await renderForm('receipt', context, { layout }));
      const expected = `https://dichvucong.example.vn/tra-cuu/${encodeURIComponent(DOSSIER_CODE)}`;
      expect(await readQrCodes(file, 150)).toContain(expected);
      const codes = await readQrCodes(file, 150);
      for (const c of codes) expect(c).not.toContain('{code}');
      expect(await pdfText(file)).not.toContain('{code}');
    });
  }
});
