/**
 * Character error rate (CER) of an OCR result against the text that was on the page.
 *
 * Both texts are normalised the way a fair checker compares page text: Unicode NFC (so "ế" typed as e + two
 * combining marks equals the precomposed letter), every run of white space — spaces, tabs, line breaks, blank lines
 * — becomes one space, and the ends are trimmed. Nothing else is changed: case, diacritics, punctuation and digits
 * all count. Then CER = Levenshtein distance over Unicode code points (substitution, insertion and deletion each
 * cost 1) ÷ the normalised reference's length in code points.
 *
 * The distance keeps two rows (O(n·m) time, O(m) memory) after cutting the common prefix and suffix, which is
 * plenty for a full A4 page (~3,000 characters against ~3,000: a few tens of milliseconds).
 */

export interface CerResult {
  /** errors ÷ referenceLength; 0 when both are empty, 1 when only the reference is empty. */
  cer: number;
  /** Levenshtein distance: substitutions + deletions + insertions. */
  errors: number;
  substitutions: number;
  /** Reference characters missing from the hypothesis. */
  deletions: number;
  /** Hypothesis characters not in the reference. */
  insertions: number;
  /** Code points of the normalised reference and hypothesis. */
  referenceLength: number;
  hypothesisLength: number;
}

/** NFC, white-space runs (line breaks included) to one space, trimmed. */
export function normaliseForCer(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

function codePoints(s: string): Int32Array {
  const out = new Int32Array(s.length);
  let n = 0;
  for (const ch of s) out[n++] = ch.codePointAt(0)!;
  return out.subarray(0, n);
}

/** Edit distance with its operation counts, on already-normalised code point arrays. */
export function editDistance(ref: Int32Array, hyp: Int32Array): Pick<CerResult, 'errors' | 'substitutions' | 'deletions' | 'insertions'> {
  // Common prefix and suffix cost nothing and shrink the table (OCR output matches long stretches exactly).
  let start = 0;
  while (start < ref.length && start < hyp.length && ref[start] === hyp[start]) start++;
  let endR = ref.length;
  let endH = hyp.length;
  while (endR > start && endH > start && ref[endR - 1] === hyp[endH - 1]) {
    endR--;
    endH--;
  }
  const r = ref.subarray(start, endR);
  const h = hyp.subarray(start, endH);
  const n = r.length;
  const m = h.length;
  if (n === 0) return { errors: m, substitutions: 0, deletions: 0, insertions: m };
  if (m === 0) return { errors: n, substitutions: 0, deletions: n, insertions: 0 };
  // Row over the hypothesis; beside each cost, the counts of the operations on the path that reached it.
  let cost = new Int32Array(m + 1);
  let sub = new Int32Array(m + 1);
  let del = new Int32Array(m + 1);
  let ins = new Int32Array(m + 1);
  let nCost = new Int32Array(m + 1);
  let nSub = new Int32Array(m + 1);
  let nDel = new Int32Array(m + 1);
  let nIns = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) {
    cost[j] = j;
    ins[j] = j;
  }
  for (let i = 1; i <= n; i++) {
    const rc = r[i - 1]!;
    nCost[0] = i;
    nSub[0] = 0;
    nDel[0] = i;
    nIns[0] = 0;
    for (let j = 1; j <= m; j++) {
      // Diagonal (match or substitution) first, so ties prefer it: the counts then read as an OCR error report.
      const same = rc === h[j - 1] ? 0 : 1;
      let best = cost[j - 1]! + same;
      let from = 0;
      const up = cost[j]! + 1; // reference char dropped
      if (up < best) {
        best = up;
        from = 1;
      }
      const left = nCost[j - 1]! + 1; // hypothesis char added
      if (left < best) {
        best = left;
        from = 2;
      }
      nCost[j] = best;
      if (from === 0) {
        nSub[j] = sub[j - 1]! + same;
        nDel[j] = del[j - 1]!;
        nIns[j] = ins[j - 1]!;
      } else if (from === 1) {
        nSub[j] = sub[j]!;
        nDel[j] = del[j]! + 1;
        nIns[j] = ins[j]!;
      } else {
        nSub[j] = nSub[j - 1]!;
        nDel[j] = nDel[j - 1]!;
        nIns[j] = nIns[j - 1]! + 1;
      }
    }
    [cost, nCost] = [nCost, cost];
    [sub, nSub] = [nSub, sub];
    [del, nDel] = [nDel, del];
    [ins, nIns] = [nIns, ins];
  }
  return { errors: cost[m]!, substitutions: sub[m]!, deletions: del[m]!, insertions: ins[m]! };
}

/** CER of `hypothesis` (what OCR read) against `reference` (what the page says), after normaliseForCer. */
export function characterErrorRate(reference: string, hypothesis: string): CerResult {
  const ref = codePoints(normaliseForCer(reference));
  const hyp = codePoints(normaliseForCer(hypothesis));
  const ops = editDistance(ref, hyp);
  const cer = ref.length === 0 ? (hyp.length === 0 ? 0 : 1) : ops.errors / ref.length;
  return { cer, ...ops, referenceLength: ref.length, hypothesisLength: hyp.length };
}
