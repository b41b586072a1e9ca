import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ProcedureIndex, type MatchKind } from '../../../core/domain/catalogue/search';
import type { Procedure } from '../../../core/domain/catalogue/schema';
import { parseCatalogue } from '../../../core/domain/catalogue/validate';
import { foldVietnamese } from '../../../core/domain/text/fold';
import { SYNTHETIC_AGENCIES, syntheticProcedures } from './synthetic-procedures';

function proc(code: string, name: string, over: Partial<Procedure> = {}): Procedure {
  return {
    code,
    name,
    field: { code: 'HT', name: 'Hộ tịch' },
    agencyCode: 'A1',
    processing: { amount: 1, unit: 'days' },
    fees: { fee: 0, charge: 0 },
    channels: ['direct'],
    checklist: [],
    active: true,
    ...over,
  };
}

const sample = (() => {
  const raw: unknown = JSON.parse(
    readFileSync(fileURLToPath(new URL('../../../resources/catalogue/sample.json', import.meta.url)), 'utf8'),
  );
  const r = parseCatalogue(raw);
  if (!r.catalogue) throw new Error(`sample invalid: ${JSON.stringify(r.errors.slice(0, 3))}`);
  return r.catalogue;
})();

describe('ProcedureIndex on the sample catalogue', () => {
  const index = new ProcedureIndex(sample.procedures);

  it('finds "Cấp giấy phép" typed without diacritics and highlights it', () => {
    const hits = index.search('cap giay phep');
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) {
      expect(foldVietnamese(h.name)).toContain('cap giay phep');
      const marked = h.highlights.map((r) => h.name.slice(r.start, r.end).toLowerCase());
      expect(marked.slice(0, 3)).toEqual(['cấp', 'giấy', 'phép']);
    }
    expect(hits[0]!.match).toBe('name-prefix');
  });

  it('folds đ: "dang ky ho kinh doanh" finds "Đăng ký thành lập hộ kinh doanh"', () => {
    const hits = index.search('dang ky ho kinh doanh');
    expect(hits.map((h) => h.name)).toContain('Đăng ký thành lập hộ kinh doanh');
    // The one with fewer unmatched words ranks first.
    expect(hits[0]!.name).toBe('Đăng ký thành lập hộ kinh doanh');
    const first = hits[0]!;
    expect(first.highlights[0]).toEqual({ start: 0, end: 4 });
    expect(first.name.slice(0, 4)).toBe('Đăng');
  });

  it('matches codes with or without dots, exact before prefix', () => {
    const exact = index.search('1.001193');
    expect(exact[0]).toMatchObject({ match: 'code-exact', procedure: { code: '1.001193' } });
    expect(exact[0]!.codeHighlight).toEqual({ start: 0, end: 8 });
    const noDots = index.search('1001193');
    expect(noDots[0]).toMatchObject({ match: 'code-exact', procedure: { code: '1.001193' } });
    const prefix = index.search('2.0008');
    expect(prefix.length).toBeGreaterThan(0);
    for (const h of prefix) {
      expect(h.match).toBe('code-prefix');
      expect(h.procedure.code.startsWith('2.0008')).toBe(true);
    }
    expect(prefix[0]!.codeHighlight).toEqual({ start: 0, end: 6 });
  });

  it('filters by agency and hides inactive procedures unless asked', () => {
    const agency = sample.agencies[0]!.code;
    const hits = index.search('dang ky', { agencyCode: agency, limit: 100 });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.procedure.agencyCode === agency)).toBe(true);
    const inactive = sample.procedures.find((p) => !p.active)!;
    expect(inactive).toBeDefined();
    expect(index.search(inactive.code).some((h) => h.procedure === inactive)).toBe(false);
    expect(index.search(inactive.code, { includeInactive: true })[0]!.procedure).toBe(inactive);
  });

  it('respects the limit and lists procedures by name for an empty query', () => {
    expect(index.search('dang', { limit: 3 })).toHaveLength(3);
    const all = index.search('  ', { limit: 5 });
    expect(all).toHaveLength(5);
    expect(all.every((h) => h.match === 'all')).toBe(true);
    expect(index.search('dang', { limit: 0 })).toEqual([]);
  });

  it('finds procedures by the abbreviations clerks type (cccd, gpxd, dkkd)', () => {
    const names = (q: string) => index.search(q, { limit: 100 }).map((h) => h.name);
    expect(names('cccd')).toContain('Cấp thẻ căn cước cho công dân Việt Nam từ đủ 14 tuổi trở lên');
    // Equally many other words: the earlier abbreviation first.
    expect(names('gpxd')).toEqual(['Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ', 'Gia hạn giấy phép xây dựng đối với nhà ở riêng lẻ']);
    expect(names('dkkd')).toEqual(expect.arrayContaining(['Đăng ký thành lập hộ kinh doanh', 'Đăng ký thay đổi nội dung đăng ký hộ kinh doanh']));
    expect(names('gcn qsdd')).toEqual(expect.arrayContaining(['Cấp đổi Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất']));
    for (const q of ['cccd', 'gpxd', 'dkkd']) expect(index.search(q).every((h) => h.match === 'initials')).toBe(true);
  });

  it('returns nothing when a token matches no word', () => {
    expect(index.search('khai sinh zzz')).toEqual([]);
  });

  it('matches words of the field name too, ranked after matches in the name', () => {
    const hits = index.search('ho tich', { limit: 100 });
    const tiers = hits.map((h) => h.match);
    expect(tiers).toContain('tokens'); // e.g. "Đăng ký khai sinh" in field "Hộ tịch"
    expect(tiers.indexOf('tokens')).toBeGreaterThan(tiers.lastIndexOf('name-tokens'));
    expect(hits.some((h) => h.name === 'Đăng ký khai sinh')).toBe(true);
  });
});

