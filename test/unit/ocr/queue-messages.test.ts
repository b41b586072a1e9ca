/**
 * Every error code the OCR queue, its runner, the document PDFs and their handlers can give has a Vietnamese and an
 * English message, with the same placeholders (read from the sources, so a new code without a message fails here).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ocrQueue } from '../../../core/i18n/messages/ocr-queue';
import { hasMessage } from '../../../core/i18n/translate';
import { REPO } from '../../helpers/temp';

const SOURCES = ['ocr-queue.ts', 'ocr-runner.ts', 'document-pdfs.ts', 'ocr-handlers.ts', 'ocr-settings.ts'].map((f) => path.join(REPO, 'core/services/ocr', f));
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('OCR queue messages', () => {
  it('has both languages for every code it raises', () => {
    const codes = new Set<string>();
    for (const f of SOURCES) for (const m of readFileSync(f, 'utf8').matchAll(/'((?:OCR|SETTINGS|PAGE)_[A-Z0-9_]+)'/g)) codes.add(m[1]!);
    expect(codes.size).toBeGreaterThan(8);
    for (const code of codes) {
      expect(hasMessage(`errors.${code}`, 'vi'), code).toBe(true);
      expect(hasMessage(`errors.${code}`, 'en'), code).toBe(true);
    }
  });

  it('says the same placeholders in Vietnamese and English', () => {
    const vi = ocrQueue.vi.errors as Record<string, string>;
    const en = ocrQueue.en.errors as Record<string, string>;
    expect(Object.keys(vi).sort()).toEqual(Object.keys(en).sort());
    for (const code of Object.keys(vi)) expect(placeholders(en[code]!), code).toEqual(placeholders(vi[code]!));
  });
});
