import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { characterErrorRate, normaliseForCer } from '../../../core/domain/text/cer';

describe('character error rate', () => {
  it('is 0 for equal texts and counts one substitution, deletion or insertion as one error', () => {
    expect(characterErrorRate('Hồ sơ', 'Hồ sơ').cer).toBe(0);
    const sub = characterErrorRate('Hồ sơ đất', 'Hồ so đất');
    expect(sub).toMatchObject({ errors: 1, substitutions: 1, deletions: 0, insertions: 0, referenceLength: 9 });
    expect(sub.cer).toBeCloseTo(1 / 9, 12);
    expect(characterErrorRate('Hồ sơ đất', 'Hồ sơđất')).toMatchObject({ errors: 1, deletions: 1 });
    expect(characterErrorRate('Hồ sơ đất', 'Hồ sơ  đấtt')).toMatchObject({ errors: 1, insertions: 1 });
  });

  it('gives the textbook distances (kitten → sitting 3, flaw → lawn 2, empty → abc 3)', () => {
    expect(characterErrorRate('kitten', 'sitting')).toMatchObject({ errors: 3, substitutions: 2, insertions: 1, cer: 0.5 });
    expect(characterErrorRate('flaw', 'lawn')).toMatchObject({ errors: 2, cer: 0.5 });
    expect(characterErrorRate('abc', '')).toMatchObject({ errors: 3, deletions: 3, cer: 1 });
    expect(characterErrorRate('', '')).toMatchObject({ errors: 0, cer: 0 });
    expect(characterErrorRate('', 'x')).toMatchObject({ errors: 1, cer: 1 });
  });

  it('counts code points of NFC text: a wrong tone mark is one error, NFD input equals NFC', () => {
    // ế vs ề: one letter wrong, whichever way either side was composed.
    expect(characterErrorRate('Tiếng Việt', 'Tiềng Việt'.normalize('NFD'))).toMatchObject({ errors: 1, referenceLength: 10 });
    expect(characterErrorRate('NGHĨA'.normalize('NFD'), 'NGHĨA').errors).toBe(0);
    // Astral code points count once (not as two UTF-16 units).
    expect(characterErrorRate('a𝐀b', 'ab')).toMatchObject({ errors: 1, referenceLength: 3 });
  });

  it('treats every white-space run, line breaks included, as one space and ignores the ends', () => {
    expect(normaliseForCer('  CỘNG HÒA\n\nXÃ\tHỘI \r\n ')).toBe('CỘNG HÒA XÃ HỘI');
    expect(characterErrorRate('Dòng một\nDòng hai', 'Dòng một Dòng hai\n').errors).toBe(0);
    // A line break lost between two words is still an error.
    expect(characterErrorRate('một\nhai', 'mộthai').errors).toBe(1);
  });

  it('keeps case, punctuation and digits significant', () => {
    expect(characterErrorRate('Số 12/2024', 'số 12/2O24')).toMatchObject({ errors: 2, substitutions: 2 });
  });

  it('matches a plain full-table Levenshtein on random texts (prefix/suffix cuts and two rows change nothing)', () => {
    let s = 42;
    const rnd = (): number => ((s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const alphabet = [...'aăâbcdđeêoôơuưyỳýỵ '];
    const pick = (n: number): string => Array.from({ length: n }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
    const naive = (a: string[], b: string[]): number => {
      const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
      for (let i = 1; i <= a.length; i++)
        for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      return d[a.length]![b.length]!;
    };
    for (let k = 0; k < 60; k++) {
      const a = `x${pick(Math.floor(rnd() * 30))}y`;
      const b = `x${pick(Math.floor(rnd() * 30))}y`;
      const r = characterErrorRate(a, b);
      const [na, nb] = [[...normaliseForCer(a)], [...normaliseForCer(b)]];
      expect(r.errors).toBe(naive(na, nb));
      expect(r.substitutions + r.deletions + r.insertions).toBe(r.errors);
      expect(r.hypothesisLength - r.referenceLength).toBe(r.insertions - r.deletions);
    }
  });
});

describe('scripts/cer.mjs', () => {
  const script = path.resolve(__dirname, '../../../scripts/cer.mjs');
  it('prints the CER of two files, as JSON with --json; bad arguments exit 2', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cer-'));
    try {
      const ref = path.join(dir, 'ref.txt');
      const hyp = path.join(dir, 'hyp.txt');
      writeFileSync(ref, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n');
      writeFileSync(hyp, 'CỘNG HÒA XÃ HỘI CHỦ NGHIA VIỆT NAM Độc lập - Tự do - Hạnh phúc');
      const json = spawnSync(process.execPath, [script, ref, hyp, '--json'], { encoding: 'utf8' });
      expect(json.status).toBe(0);
      const r = JSON.parse(json.stdout) as { errors: number; referenceLength: number; cer: number };
      expect(r.errors).toBe(1);
      expect(r.referenceLength).toBe(62);
      expect(r.cer).toBeCloseTo(1 / 62, 12);
      const text = spawnSync(process.execPath, [script, ref, hyp], { encoding: 'utf8' });
      expect(text.stdout).toMatch(/^CER 1\.61% \(1 errors \/ 62 chars/);
      expect(spawnSync(process.execPath, [script, ref], { encoding: 'utf8' }).status).toBe(2);
      expect(spawnSync(process.execPath, [script, ref, path.join(dir, 'missing.txt')], { encoding: 'utf8' }).status).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
