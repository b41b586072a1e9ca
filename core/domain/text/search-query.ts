/**
 * A clerk's search text → the terms to find and a safe SQLite FTS5 MATCH expression. The user's text is never FTS
 * syntax: it is folded (core/domain/text/fold.ts: case, Vietnamese diacritics, đ → d), cut into words, and each word
 * goes into the expression as a double-quoted string, so AND/OR/NOT/NEAR, ^, -, :, ( and the like are plain text.
 * The one piece of syntax the user has:
 *  - "several words" in double quotes: those words next to each other, in that order (an unclosed quote runs to the end);
 *  - a * right after a word (at least 2 characters): words starting with it ("nguy*" finds "Nguyễn").
 * Every term must match (AND). Words are not prefixes by default: Vietnamese syllables are short and one is often the
 * start of another ("an"/"anh", "ha"/"hai"), so an implicit prefix would find other names; a screen searching as the
 * clerk types adds the * itself.
 */
import { AppError } from '../../contract/errors';
import { foldVietnamese } from './fold';

/** A word character as SQLite's unicode61 tokenizer sees it (letters, digits and combining marks). */
export const WORD_CHARS = /[\p{L}\p{N}\p{M}]+/gu;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** More words than this is not a search but a pasted page: refused with a clear message. */
export const MAX_QUERY_WORDS = 24;
export const MIN_PREFIX_LENGTH = 2;

export interface SearchTerm {
  /** Folded words; more than one: a phrase. */
  words: string[];
  /** The last word matches as a prefix. */
  prefix: boolean;
}

export interface ParsedQuery {
  terms: SearchTerm[];
  /** The FTS5 MATCH expression (only double-quoted strings, * and spaces). */
  match: string;
}

function wordsOf(folded: string): string[] {
  return folded.match(WORD_CHARS) ?? [];
}

export function parseSearchQuery(raw: string): ParsedQuery {
  // By code point, so a letter outside the BMP is one character, not two halves.
  const text = Array.from(foldVietnamese(raw));
  const terms: SearchTerm[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') {
      const close = text.indexOf('"', i + 1);
      const end = close < 0 ? text.length : close;
      const words = wordsOf(text.slice(i + 1, end).join(''));
      if (words.length) terms.push({ words, prefix: false });
      i = end + 1;
    } else if (WORD_CHAR.test(ch)) {
      let j = i;
      while (j < text.length && WORD_CHAR.test(text[j]!)) j++;
      const word = text.slice(i, j).join('');
      const prefix = text[j] === '*';
      if (prefix && j - i < MIN_PREFIX_LENGTH) {
        throw new AppError('SEARCH_PREFIX_TOO_SHORT', { word, min: MIN_PREFIX_LENGTH }, { field: 'query' });
      }
      terms.push({ words: [word], prefix });
      i = prefix ? j + 1 : j;
    } else i++;
  }
  const count = terms.reduce((n, t) => n + t.words.length, 0);
  if (count === 0) throw new AppError('SEARCH_QUERY_EMPTY', {}, { field: 'query' });
  if (count > MAX_QUERY_WORDS) throw new AppError('SEARCH_QUERY_TOO_LONG', { count, max: MAX_QUERY_WORDS }, { field: 'query' });
  // Words hold only letters, digits and marks, so a double quote can never appear inside one.
  const match = terms.map((t) => `"${t.words.join(' ')}"${t.prefix ? '*' : ''}`).join(' ');
  return { terms, match };
}
