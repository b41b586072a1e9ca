import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../../../core/domain/catalogue/schema';
import { calendarDiff, catalogueDiff } from '../../../core/domain/sync/change-diff';

const proc = (code: string, name: string) => ({ code, name, agencyCode: 'A1' }) as unknown as Catalogue['procedures'][number];
const before = () => ({
  agencies: new Map([['A1', { name: 'UBND phường' }], ['A2', { name: 'Công an' }]]),
  procedures: new Map([
    ['A1\u00001.1', { json: JSON.stringify(proc('1.1', 'Một')), name: 'Một', code: '1.1', agencyCode: 'A1' }],
    ['A1\u00001.2', { json: JSON.stringify(proc('1.2', 'Hai')), name: 'Hai', code: '1.2', agencyCode: 'A1' }],
  ]),
});
const after = (procedures: Catalogue['procedures']): Catalogue => ({ version: 1, agencies: [{ code: 'A1', name: 'UBND phường' }], procedures }) as Catalogue;

describe('the diff of a catalogue from the central system', () => {
  it('replace: added, changed, removed procedures and agencies; merge never removes', () => {
    const next = after([proc('1.1', 'Một (sửa)'), proc('1.3', 'Ba')]);
    expect(catalogueDiff(before(), next, 'replace').map((l) => `${l.key}:${l.params.code ?? ''}`)).toEqual([
      'syncChanges.procedureChanged:1.1',
      'syncChanges.procedureAdded:1.3',
      'syncChanges.procedureRemoved:1.2',
      'syncChanges.agencyRemoved:A2',
    ]);
    expect(catalogueDiff(before(), next, 'merge').map((l) => l.key)).toEqual(['syncChanges.procedureChanged', 'syncChanges.procedureAdded']);
    expect(catalogueDiff(before(), after([proc('1.1', 'Một'), proc('1.2', 'Hai')]), 'merge')).toEqual([{ key: 'syncChanges.catalogueSame', params: {} }]);
  });
});

describe('the diff of an official calendar', () => {
  it('lists days off and make-up days added or removed in date order; none when equal', () => {
    const a = { years: { '2027': { holidays: ['2027-02-05'], workdays: ['2027-02-20'] } } };
    const b = { years: { '2027': { holidays: ['2027-02-08'], workdays: ['2027-02-20'] }, '2028': { holidays: ['2028-01-01'], workdays: [] } } };
    expect(calendarDiff(a, b).map((l) => `${l.key}:${l.params.date}`)).toEqual([
      'syncChanges.holidayRemoved:2027-02-05',
      'syncChanges.holidayAdded:2027-02-08',
      'syncChanges.holidayAdded:2028-01-01',
    ]);
    expect(calendarDiff(null, a).map((l) => l.key)).toEqual(['syncChanges.holidayAdded', 'syncChanges.workdayAdded']);
    expect(calendarDiff(a, a)).toEqual([{ key: 'syncChanges.calendarSame', params: {} }]);
  });
});