describe('ProcedureIndex ranking', () => {
  const ps = [
    proc('1.000001', 'Cấp lại giấy phép lái xe'),
    proc('1.000002', 'Cấp giấy phép xây dựng nhà ở riêng lẻ'),
    proc('1.000003', 'Cấp giấy phép xây dựng'),
    proc('2.000099', 'Gia hạn giấy phép xây dựng', { field: { code: 'CAP', name: 'Xây dựng' } }),
    proc('CAP.01', 'Đăng ký tạm trú'),
  ];
  const index = new ProcedureIndex(ps);

  it('orders code exact, code prefix, name prefix, name tokens, other tokens', () => {
    const order = (q: string) => index.search(q).map((h) => `${h.match}:${h.procedure.code}`);
    expect(order('cap giay phep')).toEqual([
      'name-prefix:1.000003',
      'name-prefix:1.000002',
      'name-tokens:1.000001',
      'tokens:2.000099', // "cap" only in its field code
    ]);
    expect(order('cap')[0]).toBe('code-prefix:CAP.01');
    expect(order('cap01')).toEqual(['code-exact:CAP.01']);
    const kinds = index.search('xay dung').map((h) => h.match);
    const rank: Record<MatchKind, number> = {
      'code-exact': 0, 'code-prefix': 1, 'name-prefix': 2, 'name-tokens': 3, tokens: 4, initials: 5, all: 6,
    };
    expect(kinds.map((k) => rank[k])).toEqual([...kinds.map((k) => rank[k])].sort((a, b) => a - b));
  });

  it('reads a token that begins no word as initials, after every text match', () => {
    const order = (q: string) => index.search(q).map((h) => `${h.match}:${h.procedure.code}`);
    // "gpxd": the three names holding "giấy phép xây dựng", fewest other words first.
    expect(order('gpxd')).toEqual(['initials:1.000003', 'initials:2.000099', 'initials:1.000002']);
    expect(order('GPXD')).toEqual(order('gpxd'));
    // With a word: "cap" must still begin a word of the name, field or code.
    expect(order('cap gpxd')).toEqual(['initials:1.000003', 'initials:2.000099', 'initials:1.000002']);
    expect(order('han gpxd')).toEqual(['initials:2.000099']);
    // A token that begins words stays a word: "dang" finds "Đăng ký", never initials.
    expect(index.search('dang').map((h) => h.match)).toEqual(['name-prefix']);
    // One letter is never an abbreviation.
    expect(order('q')).toEqual([]);
  });

  it('highlights the initials an abbreviation matched', () => {
    const [hit] = index.search('gpxd');
    expect(hit!.highlights.map((r) => hit!.name.slice(r.start, r.end))).toEqual(['g', 'p', 'x', 'd']);
    const [mixed] = index.search('cap gpxd');
    expect(mixed!.highlights.map((r) => mixed!.name.slice(r.start, r.end))).toEqual(['Cấp', 'g', 'p', 'x', 'd']);
  });

  it('matches an abbreviation split by other words, after a contiguous one', () => {
    const idx = new ProcedureIndex([
      proc('1', 'Đăng ký thành lập hộ kinh doanh'),
      proc('2', 'Đăng ký kinh doanh'),
      proc('3', 'Kinh doanh đăng ký'),
      proc('4', 'Đăng ký lại xe'),
    ]);
    expect(idx.search('dkkd').map((h) => h.procedure.code)).toEqual(['2', '1']);
    const split = idx.search('dkkd')[1]!;
    expect(split.highlights.map((r) => split.name.slice(r.start, r.end))).toEqual(['Đ', 'k', 'k', 'd']);
    // Runs are two letters or more: "dkx" is not "d" + "kx", nor "dk" + "x".
    expect(idx.search('dkx')).toEqual([]);
  });

  it('gives highlight offsets in the NFC name even for NFD input', () => {
    const nfd = new ProcedureIndex([proc('9.1', 'Đăng ký kết hôn'.normalize('NFD'))]);
    const [hit] = nfd.search('ket hon');
    expect(hit!.name).toBe('Đăng ký kết hôn'.normalize('NFC'));
    expect(hit!.highlights.map((r) => hit!.name.slice(r.start, r.end))).toEqual(['kết', 'hôn']);
  });
});

