/**
 * In-memory procedure search for the counter's procedure picker. Clerks type codes ("1.004227", "1004227",
 * "1.0042") or words without diacritics ("cap giay phep"). Every query token must prefix-match some word of
 * the folded name, field or code (AND). Ranking: exact code, code prefix, name starting with the query,
 * all tokens in the name, tokens spread over name/field/code, abbreviations; within a tier fewer unmatched name
 * words first. Abbreviations: clerks type the initials of consecutive name words ("cccd" for "… căn cước công
 * dân", "gpxd" for "giấy phép xây dựng", "dkkd" for "đăng ký kinh doanh"): a token of two or more letters that
 * begins no word of the catalogue is read as an abbreviation and matches a run of consecutive initials of the
 * folded name, or runs of two or more initials in order ("dkkd" in "Đăng ký thành lập hộ kinh doanh": names put
 * words between the parts of a common abbreviation). A token that does begin words ("dat", "th") stays a word,
 * so text queries find what they found before; abbreviation hits rank after text hits, one run before several.
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

export type MatchKind = 'code-exact' | 'code-prefix' | 'name-prefix' | 'name-tokens' | 'tokens' | 'initials' | 'all';

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
  /** First letter of each folded name word, in order: "Cấp thẻ căn cước công dân" → "ctcccd". */
  initials: string;
  /** Folded code without separators: "1.004227" → "1004227". */
  codeCompact: string;
}

const WORD_RE = /[\p{L}\p{N}]+/gu;
const CODE_SEPARATORS = /[\s._-]/g;
/** Tokens that may be abbreviations: two or more letters (codes and numbers are matched as codes). */
const ABBREVIATION_RE = /^\p{L}{2,}$/u;

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
  initials: 5,
  all: 6,
};
const KIND_OF_TIER = Object.fromEntries(Object.entries(TIER).map(([k, v]) => [v, k])) as Record<number, MatchKind>;


export class ProcedureIndex<T extends SearchableProcedure> {
  private readonly docs: Doc<T>[];
  /** Distinct folded words of names, fields and codes, sorted; postings[i] lists the docs holding vocab[i]. */
  private readonly vocab: string[];
  private readonly postings: Int32Array[];
  private readonly codesSorted: string[];
  private readonly codeDocs: Int32Array[];
  /** Docs in name order, for the empty query. */
  private readonly byName: number[];
  private readonly nameLength: Int32Array;
  /** Position of each doc in (code, agency) order: the last tie-breaker. */
  private readonly codeRank: Int32Array;
  // Per-query scratch, indexed by doc: reused so a query allocates little.
  private readonly stamp: Int32Array;
  private readonly tier: Int8Array;
  private readonly extra: Int32Array;
  private readonly firstPos: Int32Array;
  /** Bit i: token i matched doc d only as initials (this query). */
  private readonly viaInitials: Int32Array;

