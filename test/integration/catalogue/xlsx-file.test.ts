/**
 * The exported workbook is a standard OOXML zip that other tools can open (checked with Debian's unzip), and a
 * file written to disk imports back to the same catalogue.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importCatalogue } from '../../../core/domain/catalogue/import';
import { exportCatalogue } from '../../../core/domain/catalogue/export';
import type { Catalogue } from '../../../core/domain/catalogue/schema';

const samplePath = fileURLToPath(new URL('../../../resources/catalogue/sample.json', import.meta.url));

describe('catalogue XLSX file', () => {
  let dir: string;
  let file: string;
  let sample: Catalogue;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'motcua-catalogue-'));
    file = path.join(dir, 'danh-muc.xlsx');
    sample = (await importCatalogue(readFileSync(samplePath))).catalogue!;
    writeFileSync(file, await exportCatalogue(sample, 'xlsx'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('passes unzip -t and names the three data sheets plus the guide', () => {
    expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toMatch(/No errors detected/);
    const workbookXml = execFileSync('unzip', ['-p', file, 'xl/workbook.xml'], { encoding: 'utf8' });
    const names = [...workbookXml.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    expect(names).toEqual(['Agencies', 'Procedures', 'Checklist', 'Hướng dẫn']);
  });

  it('stores the Vietnamese text as UTF-8 strings other readers see', () => {
    const strings = execFileSync('unzip', ['-p', file, 'xl/sharedStrings.xml'], { encoding: 'utf8' });
    expect(strings).toContain('Mã thủ tục (code)');
    expect(strings).toContain('Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ');
  });

  it('imports the file from disk back to the same catalogue', async () => {
    const r = await importCatalogue(readFileSync(file));
    expect(r.errors).toEqual([]);
    expect(r.catalogue).toStrictEqual(sample);
  });
});
