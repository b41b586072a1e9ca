// Copies the OCR language data (vie + eng, 4.0.0_best_int, from the @tesseract.js-data packages) into
// resources/tessdata: tesseract.js takes ONE langPath folder for all languages, and the app never fetches data at
// run time. Runs after `npm install`/`npm ci` (prepare) and before builds; idempotent (skips files already equal).
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const OCR_LANGUAGES = ['vie', 'eng'];
export const OCR_DATA_VARIANT = '4.0.0_best_int';

export function copyTessdata(root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')) {
  const out = path.join(root, 'resources', 'tessdata');
  mkdirSync(out, { recursive: true });
  const copied = [];
  for (const lang of OCR_LANGUAGES) {
    const src = path.join(root, 'node_modules', '@tesseract.js-data', lang, OCR_DATA_VARIANT, `${lang}.traineddata.gz`);
    if (!existsSync(src)) throw new Error(`missing OCR data ${src}: run npm install`);
    const dest = path.join(out, `${lang}.traineddata.gz`);
    if (existsSync(dest) && statSync(dest).size === statSync(src).size) continue;
    copyFileSync(src, dest);
    copied.push(lang);
  }
  return { out, copied };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { copied } = copyTessdata();
  if (copied.length) console.log(`resources/tessdata: ${copied.join(', ')} (${OCR_DATA_VARIANT})`);
}
