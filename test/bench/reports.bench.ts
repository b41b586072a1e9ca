/**
 * Reports figures (issue #19) over a busy centre's year: 200,000 dossiers at 20 counters with their pages, OCR,
 * tickets and sync outbox (test/helpers/seed-year.ts, seeded once into a throw-away data folder; its time printed).
 *  - reports.period through the core's dispatch: the whole year, a half-year, one agency's year (p50/max of a few runs
 *    after the first, which is printed apart: cold page cache);
 *  - reports.export xlsx and pdf of the whole year (target ≤ 5 s each);
 *  - reports.dashboard: a day, a month, the whole year;
 *  - what 'reports.changed' costs while a supervisor watches: its SQLite gate (every second) and its per-source
 *    signatures (when the gate moved), and the queue's day metrics (polled every 2 s when the queue is in PostgreSQL;
 *    measured here on SQLite for its shape);
 *  - the dashboard's first paint in Chromium (the web server on the bench's core, the built renderer, a supervisor logged in): navigation start
 *    → the tiles' figures and a drawn chart, for the default period (today) and the whole year (target ≤ 1 s).
 * No figure fails the run; the table says met or NOT met. REPORTS_BENCH_DOSSIERS (200000) for a smaller year,
 * REPORTS_BENCH_RUNS (5), REPORTS_BENCH_BROWSER=0 to skip Chromium, REPORTS_BENCH_SEED_DIR to keep and reuse the seeded year.
 * Run: MOTCUA_KEY_DIR=<a mode-700 folder> npx tsx test/bench/reports.bench.ts (or npm run bench; the renderer built).
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startWebServer } from '../../core/adapters/web/server';
import { createCore, type Core } from '../../core/app';
import type { MethodInput, MethodName } from '../../core/contract/index';
import type { Connection } from '../../core/rpc/connection';
import { SqliteChangeWatch } from '../../core/services/reports/change-signature';
import { openDatabase } from '../../core/store/database';
import { launchBrowser } from '../helpers/browser';
import { TEST_HASH_COST } from '../helpers/core';
import { percentile } from '../helpers/queue-ws';
import { seedYear, type SeedYearResult } from '../helpers/seed-year';
import { assertRendererBuilt, makeTempDir, REPO_ROOT } from '../helpers/web-mode';
import { envNumber as num } from './bench-postgres';

const DOSSIERS = num('REPORTS_BENCH_DOSSIERS', 200_000);
const RUNS = num('REPORTS_BENCH_RUNS', 5);
const BROWSER = process.env.REPORTS_BENCH_BROWSER !== '0';
const SUPERVISOR = { username: 'giamsat', displayName: 'Lê Thị Giám Sát', password: 'mat-khau-giam-sat-1' };

interface Row {
  what: string;
  first: number;
  p50: number;
  max: number;
  target: number | null;
  note?: string;
}
const rows: Row[] = [];

async function must<M extends MethodName>(core: Core, conn: Connection, method: M, input: MethodInput<M>): Promise<unknown> {
  const r = await core.dispatch(conn, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

/** The first run apart (cold), then RUNS more: p50 and max of those. */
async function measure(what: string, target: number | null, fn: () => Promise<unknown>, runs = RUNS, note?: (last: unknown) => string): Promise<void> {
  const times: number[] = [];
  let first = 0;
  let last: unknown;
  try {
    for (let i = 0; i <= runs; i++) {
      const t0 = performance.now();
      last = await fn();
      const ms = performance.now() - t0;
      if (i === 0) first = ms;
      else times.push(ms);
    }
  } catch (e) {
    // One failing method (not built yet, refused) leaves the others measured; the table says why.
    rows.push({ what, first: NaN, p50: NaN, max: NaN, target, note: `FAILED: ${(e as Error).message.slice(0, 120)}` });
    return;
  }
  rows.push({ what, first, p50: percentile(times, 50), max: Math.max(...times), target, note: note?.(last) });
}

function timeSync(what: string, n: number, fn: () => unknown, note?: string): void {
  fn();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  rows.push({ what, first: times[0]!, p50: percentile(times, 50), max: Math.max(...times), target: null, note });
}

