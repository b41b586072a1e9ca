/**
 * Debian's Chromium driven by playwright-core, headless, with a fresh profile per launch (nothing remembered
 * between tests unless a test reloads within one launch). Collects page errors, console errors (CSP violations
 * show up there) and requests that leave 127.0.0.1, so tests can assert the app stays local and clean.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface PageProblems {
  /** Uncaught exceptions and console.error messages. */
  errors: string[];
  /** URLs requested outside 127.0.0.1 / localhost. */
  externalRequests: string[];
}

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  problems: PageProblems;
  close(): Promise<void>;
}

function isLocal(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('about:')) return true;
  try {
    const host = new URL(url).hostname;
    return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
  } catch {
    return false;
  }
}

export function watchPage(page: Page): PageProblems {
  const problems: PageProblems = { errors: [], externalRequests: [] };
  page.on('pageerror', (e) => problems.errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.errors.push(`console: ${m.text()}`);
  });
  page.on('request', (r) => {
    if (!isLocal(r.url())) problems.externalRequests.push(r.url());
  });
  return problems;
}

export async function launchBrowser(opts: { viewport?: { width: number; height: number }; /** More Chromium flags (e.g. --autoplay-policy). */ args?: string[] } = {}): Promise<BrowserSession> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'motcua-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...ARGS, ...(opts.args ?? [])],
    viewport: opts.viewport ?? { width: 1366, height: 768 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems = watchPage(page);
  return {
    context,
    page,
    problems,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
