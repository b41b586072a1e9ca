/**
 * In-memory procedure search for the counter's procedure picker. Clerks type codes ("1.004227", "1004227",
 * "1.0042") or words without diacritics ("cap giay phep"). Every query token must prefix-match some word of
 * the folded name, field or code (AND). Ranking: exact code, code prefix, name starting with the query,
 * all tokens in the name, tokens spread over name/field/code; within a tier fewer unmatched name words first.
 * Folded tokens and a sorted vocabulary are built once, so a query costs a few binary searches plus the
 * postings of the matching words.
 */
import { foldVietnamese, normaliseQuery } from '../text/fold';

/** The fields search needs, so the service can index lighter rows than a full Procedure. */
export interface SearchableProcedure {
  code: string;
  name: string;
  agencyCode: string;
  field: { code: string; name: string };
  active?: boolean;
}

export type MatchKind = 'code-exact' | 'code-prefix' | 'name-prefix' | 'name-tokens' | 'tokens' | 'all';

/** [start, end) in UTF-16 offsets of `ProcedureHit.name` (the NFC name). */
export interface HighlightRange {
  start: number;
  end: number;
}

export interface ProcedureHit<T extends SearchableProcedure> {
  procedure: T;
  /** The name the highlight offsets refer to (NFC; equal to procedure.name for validated data). */
  name: string;
  match: MatchKind;
  highlights: HighlightRange[];
  /** Matched part of procedure.code for code matches. */
  codeHighlight?: HighlightRange;
}

export interface SearchOptions {
  agencyCode?: string;
  /** Default 20. */
  limit?: number;
  /** Inactive procedures are hidden unless asked for (e.g. by the catalogue editor). */
  includeInactive?: boolean;
}

export const DEFAULT_SEARCH_LIMIT = 20;

interface Word {
  start: number;
  text: string;
}

interface Doc<T> {
  p: T;
  name: string;
  nameWords: Word[];
  /** Folded code without separators: "1.004227" → "1004227". */
  codeCompact: string;
}

const WORD_RE = /[\p{L}\p{N}]+/gu;
const CODE_SEPARATORS = /[\s._-]/g;

function words(folded: string): Word[] {
  const out: Word[] = [];
  for (const m of folded.matchAll(WORD_RE)) out.push({ start: m.index, text: m[0] });
  return out;
}

function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Indices [from, to) of the sorted strings starting with `prefix`. */
function prefixRange(sorted: readonly string[], prefix: string): [number, number] {
  return [lowerBound(sorted, prefix), lowerBound(sorted, `${prefix}\uffff`)];
}

const TIER: Record<MatchKind, number> = {
  'code-exact': 0,
  'code-prefix': 1,
  'name-prefix': 2,
  'name-tokens': 3,
  tokens: 4,
  all: 5,
};

interface Ranked<T extends SearchableProcedure> {
  hit: ProcedureHit<T>;
  extra: number;
  firstPos: number;
  doc: number;
}

export class ProcedureIndex<T extends SearchableProcedure> {
  private readonly docs: Doc<T>[];
  /** Distinct folded words of names, fields and codes, sorted; postings[i] lists the docs holding vocab[i]. */
  private readonly vocab: string[];
  private readonly postings: Int32Array[];
  private readonly codesSorted: string[];
  private readonly codeDocs: Int32Array[];
  /** Docs in name order, for the empty query. */
  private readonly byName: number[];
  private readonly stamp: Int32Array;

  constructor(procedures: readonly T[]) {
    this.docs = procedures.map((p) => {
      const name = p.name.normalize('NFC');
      const folded = foldVietnamese(name);
      // Folding is length-preserving on NFC; if not (exotic input), offsets would lie, so give none.
      const nameWords = folded.length === name.length ? words(folded) : [];
      return { p, name, nameWords, codeCompact: foldVietnamese(p.code).replace(CODE_SEPARATORS, '') };
    });

    const wordDocs = new Map<string, number[]>();
    const add = (w: string, d: number): void => {
      const list = wordDocs.get(w);
      if (list === undefined) wordDocs.set(w, [d]);
      else if (list[list.length - 1] !== d) list.push(d);
    };
    const codeMap = new Map<string, number[]>();
    this.docs.forEach((doc, d) => {
      const texts = [doc.p.field.name, doc.p.field.code, doc.p.code].map((s) => foldVietnamese(s));
      for (const w of doc.nameWords) add(w.text, d);
      for (const t of texts) for (const w of words(t)) add(w.text, d);
      const list = codeMap.get(doc.codeCompact);
      if (list) list.push(d);
      else codeMap.set(doc.codeCompact, [d]);
    });
    this.vocab = [...wordDocs.keys()].sort();
    this.postings = this.vocab.map((w) => Int32Array.from(wordDocs.get(w)!));
    this.codesSorted = [...codeMap.keys()].sort();
    this.codeDocs = this.codesSorted.map((c) => Int32Array.from(codeMap.get(c)!));
    const collator = new Intl.Collator('vi');
    this.byName = this.docs.map((_, i) => i).sort((a, b) => collator.compare(this.docs[a]!.name, this.docs[b]!.name));
    this.stamp = new Int32Array(this.docs.length);
  }

