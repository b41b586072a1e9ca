/**
 * Peak memory of a refused oversized catalogue import: the attack file of issue #13 (an XLSX of a few MB whose
 * Procedures sheet holds a million rows) imported through the contract as the UI does (chunked upload, then
 * catalogue.import). Before the streaming reader with limits this took web mode to 4.3 GB and an OOM abort.
 * Run: npx tsx test/bench/catalogue-import.bench.ts (or npm run bench). Target: refused, peak RSS under 400 MB.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../../core/app';
import { writeBigCatalogue } from '../helpers/big-catalogue';
import { withAdmin } from '../helpers/core';
import { tempDir } from '../helpers/temp';
import { upload } from '../helpers/uploads';

const ROWS = 1_000_000;
const TARGET_PEAK_MB = 400;
const self = fileURLToPath(import.meta.url);
const mb = (bytes: number) => Math.round(bytes / 1048576);

async function main(): Promise<void> {
  if (process.argv[2] === '--write') {
    await writeBigCatalogue(process.argv[3]!, ROWS, { sparse: true });
    return;
  }
  const dir = tempDir('motcua-bench-import-');
  try {
    const file = path.join(dir.dir, 'mot-trieu-dong.xlsx');
    // Written by another process, so its memory is not counted here.
    const w = spawnSync(process.execPath, [...process.execArgv, self, '--write', file], { stdio: 'inherit' });
    if (w.status !== 0) throw new Error('could not write the test file');
    const core = await createCore({ dataDir: path.join(dir.dir, 'data'), logLevel: 'error' });
    const admin = await withAdmin(core);
    const up = await upload(core, admin, 'mot-trieu-dong.xlsx', readFileSync(file), 'catalogue');
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const t0 = performance.now();
    const r = await core.dispatch(admin, 'catalogue.import', { uploadId: up.uploadId, mode: 'merge' });
    const ms = performance.now() - t0;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    await core.close();
    const code = r.ok ? 'IMPORTED' : r.error.code;
    process.stdout.write(
      `oversized import (${ROWS.toLocaleString('en')} rows, ${mb(statSync(file).size)} MB xlsx): ${code} in ${Math.round(ms)} ms; ` +
        `peak RSS ${mb(peak)} MB (before ${mb(before)} MB, +${mb(peak - before)} MB); target < ${TARGET_PEAK_MB} MB\n`,
    );
    if (r.ok || mb(peak) >= TARGET_PEAK_MB) process.exitCode = 1;
  } finally {
    dir.cleanup();
  }
}

await main();
