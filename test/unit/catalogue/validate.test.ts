import { describe, expect, it } from 'vitest';
import { AgencySchema, ChecklistItemSchema, ProcedureSchema, agencyCodePattern, DEFAULT_CODE_PATTERN } from '../../../core/domain/catalogue/schema';
import { parseCatalogue } from '../../../core/domain/catalogue/validate';
import { assertNoIssues, type CatalogueIssue } from '../../../core/domain/catalogue/issues';
import { isAppError } from '../../../core/contract/errors';

const agency = (code: string, over: Record<string, unknown> = {}) => ({ code, name: `Cơ quan ${code}`, ...over });
const item = (code: string, over: Record<string, unknown> = {}) => ({
  code,
  name: `Giấy tờ ${code}`,
  required: true,
  acceptedMarks: [3],
  copies: 1,
  ...over,
});
const procedure = (code: string, agencyCode: string, over: Record<string, unknown> = {}) => ({
  code,
  name: `Thủ tục ${code}`,
  field: { code: 'HT', name: 'Hộ tịch' },
  agencyCode,
  processing: { amount: 3, unit: 'days' },
  fees: { fee: 0, charge: 0 },
  channels: ['direct'],
  checklist: [item('TP1')],
  active: true,
  ...over,
});

const brief = (issues: CatalogueIssue[]) => issues.map((i) => `${i.sheet}:${i.row}:${i.column ?? ''}:${i.code}`);

describe('catalogue schemas', () => {
  it('accepts a complete procedure and applies defaults', () => {
    const p = ProcedureSchema.parse({ ...procedure('1.004227', 'A1'), checklist: undefined, active: undefined });
    expect(p.active).toBe(true);
    expect(p.checklist).toEqual([]);
  });

  it('trims, NFC-normalises and treats blank optional text as absent', () => {
    const a = AgencySchema.parse({ code: ' 000.00.01.H12 ', name: 'Ủy ban'.normalize('NFD'), phone: '  ', shortName: '' });
    expect(a.code).toBe('000.00.01.H12');
    expect(a.name).toBe('Ủy ban'.normalize('NFC'));
    expect('phone' in a).toBe(false);
    expect('shortName' in a).toBe(false);
    expect(agencyCodePattern(a)).toBe(DEFAULT_CODE_PATTERN);
  });

  it('checks dossier code patterns need a counter', () => {
    expect(AgencySchema.safeParse(agency('A1', { codePattern: '{agency}-{yymmdd}-{seq5}' })).success).toBe(true);
    expect(AgencySchema.safeParse(agency('A1', { codePattern: '{agency}-{yymmdd}' })).success).toBe(false);
    expect(AgencySchema.safeParse(agency('A1', { codePattern: '{agency-{seq4}' })).success).toBe(false);
  });

  it('rejects a dash in agency codes (it separates dossier code segments)', () => {
    const r = AgencySchema.safeParse(agency('000-01'));
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toBe('CATALOGUE_BAD_AGENCY_CODE');
  });

  it('normalises file types and drops repeated marks', () => {
    const c = ChecklistItemSchema.parse(item('TP1', { fileTypes: ['.PDF', 'jpg'], acceptedMarks: [1, 2, 1] }));
    expect(c.fileTypes).toEqual(['pdf', 'jpg']);
    expect(c.acceptedMarks).toEqual([1, 2]);
  });
});

