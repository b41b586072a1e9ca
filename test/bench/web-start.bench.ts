/**
 * Target: web mode shows the login page within 2 s of the process starting. Each sample spawns
 * `node scripts/start-web.mjs --port 0` on its own copy of a data folder that already has an admin (so the page
 * is the login form, not first-run setup) and waits until Chromium shows the login form. The servers are
 * stopped after the run, outside the measured time. Needs the built renderer (npm run build:renderer).
 * Run: npx vitest bench --run --project e2e test/bench/web-start.bench.ts
 */
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { bench, describe } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { makeTempDir, seedAccounts, startWebMode, type WebMode } from '../helpers/web-mode';

const SAMPLES = 5;
const workDir = makeTempDir('motcua-bench-');
const template = path.join(workDir, 'template');
{
  const first = await startWebMode({ dataDir: template });
  await seedAccounts(first.url);
  await first.stop();
}
// One data folder per sample (and the warm-up), copied before timing starts.
const dataDirs = Array.from({ length: SAMPLES + 1 }, (_, i) => {
  const dir = path.join(workDir, `copy-${i}`);
  cpSync(template, dir, { recursive: true });
  return dir;
});
const browser = await launchBrowser();
const running: WebMode[] = [];

describe('web mode start', () => {
  bench(
    'spawn → login form visible in Chromium (target < 2000 ms)',
    async () => {
      const dataDir = dataDirs.shift();
      if (!dataDir) throw new Error('more samples than prepared data folders');
      const web = await startWebMode({ dataDir });
      running.push(web);
      await browser.page.goto(web.url);
      await browser.page.getByTestId('login-form').waitFor();
      console.info(`web mode start → login form: ${(performance.now() - web.spawnedAt).toFixed(0)} ms (listening after ${web.msToListening.toFixed(0)} ms)`);
      await browser.page.goto('about:blank');
    },
    {
      time: 0,
      iterations: SAMPLES,
      warmupTime: 0,
      warmupIterations: 1,
      async teardown(_task, mode) {
        if (mode !== 'run') return;
        await Promise.all(running.splice(0).map((w) => w.stop()));
        await browser.close();
        rmSync(workDir, { recursive: true, force: true });
      },
    },
  );
});
