import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/contract/errors';
import { foldVietnamese } from '../../../core/domain/text/fold';
import { MAX_QUERY_WORDS, parseSearchQuery } from '../../../core/domain/text/search-query';

const codeOf = (q: string) => {
  try {
    parseSearchQuery(q);
  } catch (e) {
    return (e as AppError).code;
  }
  return 'accepted';
};

describe('parseSearchQuery', () => {
  it('folds case, diacritics and đ, and quotes every word (all must match)', () => {
    expect(parseSearchQuery('Đường NGUYỄN  Trãi').match).toBe('"duong" "nguyen" "trai"');
    expect(parseSearchQuery('đ').match).toBe('"d"');
    expect(parseSearchQuery('Cấp giấy phép'.normalize('NFD')).match).toBe('"cap" "giay" "phep"');
  });

  it('keeps a quoted phrase together, an unclosed quote runs to the end', () => {
    expect(parseSearchQuery('"quyền sử dụng" đất').terms).toEqual([
      { words: ['quyen', 'su', 'dung'], prefix: false },
      { words: ['dat'], prefix: false },
    ]);
    expect(parseSearchQuery('"quyền sử dụng" đất').match).toBe('"quyen su dung" "dat"');
    expect(parseSearchQuery('số "12 ngõ').match).toBe('"so" "12 ngo"');
  });

  it('a * right after a word of 2+ letters is a prefix; anywhere else it is a separator', () => {
    expect(parseSearchQuery('Nguy*').match).toBe('"nguy"*');
    expect(parseSearchQuery('nguyen *van').match).toBe('"nguyen" "van"');
    expect(parseSearchQuery('ab* *').match).toBe('"ab"*');
    expect(codeOf('n*')).toBe('SEARCH_PREFIX_TOO_SHORT');
  });

  it('FTS5 operators and punctuation are plain words or separators', () => {
    expect(parseSearchQuery('AND OR NOT NEAR(a b, 3)').match).toBe('"and" "or" "not" "near" "a" "b" "3"');
    expect(parseSearchQuery('body:x -y ^z + (w)').match).toBe('"body" "x" "y" "z" "w"');
    expect(parseSearchQuery('H12-00045/2024').match).toBe('"h12" "00045" "2024"');
  });

  it('refuses a query with no word, or too many words', () => {
    for (const q of ['*', '-', ':', '""', '" "', '()', '^', '...', ' ']) expect(codeOf(q), q).toBe('SEARCH_QUERY_EMPTY');
    expect(codeOf(Array.from({ length: MAX_QUERY_WORDS }, () => 'a').join(' '))).toBe('accepted');
    expect(codeOf(Array.from({ length: MAX_QUERY_WORDS + 1 }, () => 'a').join(' '))).toBe('SEARCH_QUERY_TOO_LONG');
  });

  it('every expression it makes is valid FTS5 and matches what the index holds (fuzzed)', () => {
    const db = new Database(':memory:');
    db.exec("CREATE VIRTUAL TABLE f USING fts5(body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')");
    const doc = 'Ông Nguyễn Văn Đức, đường Lê Lợi: AND OR NOT NEAR body 1.500.000 đồng';
    db.prepare('INSERT INTO f (rowid, body) VALUES (1, ?)').run(foldVietnamese(doc));
    const find = db.prepare('SELECT rowid FROM f WHERE f MATCH ?');
    const alphabet = ['"', '*', '(', ')', ':', '-', '^', '+', ',', ' ', ' ', 'a', 'Đ', 'ư', 'ờ', 'n', 'g', 'OR', 'NEAR', '{', '}', "'", '\\', '\u0301'];
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let i = 0; i < 3000; i++) {
      const q = Array.from({ length: 1 + Math.floor(rand() * 12) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
      let match: string;
      try {
        match = parseSearchQuery(q).match;
      } catch (e) {
        expect(e).toBeInstanceOf(AppError);
        continue;
      }
      expect(() => find.all(match), `${q} → ${match}`).not.toThrow();
    }
    // Words of the page, typed any way, find it.
    for (const q of ['nguyen van duc', 'ĐƯỜNG', '"le loi"', 'and or not near', 'dong 500', 'ngu*']) {
      expect(find.all(parseSearchQuery(q).match), q).toEqual([{ rowid: 1 }]);
    }
    db.close();
  });
});