describe('parseCatalogue', () => {
  it('accepts a valid catalogue; the same procedure code may exist in two agencies', () => {
    const r = parseCatalogue({
      version: 1,
      agencies: [agency('A1'), agency('A2')],
      procedures: [procedure('1.004227', 'A1'), procedure('1.004227', 'A2')],
    });
    expect(r.errors).toEqual([]);
    expect(r.catalogue!.procedures).toHaveLength(2);
  });

  it('reports every bad row with its position, column and code, and returns no catalogue', () => {
    const r = parseCatalogue({
      version: 1,
      agencies: [agency('A1'), agency('A1'), agency('A 3')],
      procedures: [
        procedure('1.000001', 'A1'),
        procedure('1.000001', 'A1'), // 2: duplicate
        procedure('1.000003', 'NOPE'), // 3: unknown agency
        procedure('1.000004', 'A1', { fees: { fee: -5000, charge: 0 } }), // 4: negative fee
        procedure('1.000005', 'A1', { checklist: [item('TP1'), item('TP2', { acceptedMarks: [3, 7] })] }), // 5
        procedure('1.000006', 'A1', { checklist: [item('TP1', { copies: 1.5 })] }), // 6
        procedure('1.000007', 'A1', { channels: ['fax'] }), // 7
        procedure('1.000008', 'A1', { channels: [] }), // 8
        procedure('1.000009', 'A1', { processing: { amount: 0, unit: 'weeks' } }), // 9: two problems
        procedure('1.000010', 'A1', { checklist: [item('TP1'), item('TP1')] }), // 10: duplicate item
        procedure('1.000011', 'A1', { name: '   ', fees: { fee: 1000, charge: 2.5 } }), // 11
        procedure('1.000012', 'A1', { active: 'maybe' }), // 12
      ],
    });
    expect(r.catalogue).toBeNull();
    expect(brief(r.errors)).toEqual([
      'Agencies:2:code:CATALOGUE_DUPLICATE_AGENCY',
      'Agencies:3:code:CATALOGUE_BAD_AGENCY_CODE',
      'Procedures:2:code:CATALOGUE_DUPLICATE_PROCEDURE',
      'Procedures:3:agencyCode:CATALOGUE_UNKNOWN_AGENCY',
      'Procedures:4:fees.fee:CATALOGUE_BAD_FEE',
      'Procedures:5:checklist[1].acceptedMarks[1]:CATALOGUE_UNKNOWN_MARK',
      'Procedures:6:checklist[0].copies:CATALOGUE_BAD_COPIES',
      'Procedures:7:channels[0]:CATALOGUE_UNKNOWN_CHANNEL',
      'Procedures:8:channels:CATALOGUE_NO_CHANNEL',
      'Procedures:9:processing.amount:CATALOGUE_BAD_PROCESSING_TIME',
      'Procedures:9:processing.unit:CATALOGUE_UNKNOWN_UNIT',
      'Procedures:10:checklist[1].code:CATALOGUE_DUPLICATE_ITEM',
      'Procedures:11:name:CATALOGUE_REQUIRED',
      'Procedures:11:fees.charge:CATALOGUE_BAD_FEE',
      'Procedures:12:active:CATALOGUE_BAD_BOOLEAN',
    ]);
    const dup = r.errors.find((e) => e.code === 'CATALOGUE_DUPLICATE_PROCEDURE')!;
    expect(dup.params).toMatchObject({ code: '1.000001', agencyCode: 'A1', firstRow: 1 });
    expect(r.errors.find((e) => e.code === 'CATALOGUE_BAD_FEE')!.params.value).toBe('-5000');
    expect(r.errors.find((e) => e.code === 'CATALOGUE_UNKNOWN_MARK')!.params.value).toBe('7');
  });

  it('reports a missing required field as CATALOGUE_REQUIRED', () => {
    const { field: _omit, ...noField } = procedure('1.1', 'A1');
    const r = parseCatalogue({ version: 1, agencies: [agency('A1')], procedures: [noField] });
    expect(brief(r.errors)).toEqual(['Procedures:1:field:CATALOGUE_REQUIRED']);
  });

  it('reports whole-file problems on sheet File', () => {
    expect(brief(parseCatalogue([]).errors)).toEqual(['File:0::CATALOGUE_BAD_STRUCTURE']);
    expect(brief(parseCatalogue({ version: 2, agencies: [], procedures: [] }).errors)).toEqual([
      'File:0::CATALOGUE_UNSUPPORTED_VERSION',
    ]);
    expect(brief(parseCatalogue({ version: 1, agencies: {}, procedures: [] }).errors)).toEqual([
      'File:0:agencies:CATALOGUE_BAD_STRUCTURE',
    ]);
  });
});

describe('assertNoIssues', () => {
  it('passes an empty list and refuses any issue with all of them in details', () => {
    expect(() => assertNoIssues([])).not.toThrow();
    const issues: CatalogueIssue[] = [
      { sheet: 'Procedures', row: 4, column: 'fee', code: 'CATALOGUE_BAD_FEE', params: { value: '-1' } },
      { sheet: 'Checklist', row: 9, column: 'copies', code: 'CATALOGUE_BAD_COPIES', params: { value: '0' } },
    ];
    try {
      assertNoIssues(issues);
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e) && e.code).toBe('CATALOGUE_IMPORT_REJECTED');
      if (isAppError(e)) {
        expect(e.params).toMatchObject({ count: 2, sheet: 'Procedures', row: 4 });
        expect(e.details).toEqual({ issues });
      }
    }
  });
});