describe('ProcedureIndex over 5,000 synthetic procedures', () => {
  const ps = syntheticProcedures(5000);
  const index = new ProcedureIndex(ps);
  const words = (s: string) => foldVietnamese(s).match(/[\p{L}\p{N}]+/gu) ?? [];

  const vocabulary = ps.flatMap((p) => [...words(p.name), ...words(p.field.name), ...words(p.field.code), ...words(p.code)]);
  /** An abbreviation: two or more letters that begin no word of the catalogue. */
  const abbreviation = (t: string) => /^\p{L}{2,}$/u.test(t) && !vocabulary.some((w) => w.startsWith(t));
  /** All ways to cut t into parts of two or more letters. */
  const cuts = (t: string): string[][] =>
    t.length < 2 ? [] : [[t], ...Array.from({ length: t.length - 3 }, (_, i) => i + 2).flatMap((n) => cuts(t.slice(n)).map((rest) => [t.slice(0, n), ...rest]))];
  /** The initials hold t in one run, or in runs of two or more letters in order. */
  const spelt = (initials: string, t: string) => cuts(t).some((parts) => new RegExp(parts.join('.*')).test(initials));

  /** Brute force: what the index must return, ignoring order. */
  function oracle(query: string, agencyCode?: string): Set<Procedure> {
    const q = foldVietnamese(query).trim();
    const tokens = words(q);
    const compact = q.replace(/[\s._-]/g, '');
    const out = new Set<Procedure>();
    for (const p of ps) {
      if (!p.active || (agencyCode && p.agencyCode !== agencyCode)) continue;
      const all = [...words(p.name), ...words(p.field.name), ...words(p.field.code), ...words(p.code)];
      const initials = words(p.name).map((w) => w[0]).join('');
      const byCode = compact !== '' && p.code.toLowerCase().replace(/[\s._-]/g, '').startsWith(compact);
      const matches = (t: string) => all.some((w) => w.startsWith(t)) || (abbreviation(t) && spelt(initials, t));
      if (byCode || (tokens.length > 0 && tokens.every(matches))) out.add(p);
    }
    return out;
  }

  const queries = ['dang ky', 'cap giay phep', 'Đất đai', 'hô', 'tai san gan', 'xa hoi nguoi co cong', 'uu dai', '1.0012', '2001', 'quyen su dung dat lan dau', 'zzz', 'ho tich khai',
    'gpxd', 'dkkd', 'qsdd', 'cap gpxd', 'gcn dat', 'GPXD', 'dkhkd'];

  it.each(queries)('returns exactly the matching procedures for %j', (q) => {
    const expected = oracle(q);
    const hits = index.search(q, { limit: 10_000 });
    expect(new Set(hits.map((h) => h.procedure))).toEqual(expected);
    expect(hits.length).toBe(expected.size);
  });

  it('applies the agency filter on the large set', () => {
    const agency = SYNTHETIC_AGENCIES[2]!;
    const hits = index.search('dang ky', { agencyCode: agency, limit: 10_000 });
    expect(new Set(hits.map((h) => h.procedure))).toEqual(oracle('dang ky', agency));
  });

  it('highlights only word prefixes that a query token covers', () => {
    const tokens = ['quyen', 'su', 'dung'];
    const hits = index.search(tokens.join(' '), { limit: 200 });
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) {
      for (const r of h.highlights) {
        const part = foldVietnamese(h.name.slice(r.start, r.end));
        expect(tokens).toContain(part);
        expect(r.start === 0 || /[^\p{L}\p{N}]/u.test(h.name[r.start - 1]!)).toBe(true);
      }
    }
  });

  it('keeps the default limit of 20, and a page is the head of the full ranking', () => {
    expect(index.search('d')).toHaveLength(20);
    for (const q of ['d', 'dang ky', '1.1000', 'tai', 'gpxd', 'dkkd', 'cap gpxd']) {
      const full = index.search(q, { limit: 10_000 });
      expect(index.search(q, { limit: 7 }).map((h) => h.procedure)).toEqual(full.slice(0, 7).map((h) => h.procedure));
      const tiers = full.map((h) => ['code-exact', 'code-prefix', 'name-prefix', 'name-tokens', 'tokens', 'initials'].indexOf(h.match));
      expect(tiers).toEqual([...tiers].sort((a, b) => a - b));
    }
  });
});