async function inProcess(dir: string, seed: SeedYearResult): Promise<void> {
  // The real clock: the browser's session checks use it, and every period measured is over (the seed's "now" is past).
  const core = await createCore({ dataDir: dir, logLevel: 'warn', seedSampleCatalogue: false, authPolicy: { hashCost: TEST_HASH_COST } });
  try {
    const admin = core.openConnection('web', 'bench');
    await must(core, admin, 'auth.setupAdmin', { username: 'quantri', displayName: 'Nguyễn Thị Quản Trị', password: 'mat-khau-an-toan-1' });
    await must(core, admin, 'users.create', { ...SUPERVISOR, role: 'supervisor' });
    const sup = core.openConnection('web', 'bench');
    await must(core, sup, 'auth.login', { username: SUPERVISOR.username, password: SUPERVISOR.password });

    const year = { from: seed.from, to: seed.to };
    const half = { from: seed.from, to: `${seed.from.slice(0, 4)}-06-30` };
    const agency = seed.agencies[0]!;
    const received = (r: unknown) => `received ${(r as { received: number }).received.toLocaleString('en')}`;
    await measure('period: whole year', null, () => must(core, sup, 'reports.period', year), RUNS, received);
    await measure('period: half-year', null, () => must(core, sup, 'reports.period', half), RUNS, received);
    await measure(`period: one agency's year (${agency})`, null, () => must(core, sup, 'reports.period', { ...year, agency }), RUNS, received);
    const bytes = (r: unknown) => `${Math.round((r as { bytes: number }).bytes / 1024)} KiB`;
    await measure('export xlsx: whole year', 5000, () => must(core, sup, 'reports.export', { ...year, format: 'xlsx' }), 2, bytes);
    await measure('export pdf: whole year', 5000, () => must(core, sup, 'reports.export', { ...year, format: 'pdf' }), 2, bytes);
    await measure(`dashboard: a day (${seed.to})`, null, () => must(core, sup, 'reports.dashboard', { from: seed.to, to: seed.to }));
    await measure(`dashboard: a month (${seed.to.slice(0, 7)})`, null, () => must(core, sup, 'reports.dashboard', { from: `${seed.to.slice(0, 7)}-01`, to: seed.to }));
    await measure('dashboard: whole year', null, () => must(core, sup, 'reports.dashboard', year));

    const watch = new SqliteChangeWatch(core.db);
    timeSync('reports.changed gate (each second while watched)', 1000, () => watch.gate(), 'PRAGMA data_version + total_changes()');
    timeSync('reports.changed signatures (when the gate moved)', 200, () => watch.signature(), '5 sources, max(rowid) and small counts');
    await measure(`queue metrics of a day (the PostgreSQL poll's read; here on SQLite)`, null, () => core.services.queue.service.metrics(seed.to, seed.to));
    if (BROWSER) {
      try {
        await firstPaint(core);
      } catch (e) {
        console.log(`first paint not measured: ${(e as Error).message.split('\n')[0]}`);
      }
    }
  } finally {
    await core.close();
  }
}

/**
 * Navigation start → the tiles' figures shown and a chart drawn, in ms (the page's own clock). The web server runs
 * on the bench's core (what web mode serves, without its background OCR, printing and sync workers): a year's folder
 * takes minutes to start as web mode here (its startup sweeps read every page; see the report), which is not the
 * paint's business.
 */
