#!/usr/bin/env node
// `npm run bench`: performance figures, printed; targets are checked here, never in tests.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const steps = [
  ['catalogue search', [process.execPath, tsx, 'test/bench/catalogue-search.bench.ts']],
  ['reception', [process.execPath, tsx, 'test/bench/reception.bench.ts']],
  ['printing (ticket → first byte, receipt → last byte, bytes per job)', [process.execPath, tsx, 'test/bench/print.bench.ts']],
  ['printing render (ticket → raster, receipt → raster)', [process.execPath, tsx, 'test/bench/render-ticket.bench.ts']],
  ['login under flood', [process.execPath, tsx, 'test/bench/login-flood.bench.ts']],
  ['catalogue import (refused, peak memory)', [process.execPath, tsx, 'test/bench/catalogue-import.bench.ts']],
  ['page pipeline (scanning)', [process.execPath, tsx, 'test/bench/page-pipeline.bench.ts']],
  ['separator detection (ms per page)', [process.execPath, tsx, 'test/bench/separator-detect.bench.ts']],
  ['OCR accuracy (CER per corpus variant, against ocrmypdf)', [process.execPath, tsx, 'test/bench/ocr-accuracy.bench.ts']],
  ['OCR engine (s/page against native tesseract, pool throughput, memory per worker, priority)', [process.execPath, tsx, 'test/bench/ocr-engine.bench.ts']],
  ['search over 1,000,000 pages (index cached outside the repo)', [process.execPath, tsx, 'test/bench/search-pages.bench.ts']],
  ['sync backlog (2,000 dossiers × 5 pages through a throttled loopback link; SYNC_BENCH_DOSSIERS for fewer)', [process.execPath, tsx, 'test/bench/sync-backlog.bench.ts']],
  ['central server under load (50 counters pushing at once: p50/p95, errors)', [process.execPath, tsx, 'test/bench/central-load.bench.ts']],
  ['queue (20 counters calling: call pressed → board updated p50/p95/max; ticket pressed → first byte at the printer; SQLite and PostgreSQL)', [process.execPath, tsx, 'test/bench/queue.bench.ts']],
  ['reports over a busy year (200,000 dossiers: period, export xlsx/pdf, dashboard, reports.changed polling cost, first paint in Chromium)', [process.execPath, tsx, 'test/bench/reports.bench.ts']],
  ['renderer build', [process.execPath, path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']],
  ['web start', [process.execPath, path.join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'bench', '--run', '--project', 'e2e', 'test/bench/web-start.bench.ts']],
];
// Benchmarks make throw-away data folders; their audit keys go to a throw-away key folder, not the user's.
const keyDir = mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-keys-'));
const env = { ...process.env, MOTCUA_KEY_DIR: keyDir };
let failed = 0;
for (const [name, [cmd, ...args]] of steps) {
  process.stdout.write(`\n== ${name}\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  if (r.status !== 0) {
    failed += 1;
    process.stdout.write(`(${name}: exit ${r.status})\n`);
  }
}
rmSync(keyDir, { recursive: true, force: true });
process.exitCode = failed ? 1 : 0;