  constructor(procedures: readonly T[]) {
    this.docs = procedures.map((p) => {
      const name = p.name.normalize('NFC');
      const folded = foldVietnamese(name);
      // Folding is length-preserving on NFC; if not (exotic input), offsets would lie, so give none.
      const nameWords = folded.length === name.length ? words(folded) : [];
      const initials = nameWords.map((w) => w.text[0]!).join('');
      return { p, name, nameWords, initials, codeCompact: foldVietnamese(p.code).replace(CODE_SEPARATORS, '') };
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
    this.tier = new Int8Array(this.docs.length);
    this.extra = new Int32Array(this.docs.length);
    this.firstPos = new Int32Array(this.docs.length);
    this.viaInitials = new Int32Array(this.docs.length);
    this.nameLength = Int32Array.from(this.docs, (doc) => doc.name.length);
    this.codeRank = new Int32Array(this.docs.length);
    this.docs
      .map((_, i) => i)
      .sort((a, b) => {
        const pa = this.docs[a]!.p;
        const pb = this.docs[b]!.p;
        return compareText(pa.code, pb.code) || compareText(pa.agencyCode, pb.agencyCode) || a - b;
      })
      .forEach((d, rank) => (this.codeRank[d] = rank));
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

    // Rank on numbers first; hits (with highlight arrays) are built only for the page returned, because a
    // one-letter query can match most of the catalogue.
    const tier = this.tier;
    const extra = this.extra;
    const firstPos = this.firstPos;
    const candidates: number[] = [];
    tier.fill(-1);

    // Codes: typed with or without dots.
    const qCompact = q.replace(CODE_SEPARATORS, '');
    if (qCompact !== '') {
      const [from, to] = prefixRange(this.codesSorted, qCompact);
      for (let i = from; i < to; i++) {
        const exact = this.codesSorted[i] === qCompact;
        for (const d of this.codeDocs[i]!) {
          if (!visible(d)) continue;
          tier[d] = exact ? TIER['code-exact'] : TIER['code-prefix'];
          extra[d] = this.docs[d]!.codeCompact.length - qCompact.length;
          firstPos[d] = 0;
          candidates.push(d);
        }
      }
    }

    // Words: stamp[d] counts how many tokens (in order) doc d has matched so far.
    // A token no word starts with may be an abbreviation: a linear scan of the short initials strings, only
    // over the docs every earlier token matched.
    const stamp = this.stamp;
    const viaInitials = this.viaInitials;
    stamp.fill(0);
    viaInitials.fill(0);
    tokens.forEach((tok, i) => {
      const [from, to] = prefixRange(this.vocab, tok);
      for (let w = from; w < to; w++) {
        for (const d of this.postings[w]!) if (stamp[d] === i) stamp[d] = i + 1;
      }
      if (from === to && i < 31 && ABBREVIATION_RE.test(tok)) {
        for (let d = 0; d < stamp.length; d++) {
          if (stamp[d] === i && initialsRuns(this.docs[d]!.initials, tok) !== null) {
            stamp[d] = i + 1;
            viaInitials[d] = viaInitials[d]! | (1 << i);
          }
        }
      }
    });
    for (let d = 0; d < stamp.length; d++) {
      if (stamp[d] !== tokens.length || tier[d] !== -1 || !visible(d)) continue;
      if (viaInitials[d] !== 0) this.rankInitials(d, tokens);
      else this.rankWords(d, tokens);
      candidates.push(d);
    }

    const top = topK(candidates, limit, (a, b) => this.compare(a, b));
    return top.map((d) => this.hit(d, tokens, qCompact));
  }

  /** Ranking order: tier, fewer unmatched name words, earlier first match, shorter name, code order. */
  private compare(a: number, b: number): number {
    return (
      this.tier[a]! - this.tier[b]! ||
      this.extra[a]! - this.extra[b]! ||
      this.firstPos[a]! - this.firstPos[b]! ||
      this.nameLength[a]! - this.nameLength[b]! ||
      this.codeRank[a]! - this.codeRank[b]!
    );
  }

  /** Tier, unmatched-word count and first match position of a doc every token matched. */
  private rankWords(d: number, tokens: string[]): void {
    const ws = this.docs[d]!.nameWords;
    let matchedWords = 0;
    let first = Number.MAX_SAFE_INTEGER;
    let tokenMask = 0; // bit i: token i prefixes some name word (queries have few tokens)
    for (const w of ws) {
      let hit = false;
      for (let i = 0; i < tokens.length; i++) {
        if (w.text.startsWith(tokens[i]!)) {
          hit = true;
          tokenMask |= 1 << (i & 31);
        }
      }
      if (hit) {
        matchedWords++;
        if (w.start < first) first = w.start;
      }
    }
    const inName =
      tokens.length <= 31 ? tokenMask === 2 ** tokens.length - 1 : tokens.every((t) => ws.some((w) => w.text.startsWith(t)));
    this.tier[d] = !inName ? TIER.tokens : isPhrasePrefix(ws, tokens) ? TIER['name-prefix'] : TIER['name-tokens'];
    this.extra[d] = ws.length - matchedWords;
    this.firstPos[d] = first;
  }

  /** A doc some token matched only as initials: runs used, unmatched words, the first word matched. */
  private rankInitials(d: number, tokens: string[]): void {
    const covered = this.coveredWords(d, tokens);
    const doc = this.docs[d]!;
    const ws = doc.nameWords;
    let runs = 0;
    tokens.forEach((t, i) => {
      if (i < 31 && (this.viaInitials[d]! & (1 << i)) !== 0) runs += initialsRuns(doc.initials, t)!.length;
    });
    let first = Number.MAX_SAFE_INTEGER;
    let count = 0;
    covered.forEach((n, i) => {
      if (n === 0) return;
      count++;
      if (ws[i]!.start < first) first = ws[i]!.start;
    });
    this.tier[d] = TIER.initials;
    // Fewer runs first (a contiguous abbreviation is the surer reading), then fewer unmatched words.
    this.extra[d] = runs * 4096 + (ws.length - count);
    this.firstPos[d] = first;
  }

  /**
   * Per name word, how many leading characters the query matched: a word prefix, or 1 for a word whose initial
   * an abbreviation token (recorded in viaInitials) matched.
   */
  private coveredWords(d: number, tokens: string[]): number[] {
    const doc = this.docs[d]!;
    const covered = doc.nameWords.map(() => 0);
    tokens.forEach((t, i) => {
      if (i < 31 && (this.viaInitials[d]! & (1 << i)) !== 0) {
        for (const [at, length] of initialsRuns(doc.initials, t) ?? []) {
          for (let k = at; k < at + length; k++) covered[k] = Math.max(covered[k]!, 1);
        }
        return;
      }
      doc.nameWords.forEach((w, k) => {
        if (w.text.startsWith(t)) covered[k] = Math.max(covered[k]!, t.length);
      });
    });
    return covered;
  }

  private hit(d: number, tokens: string[], qCompact: string): ProcedureHit<T> {
    const doc = this.docs[d]!;
    const match = KIND_OF_TIER[this.tier[d]!]!;
    if (match === 'code-exact' || match === 'code-prefix') {
      return {
        procedure: doc.p,
        name: doc.name,
        match,
        highlights: [],
        codeHighlight: { start: 0, end: codeOffset(doc.p.code, qCompact.length) },
      };
    }
    const highlights: HighlightRange[] = [];
    this.coveredWords(d, tokens).forEach((n, k) => {
      const w = doc.nameWords[k]!;
      if (n > 0) highlights.push({ start: w.start, end: w.start + n });
    });
    return { procedure: doc.p, name: doc.name, match, highlights };
  }
}

/**
 * Where `tok` is spelt by the initials: the first contiguous run if there is one, else a split into in-order
 * runs of two or more letters each, fewest runs first; null when none. Strings are a few dozen letters, so a
 * small search is cheap.
 */
export function initialsRuns(initials: string, tok: string): [start: number, length: number][] | null {
  const at = initials.indexOf(tok);
  if (at >= 0) return [[at, tok.length]];
  if (tok.length < 4) return null;
  for (let runs = 2; runs <= tok.length >> 1; runs++) {
    const found = splitRuns(initials, tok, 0, 0, runs);
    if (found) return found;
  }
  return null;
}

function splitRuns(initials: string, tok: string, ti: number, from: number, runs: number): [number, number][] | null {
  const left = tok.length - ti;
  if (runs === 1) {
    const at = initials.indexOf(tok.slice(ti), from);
    return at >= 0 ? [[at, left]] : null;
  }
  // This run takes `len` letters and leaves at least two per remaining run.
  for (let len = 2; len <= left - 2 * (runs - 1); len++) {
    const piece = tok.slice(ti, ti + len);
    for (let at = initials.indexOf(piece, from); at >= 0; at = initials.indexOf(piece, at + 1)) {
      const rest = splitRuns(initials, tok, ti + len, at + len, runs - 1);
      if (rest) return [[at, len], ...rest];
    }
  }
  return null;
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

/** The k smallest items in order, with a bounded max-heap: cheap when k is a page and n is most of the index. */
function topK(items: readonly number[], k: number, cmp: (a: number, b: number) => number): number[] {
  const heap: number[] = [];
  const down = (i: number): void => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && cmp(heap[l]!, heap[m]!) > 0) m = l;
      if (r < heap.length && cmp(heap[r]!, heap[m]!) > 0) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  for (const x of items) {
    if (heap.length < k) {
      heap.push(x);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (cmp(heap[i]!, heap[parent]!) <= 0) break;
        [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
        i = parent;
      }
    } else if (k > 0 && cmp(x, heap[0]!) < 0) {
      heap[0] = x;
      down(0);
    }
  }
  return heap.sort(cmp);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
