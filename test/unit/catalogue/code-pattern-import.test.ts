import { describe, expect, it } from 'vitest';
import { importCatalogue } from '../../../core/domain/catalogue/import';
import { exportCatalogue } from '../../../core/domain/catalogue/export';
import { DEFAULT_CODE_PATTERN, type Catalogue } from '../../../core/domain/catalogue/schema';
import type { CatalogueIssue } from '../../../core/domain/catalogue/issues';
import { codePatternProblem, validateCodePattern } from '../../../core/domain/dossier/code-pattern';
import { isAppError } from '../../../core/contract/errors';

// Dossier sequences are kept per (agency, day): a pattern without the agency or a full day repeats codes.
const BAD = ['{yymmdd}-{seq4}', '{agency}-{yyyy}-{seq6}', '{agency}-{bogus}-{seq4}'];
const GOOD = [DEFAULT_CODE_PATTERN, '{agency}/{yyyy}{mm}{dd}/{seq5}'];

function catalogueWith(patterns: (string | undefined)[]): Catalogue {
  return {
    version: 1,
    agencies: patterns.map((codePattern, i) => ({
      code: `A${i + 1}`,
      name: `Cơ quan ${i + 1}`,
      ...(codePattern === undefined ? {} : { codePattern }),
    })),
    procedures: [],
  };
}

const brief = (issues: CatalogueIssue[]) => issues.map((i) => `${i.sheet}:${i.row}:${i.column ?? ''}:${i.code}`);

describe('dossier code patterns in a catalogue import', () => {
  const patterns = [GOOD[0], BAD[0], GOOD[1], BAD[1], BAD[2]];

  it('reports every pattern that can repeat codes by its row (JSON)', async () => {
    const bytes = await exportCatalogue(catalogueWith(patterns), 'json');
    const r = await importCatalogue(bytes, 'json');
    expect(r.catalogue).toBeNull();
    expect(brief(r.errors)).toEqual([
      'Agencies:2:codePattern:CATALOGUE_BAD_CODE_PATTERN',
      'Agencies:4:codePattern:CATALOGUE_BAD_CODE_PATTERN',
      'Agencies:5:codePattern:CATALOGUE_BAD_CODE_PATTERN',
    ]);
    expect(r.errors.map((e) => e.params.value)).toEqual([BAD[0], BAD[1], BAD[2]]);
  });

  it('reports them by spreadsheet row (XLSX, header is row 1)', async () => {
    const bytes = await exportCatalogue(catalogueWith(patterns), 'xlsx');
    const r = await importCatalogue(bytes, 'xlsx');
    expect(brief(r.errors)).toEqual([
      'Agencies:3:codePattern:CATALOGUE_BAD_CODE_PATTERN',
      'Agencies:5:codePattern:CATALOGUE_BAD_CODE_PATTERN',
      'Agencies:6:codePattern:CATALOGUE_BAD_CODE_PATTERN',
    ]);
  });

  it('accepts the default and a full-date pattern with the agency', async () => {
    const r = await importCatalogue(await exportCatalogue(catalogueWith([...GOOD, undefined]), 'json'), 'json');
    expect(r.errors).toEqual([]);
    expect(r.catalogue!.agencies.map((a) => a.codePattern)).toEqual([...GOOD, undefined]);
  });
});

describe('codePatternProblem', () => {
  it('names what is wrong or missing', () => {
    expect(BAD.map(codePatternProblem)).toEqual(['{agency}', '{yymmdd}', '{bogus}']);
    expect(codePatternProblem('{agency}-{yymmdd}-{seq4}-{seq2}')).toBe('{seq}');
    expect(codePatternProblem('{agency}-{yymmdd}')).toBe('{seq}');
    expect(codePatternProblem('{agency-{yymmdd}-{seq4}')).toBe('{');
    expect(codePatternProblem('{agency}-{yy}{mm}-{seq4}')).toBe('{yymmdd}');
    expect(codePatternProblem('{agency}-{mm}{dd}-{seq4}')).toBe('{yymmdd}');
    expect(codePatternProblem('{agency}-{yy4}{mm}{dd}-{seq4}')).toBe('{yy4}');
  });

  it('accepts full-day patterns with the agency and one sequence', () => {
    for (const p of [...GOOD, '{agency}{yy}{mm}{dd}{seq}', '{counter}.{agency}.{yymmdd}.{seq3}']) expect(codePatternProblem(p), p).toBeNull();
  });

  it('is the rule validateCodePattern enforces', () => {
    for (const p of BAD) {
      try {
        validateCodePattern(p);
        expect.unreachable(p);
      } catch (e) {
        expect(isAppError(e) && e.code).toBe('DOSSIER_BAD_CODE_PATTERN');
        expect(isAppError(e) && e.params.token).toBe(codePatternProblem(p));
      }
    }
    for (const p of GOOD) expect(() => validateCodePattern(p)).not.toThrow();
  });
});
