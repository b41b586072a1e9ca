#!/usr/bin/env node
// `node scripts/cer.mjs REFERENCE.txt HYPOTHESIS.txt [--json]`: the character error rate of an OCR result against
// the page's text (rules in core/domain/text/cer.ts: NFC, white-space runs to one space, Levenshtein over code points
// ÷ reference length). Exit 0 when measured, 2 on bad arguments or an unreadable file.
import { readFileSync } from 'node:fs';
import { register } from 'tsx/esm/api';

register();
const { characterErrorRate } = await import('../core/domain/text/cer.ts');

const args = process.argv.slice(2);
const json = args.includes('--json');
const files = args.filter((a) => a !== '--json');
if (files.length !== 2 || files.some((f) => f.startsWith('--'))) {
  process.stderr.write('Cách dùng / usage: node scripts/cer.mjs REFERENCE.txt HYPOTHESIS.txt [--json]\n');
  process.exit(2);
}
let texts;
try {
  texts = files.map((f) => readFileSync(f, 'utf8'));
} catch (e) {
  process.stderr.write(`Không đọc được tệp / cannot read file: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
}
const r = characterErrorRate(texts[0], texts[1]);
if (json) process.stdout.write(`${JSON.stringify({ reference: files[0], hypothesis: files[1], ...r })}\n`);
else
  process.stdout.write(
    `CER ${(r.cer * 100).toFixed(2)}% (${r.errors} errors / ${r.referenceLength} chars: ` +
      `${r.substitutions} substituted, ${r.deletions} deleted, ${r.insertions} inserted)\n`,
  );