  get size(): number {
    return this.docs.length;
  }

  search(query: string, opts: SearchOptions = {}): ProcedureHit<T>[] {
    const limit = Math.max(0, Math.floor(opts.limit ?? DEFAULT_SEARCH_LIMIT));
    if (limit === 0) return [];
    const visible = (d: number): boolean => {
      const p = this.docs[d]!.p;
      return (opts.agencyCode === undefined || p.agencyCode === opts.agencyCode) && (opts.includeInactive || p.active !== false);
    };

    const q = normaliseQuery(query);
    const tokens = [...new Set(words(q).map((w) => w.text))];
    if (tokens.length === 0) {
      const out: ProcedureHit<T>[] = [];
      for (const d of this.byName) {
        if (out.length >= limit) break;
        if (visible(d)) out.push({ procedure: this.docs[d]!.p, name: this.docs[d]!.name, match: 'all', highlights: [] });
      }
      return out;
    }

    const ranked = new Map<number, Ranked<T>>();

    // Codes: typed with or without dots.
    const qCompact = q.replace(CODE_SEPARATORS, '');
    if (qCompact !== '') {
      const [from, to] = prefixRange(this.codesSorted, qCompact);
      for (let i = from; i < to; i++) {
        const exact = this.codesSorted[i] === qCompact;
        for (const d of this.codeDocs[i]!) {
          if (!visible(d)) continue;
          const doc = this.docs[d]!;
          ranked.set(d, {
            hit: {
              procedure: doc.p,
              name: doc.name,
              match: exact ? 'code-exact' : 'code-prefix',
              highlights: [],
              codeHighlight: { start: 0, end: codeOffset(doc.p.code, qCompact.length) },
            },
            extra: doc.codeCompact.length - qCompact.length,
            firstPos: 0,
            doc: d,
          });
        }
      }
    }

    // Words: stamp[d] counts how many tokens (in order) doc d has matched so far.
    const stamp = this.stamp;
    stamp.fill(0);
    tokens.forEach((tok, i) => {
      const [from, to] = prefixRange(this.vocab, tok);
      for (let w = from; w < to; w++) {
        for (const d of this.postings[w]!) if (stamp[d] === i) stamp[d] = i + 1;
      }
    });
    for (let d = 0; d < stamp.length; d++) {
      if (stamp[d] !== tokens.length || ranked.has(d) || !visible(d)) continue;
      ranked.set(d, this.rankWords(d, tokens));
    }

    return [...ranked.values()]
      .sort(
        (a, b) =>
          TIER[a.hit.match] - TIER[b.hit.match] ||
          a.extra - b.extra ||
          a.firstPos - b.firstPos ||
          a.hit.name.length - b.hit.name.length ||
          compareText(a.hit.procedure.code, b.hit.procedure.code) ||
          compareText(a.hit.procedure.agencyCode, b.hit.procedure.agencyCode) ||
          a.doc - b.doc,
      )
      .slice(0, limit)
      .map((r) => r.hit);
  }

  private rankWords(d: number, tokens: string[]): Ranked<T> {
    const doc = this.docs[d]!;
    const ws = doc.nameWords;
    const highlights: HighlightRange[] = [];
    let matchedWords = 0;
    let firstPos = Number.MAX_SAFE_INTEGER;
    for (const w of ws) {
      let best = 0;
      for (const t of tokens) if (t.length > best && w.text.startsWith(t)) best = t.length;
      if (best > 0) {
        matchedWords++;
        highlights.push({ start: w.start, end: w.start + best });
        if (w.start < firstPos) firstPos = w.start;
      }
    }
    const inName = tokens.every((t) => ws.some((w) => w.text.startsWith(t)));
    const match: MatchKind = !inName ? 'tokens' : isPhrasePrefix(ws, tokens) ? 'name-prefix' : 'name-tokens';
    return {
      hit: { procedure: doc.p, name: doc.name, match, highlights },
      extra: ws.length - matchedWords,
      firstPos,
      doc: d,
    };
  }
}

/** The name begins with the query: tokens are its first words, the last one possibly unfinished. */
function isPhrasePrefix(ws: Word[], tokens: string[]): boolean {
  if (tokens.length > ws.length) return false;
  return tokens.every((t, i) => (i === tokens.length - 1 ? ws[i]!.text.startsWith(t) : ws[i]!.text === t));
}

/** Offset in `code` just after its first `n` non-separator characters. */
function codeOffset(code: string, n: number): number {
  let seen = 0;
  for (let i = 0; i < code.length; i++) {
    if (/[\s._-]/.test(code[i]!)) continue;
    seen++;
    if (seen === n) return i + 1;
  }
  return code.length;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
