/**
 * Dossier codes from an agency's pattern: literal text plus tokens
 *   {agency} {yyyy} {yy} {mm} {dd} {yymmdd} {seq} {seqN} (N-digit zero-padded daily sequence; wider numbers are
 *   never truncated) {counter} (this counter's id).
 * Offline fallback: when the counter has no reserved numbers and cannot reach the sequence authority, the
 * sequence token becomes "<counter id>-<sequence>" from the counter's own sequence. Counter ids start with a
 * letter, so a fallback code can never equal a code built from reserved (all-digit) numbers, and two counters'
 * fallback codes differ by their counter segment.
 */
import { AppError } from '../../contract/errors';
import { pad } from '../time/vietnam';

export const DEFAULT_DOSSIER_CODE_PATTERN = '{agency}-{yymmdd}-{seq4}';
export const COUNTER_ID_RE = /^[A-Z][A-Z0-9]{1,9}$/;

export interface CodeParts {
  agency: string;
  date: { y: number; m: number; d: number };
  seq: number;
  /** Set for offline fallback codes. */
  fallbackCounter?: string;
  counterId: string;
}

const TOKEN_RE = /\{([A-Za-z]+)(\d*)\}/g;

const KNOWN_TOKENS = new Set(['agency', 'yyyy', 'yy', 'mm', 'dd', 'yymmdd', 'counter']);

/**
 * Why a pattern could give two dossiers the same code, or null when it cannot. Sequences are kept per agency
 * and day (code-allocator.ts), so a pattern needs {agency}, a full day ({yymmdd}, or {yy}/{yyyy} with {mm} and
 * {dd}) and exactly one {seq…}; unknown tokens and stray braces are refused rather than printed literally.
 * The answer is the offending or missing token, for messages.
 */
export function codePatternProblem(pattern: string): string | null {
  const seen = new Set<string>();
  let seqTokens = 0;
  for (const m of pattern.matchAll(TOKEN_RE)) {
    const name = m[1]!;
    if (name === 'seq') seqTokens += 1;
    else if (!KNOWN_TOKENS.has(name) || m[2]) return m[0];
    seen.add(name);
  }
  const stray = /[{}]/.exec(pattern.replace(TOKEN_RE, ''));
  if (stray) return stray[0];
  if (seqTokens !== 1) return '{seq}';
  if (!seen.has('agency')) return '{agency}';
  const fullDay = seen.has('yymmdd') || ((seen.has('yy') || seen.has('yyyy')) && seen.has('mm') && seen.has('dd'));
  if (!fullDay) return '{yymmdd}';
  return null;
}

export function validateCodePattern(pattern: string): void {
  const token = codePatternProblem(pattern);
  if (token !== null) throw new AppError('DOSSIER_BAD_CODE_PATTERN', { pattern, token });
}

export function formatDossierCode(pattern: string, parts: CodeParts): string {
  validateCodePattern(pattern);
  const { date } = parts;
  return pattern.replace(TOKEN_RE, (_all, name: string, width: string) => {
    switch (name) {
      case 'agency': return parts.agency;
      case 'yyyy': return String(date.y);
      case 'yy': return pad(date.y % 100);
      case 'mm': return pad(date.m);
      case 'dd': return pad(date.d);
      case 'yymmdd': return `${pad(date.y % 100)}${pad(date.m)}${pad(date.d)}`;
      case 'counter': return parts.counterId;
      case 'seq': {
        const n = pad(parts.seq, width ? Number(width) : 4);
        return parts.fallbackCounter ? `${parts.fallbackCounter}-${n}` : n;
      }
      default: return _all;
    }
  });
}