async function firstPaint(core: Core): Promise<void> {
  assertRendererBuilt();
  const server = await startWebServer(core, { host: '127.0.0.1', port: 0, rendererDir: path.join(REPO_ROOT, 'out', 'renderer') });
  const browser = await launchBrowser();
  try {
    const page = browser.page;
    await page.goto(server.url);
    const form = page.getByTestId('login-form');
    await form.getByLabel('Tên đăng nhập').fill(SUPERVISOR.username);
    await form.getByLabel('Mật khẩu').fill(SUPERVISOR.password);
    await page.keyboard.press('Enter');
    await page
      .getByTestId('current-user')
      .waitFor({ timeout: 30_000 })
      .catch(async (e: Error) => {
        const text = (await page.locator('body').innerText()).replace(/\s+/g, ' ').slice(0, 300);
        throw new Error(`not logged in (${e.message.split('\n')[0]}): the page says "${text}"; errors: ${browser.problems.errors.slice(0, 3).join(' | ')}`);
      });
    const painted = () =>
      page.waitForFunction(
        () => {
          const board = document.querySelector('[data-testid="sv-dashboard"]');
          const value = document.querySelector('[data-testid="sv-value-received"]')?.textContent ?? '';
          const drawn = document.querySelector('[data-testid="sv-chart-per-day-svg"] svg path');
          return board && board.getAttribute('aria-busy') !== 'true' && /\d/.test(value) && drawn ? performance.now() : null;
        },
        undefined,
        { timeout: 30_000, polling: 'raf' },
      );
    for (const [what, query] of [
      ['first paint: default period (today)', ''],
      ['first paint: whole year', `?from=${encodeURIComponent(seedFrom)}&to=${encodeURIComponent(seedTo)}`],
    ] as const) {
      const times: number[] = [];
      for (let i = 0; i <= RUNS; i++) {
        await page.goto('about:blank'); // a whole load each time (the tab keeps its session in sessionStorage)
        await page.goto(`${server.url}/#/supervisor${query}`); // the filter lives in the hash route's query
        times.push(Number(await (await painted()).jsonValue()));
      }
      const [first, ...rest] = times;
      // What the screen says it shows, and the received figure, so the row can be checked against the period asked.
      const period = ((await page.getByTestId('sv-period').textContent()) ?? '').trim();
      const shown = ((await page.getByTestId('sv-value-received').textContent()) ?? '').trim();
      rows.push({ what, first: first!, p50: percentile(rest, 50), max: Math.max(...rest), target: 1000, note: `navigation start → figures + chart; "${period}", received ${shown}` });
    }
    const problems = browser.problems;
    if (problems.errors.length) console.log(`page errors: ${problems.errors.slice(0, 3).join(' | ')}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

let seedFrom = '';
let seedTo = '';

function print(seedMs: number, seed: SeedYearResult): void {
  const f = (ms: number) => (Number.isFinite(ms) ? (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 0)} ms`) : '—');
  console.log(
    `seeded ${seed.dossiers.toLocaleString('en')} dossiers, ${seed.pages.toLocaleString('en')} pages, ${seed.tickets.toLocaleString('en')} tickets, ` +
      `${seed.counters.length} counters (${seed.from} … ${seed.to}) in ${f(seedMs)}`,
  );
  const head = ['figure', 'first', 'p50', 'max', 'target', ''];
  const table = rows.map((r) => [
    r.what,
    f(r.first),
    f(r.p50),
    f(r.max),
    r.target === null ? '' : `≤ ${f(r.target)}`,
    [r.target === null || Number.isNaN(r.max) ? '' : r.max <= r.target ? 'met' : `NOT met (max/target ${(r.max / r.target).toFixed(2)})`, r.note ?? ''].filter(Boolean).join('; '),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
  for (const r of [head, ...table]) console.log(r.map((c, i) => (i === 0 || i === 5 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd());
}

/**
 * The seeded year in a fresh folder. REPORTS_BENCH_SEED_DIR=<folder> keeps a copy there after seeding and reuses it
 * on the next run (reruns take seconds instead of two minutes; the seed time is then the first run's).
 */
function seeded(dir: string): { seed: SeedYearResult; seedMs: number; reused: boolean } {
  const keep = process.env.REPORTS_BENCH_SEED_DIR;
  const file = path.join(dir, 'motcua.sqlite');
  if (keep && existsSync(path.join(keep, 'seed.json'))) {
    copyFileSync(path.join(keep, 'motcua.sqlite'), file);
    const saved = JSON.parse(readFileSync(path.join(keep, 'seed.json'), 'utf8')) as SeedYearResult & { seedMs: number; now: string };
    return { seed: { ...saved, now: new Date(saved.now) }, seedMs: saved.seedMs, reused: true };
  }
  const opened = openDatabase(file);
  const t0 = performance.now();
  const seed = seedYear(opened.db, { dossiers: DOSSIERS });
  const seedMs = performance.now() - t0;
  opened.db.close();
  if (keep) {
    mkdirSync(keep, { recursive: true });
    copyFileSync(file, path.join(keep, 'motcua.sqlite'));
    writeFileSync(path.join(keep, 'seed.json'), JSON.stringify({ ...seed, seedMs }));
  }
  return { seed, seedMs, reused: false };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = makeTempDir('motcua-reports-bench-');
  const { seed, seedMs, reused } = seeded(dir);
  if (reused) console.log('(the seeded year reused from REPORTS_BENCH_SEED_DIR)');
  seedFrom = seed.from;
  seedTo = seed.to;
  try {
    await inProcess(dir, seed);
  } finally {
    print(seedMs, seed);
    rmSync(dir, { recursive: true, force: true });
  }
  process.exit(0); // figures printed; nothing of the run should keep the bench alive
}
