/**
 * The supervisor dashboard (issue #19) in Chromium against real web mode, keyboard only: a small seeded year (3,000
 * dossiers, test/helpers/seed-year.ts) in the data folder before the core starts; a supervisor opens the dashboard
 * (today by default), changes the period (a quick choice, then typed days) and the agency, and the figures are the
 * core's own (reports.dashboard over RPC); the filter stays in the address across a reload. Drill-downs from a tile
 * and from a chart's data-table row page through the rows (as reports.drill gives them) and Esc gives the focus back.
 * At 1366×768, 1920×1080 and 1280 wide nothing overflows sideways, every chart is drawn and the Vietnamese text is
 * intact. A dossier received on another connection changes the tile without a reload (reports.changed). A clerk is
 * refused by the route and by the core. axe-core passes on the dashboard, with the tables shown, and with the dialog.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard, DrillResult } from '../../core/contract/reports';
import { openDatabase } from '../../core/store/database';
import { formatDate } from '../../renderer/src/format/date-time';
import { vietnamToday } from '../../renderer/src/screens/supervisor/filter-state';
import { launchBrowser, type BrowserSession } from '../helpers/browser';
import { personInput, TRAN_VAN_DUC } from '../helpers/people';
import { seedYear, type SeedYearResult } from '../helpers/seed-year';
import { ADMIN, CLERK, connectRpc, makeTempDir, seedAccounts, startWebMode, type RpcClient, type WebMode } from '../helpers/web-mode';
import { activate, expectAccessible, focusedSummary, login, SCREEN_TITLES_VI, waitForHeading } from './steps';
import { uiSupervisor } from '../../core/i18n/messages/ui-supervisor';

const SUPERVISOR = { username: 'giamsat', displayName: 'Lê Thị Giám Sát', password: 'mat-khau-giam-sat-1' };
const KEY_DELAY = 60;
const WARD = '000.27.10.H12';
const PARENTAGE = '1.001695';
const vi = (uiSupervisor.vi as { supervisorUi: Record<string, Record<string, string>> }).supervisorUi;

/** How the screen writes a count (Vietnamese thousands with a dot). */
const count = (n: number) => n.toLocaleString('vi-VN');

async function typeInto(page: Page, label: string, text: string): Promise<void> {
  const field = page.getByTestId('sv-filters').getByLabel(label, { exact: true });
  await field.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text, { delay: KEY_DELAY });
}

const tileValue = (page: Page, id: string) => page.getByTestId(`sv-value-${id}`).textContent();
/** The filter in the address (the app routes in the hash: #/supervisor?from=…). */
const search = (page: Page) => page.evaluate(() => Object.fromEntries(new URLSearchParams(window.location.hash.split('?')[1] ?? '')));
/** The dashboard has answered for the filter now in the address. */
async function settled(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('sv-dashboard').getAttribute('aria-busy'), { timeout: 20_000 }).toBe('false');
}

/** Layout sanity of the page as it is: nothing wider than the window, every chart drawn with a real size. */
async function layout(page: Page) {
  return page.evaluate(() => {
    const doc = document.scrollingElement!;
    const width = window.innerWidth;
    // Elements inside a box that scrolls or clips sideways (a wide table's frame) are judged by that box.
    const clipped = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) if (getComputedStyle(p).overflowX !== 'visible') return true;
      return false;
    };
    const beyond = [...document.querySelectorAll('body *')]
      .filter((el) => !clipped(el))
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.right > width + 1;
      })
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`.slice(0, 80));
    const charts = [...document.querySelectorAll('[data-testid^="sv-chart-"][data-testid$="-svg"]')].map((box) => {
      const svg = box.querySelector('svg');
      const r = svg?.getBoundingClientRect();
      return { id: box.getAttribute('data-testid'), marks: svg ? svg.querySelectorAll('path, rect').length : 0, width: r?.width ?? 0, height: r?.height ?? 0, label: box.getAttribute('aria-label') ?? '' };
    });
    return { overflow: doc.scrollWidth - doc.clientWidth, beyond, charts, text: document.body.innerText };
  });
}

describe('supervisor dashboard', () => {
  let dir: string;
  let seed: SeedYearResult;
  let web: WebMode;
  let rpc: RpcClient;
  let browser: BrowserSession;
  let page: Page;
  const year = () => ({ from: seed.from, to: `${seed.from.slice(0, 4)}-12-31` });

  beforeAll(async () => {
    dir = makeTempDir('motcua-e2e-supervisor-');
    const opened = openDatabase(path.join(dir, 'motcua.sqlite'));
    seed = seedYear(opened.db, { dossiers: 3000, counters: 4, tickets: 1500 });
    // The seeded pages have no image files: without this the core would spend its start failing to build their
    // searchable PDFs (about 20 s here). The dashboard does not read them.
    opened.db.prepare('DELETE FROM document_pdfs').run();
    opened.db.close();
    web = await startWebMode({ dataDir: dir, timeoutMs: 90_000, env: { MOTCUA_LOG_LEVEL: 'error' } });
    await seedAccounts(web.url, { clerk: true });
    rpc = await connectRpc(web.url);
    await rpc.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
    await rpc.call('users.create', { ...SUPERVISOR, role: 'supervisor' });
    browser = await launchBrowser({ viewport: { width: 1366, height: 768 } });
    page = browser.page;
    await page.goto(web.url);
    await login(page, SUPERVISOR);
  }, 120_000);
  afterAll(async () => {
    rpc?.close();
    await browser?.close();
    await web?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('opens on today; a quick choice, typed days and the agency change it by keyboard; the address keeps it', async () => {
    await page.keyboard.press('Alt+4');
    await waitForHeading(page, SCREEN_TITLES_VI.supervisor);
    await settled(page);
    const today = vietnamToday();
    // Opened on its default (today): the address stays plain (#/supervisor) until the filter moves.
    expect(await search(page)).toEqual({});
    expect(await page.getByTestId('sv-period').textContent()).toContain(formatDate(today));
    await expectAccessible(page, 'dashboard, today');

    // A quick choice: this year, pressed and applied.
    const thisYear = page.getByTestId('sv-quick-thisYear');
    await activate(page, thisYear);
    await expect.poll(() => search(page)).toMatchObject({ from: `${today.slice(0, 4)}-01-01`, to: `${today.slice(0, 4)}-12-31` });
    expect(await thisYear.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.getByLabel(vi.filters!.from!, { exact: true }).inputValue()).toBe(`01/01/${today.slice(0, 4)}`);

    // The seeded year typed as Vietnamese days; a day that does not exist is refused beside the field.
    await typeInto(page, vi.filters!.to!, '31/02/2025');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.getByTestId('sv-filters').locator('.field__error').first().textContent()).toContain('Ngày không hợp lệ');
    await typeInto(page, vi.filters!.from!, formatDate(year().from));
    await typeInto(page, vi.filters!.to!, formatDate(year().to));
    await expect.poll(() => search(page)).toMatchObject(year());
    await settled(page);
    const whole = await rpc.call<Dashboard>('reports.dashboard', year());
    expect(whole.counts.received).toBeGreaterThan(1000);
    await expect.poll(() => tileValue(page, 'received'), { timeout: 20_000 }).toBe(count(whole.counts.received));
    expect(await tileValue(page, 'resolvedLate')).toBe(count(whole.counts.resolvedLate));
    expect(await tileValue(page, 'pagesDigitised')).toBe(count(whole.counts.pagesDigitised));

    // The agency: arrows on the select.
    const agency = page.getByTestId('sv-filters').getByLabel(vi.filters!.agency!, { exact: true });
    await agency.focus();
    await page.keyboard.press('ArrowDown');
    const chosen = await agency.inputValue();
    expect(chosen).not.toBe('');
    await expect.poll(() => search(page)).toMatchObject({ ...year(), agency: chosen });
    await settled(page);
    const one = await rpc.call<Dashboard>('reports.dashboard', { ...year(), agency: chosen });
    await expect.poll(() => tileValue(page, 'received'), { timeout: 20_000 }).toBe(count(one.counts.received));
    expect(one.counts.received).toBeLessThan(whole.counts.received);

    // A reload shows the same filter and figures.
    await page.reload();
    await waitForHeading(page, SCREEN_TITLES_VI.supervisor);
    await settled(page);
    expect(await search(page)).toMatchObject({ ...year(), agency: chosen });
    expect(await agency.inputValue()).toBe(chosen);
    expect(await tileValue(page, 'received')).toBe(count(one.counts.received));
    // Back to every agency for the rest.
    await agency.focus();
    await page.keyboard.press('Home');
    await expect.poll(() => search(page)).not.toHaveProperty('agency');
    await settled(page);
  }, 120_000);

  it('draws every chart without sideways overflow at 1366×768, 1920×1080 and 1280 wide, Vietnamese text intact', async () => {
    for (const size of [
      { width: 1366, height: 768 },
      { width: 1920, height: 1080 },
      { width: 1280, height: 800 },
    ]) {
      await page.setViewportSize(size);
      // echarts redraws on its box's resize: wait until every chart has marks at its new size.
      await expect
        .poll(async () => (await layout(page)).charts.every((c) => c.marks > 3 && c.width > 200 && c.height > 100), { timeout: 10_000 })
        .toBe(true);
      const l = await layout(page);
      expect({ size, overflow: l.overflow, beyond: l.beyond }).toEqual({ size, overflow: 0, beyond: [] });
      expect(l.charts.length).toBe(6);
      for (const c of l.charts) expect(c.label, c.id ?? '').not.toBe(''); // echarts' aria description
      for (const words of ['Đã giải quyết', 'Số hoá', 'quá hạn', vi.report!.resolvedOnTime!, vi.digitisation!.title!]) expect(l.text).toContain(words);
      const shot = await page.screenshot();
      // PNG header: the width and height of the picture are the window's.
      expect([shot.readUInt32BE(16), shot.readUInt32BE(20)]).toEqual([size.width, size.height]);
    }
    await page.setViewportSize({ width: 1366, height: 768 });
  }, 90_000);

  it('opens the rows behind a tile, pages them and closes with Esc, focus back on the tile', async () => {
    const tile = page.getByTestId('sv-tile-resolvedLate');
    const filter = year();
    const first = await rpc.call<DrillResult>('reports.drill', { figure: 'resolvedLate', filter, offset: 0, limit: 25 });
    expect(first.total).toBeGreaterThan(25); // more than one page
    await activate(page, tile);
    const dialog = page.getByTestId('sv-drill');
    const rows = dialog.locator('[data-testid="sv-drill-table"] tbody tr');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(25);
    expect(await dialog.locator('h2').textContent()).toContain(`(${count(first.total)})`);
    expect(await rows.first().getAttribute('data-id')).toBe(first.rows[0]!.id);
    expect(await dialog.locator('caption').textContent()).toContain(`Trang 1/${Math.ceil(first.total / 25)}`);
    await expectAccessible(page, 'drill dialog open');

    const second = await rpc.call<DrillResult>('reports.drill', { figure: 'resolvedLate', filter, offset: 25, limit: 25 });
    await activate(page, dialog.getByTestId('sv-drill-next'));
    await expect.poll(() => rows.first().getAttribute('data-id'), { timeout: 10_000 }).toBe(second.rows[0]!.id);
    expect(await dialog.locator('caption').textContent()).toContain('Trang 2/');
    // PageUp from anywhere in the dialog goes back.
    await page.keyboard.press('PageUp');
    await expect.poll(() => rows.first().getAttribute('data-id'), { timeout: 10_000 }).toBe(first.rows[0]!.id);
    // The dossier code links to the dossier screen.
    expect(await rows.first().locator('a').getAttribute('href')).toMatch(new RegExp(`/dossiers\\?id=${first.rows[0]!.id}$`));

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => focusedSummary(page)).toMatchObject({ testId: 'sv-tile-resolvedLate' });
  }, 60_000);

  it("opens a chart's data table from the keyboard and the rows behind one day", async () => {
    // One month: a table of 31 days (a year's 365 rows would make axe slow).
    const month = { from: `${seed.from.slice(0, 4)}-03-01`, to: `${seed.from.slice(0, 4)}-03-31` };
    await typeInto(page, vi.filters!.from!, formatDate(month.from));
    await typeInto(page, vi.filters!.to!, formatDate(month.to));
    await expect.poll(() => search(page)).toMatchObject(month);
    await settled(page);
    const chart = page.getByTestId('sv-chart-per-day-table');
    await expect.poll(() => chart.locator('tbody tr').count()).toBe(31);
    await activate(page, chart.locator('summary'));
    await chart.locator('table').waitFor();
    await expectAccessible(page, 'dashboard, per-day table shown');
    const button = chart.locator('tbody tr td button').first();
    const day = await button.locator('xpath=ancestor::tr').getAttribute('data-key');
    const expected = await rpc.call<DrillResult>('reports.drill', { figure: 'newlyReceived', filter: month, bucket: { day: day! }, offset: 0, limit: 25 });
    expect(expected.total).toBeGreaterThan(0);
    expect(await button.textContent()).toBe(count(expected.total));
    await activate(page, button);
    const dialog = page.getByTestId('sv-drill');
    await expect.poll(() => dialog.locator('tbody tr').count(), { timeout: 20_000 }).toBe(Math.min(25, expected.total));
    expect(await dialog.locator('h2').textContent()).toContain(formatDate(day!));
    expect(await dialog.locator('tbody tr').first().getAttribute('data-id')).toBe(expected.rows[0]!.id);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);
  }, 60_000);

  it("downloads the period's report as Excel and PDF (reports.export) by keyboard", async () => {
    for (const [format, magic] of [
      ['xlsx', 'PK'],
      ['pdf', '%PDF'],
    ] as const) {
      const download = page.waitForEvent('download', { timeout: 30_000 });
      await activate(page, page.getByTestId(`sv-export-${format}`));
      const file = await download;
      expect(file.suggestedFilename()).toMatch(new RegExp(`\\.${format}$`));
      const saved = await file.path();
      const head = readFileSync(saved).subarray(0, magic.length).toString('latin1');
      expect(head).toBe(magic);
    }
    // No script error or CSP refusal on the way (echarts' SVG, the tooltip, the downloads).
    expect(browser.problems.errors).toEqual([]);
  }, 60_000);

  it('updates the tile without a reload when a dossier is received on another connection', async () => {
    await activate(page, page.getByTestId('sv-quick-today'));
    await expect.poll(() => search(page)).toMatchObject({ from: vietnamToday(), to: vietnamToday() });
    await settled(page);
    const before = await rpc.call<Dashboard>('reports.dashboard', { from: vietnamToday(), to: vietnamToday() });
    await expect.poll(() => tileValue(page, 'received')).toBe(count(before.counts.received));
    const focusedBefore = await focusedSummary(page);
    await rpc.call('dossiers.receive', { agencyCode: WARD, procedureCode: PARENTAGE, applicant: personInput(TRAN_VAN_DUC) });
    await expect.poll(() => tileValue(page, 'received'), { timeout: 20_000 }).toBe(count(before.counts.received + 1));
    await expect.poll(() => page.getByTestId('live-polite').textContent(), { timeout: 5_000 }).toBe(vi.status!.updated);
    // Focus stayed where it was (the quick choice).
    expect(await focusedSummary(page)).toEqual(focusedBefore);
  }, 60_000);

  it('refuses a clerk: the route says not allowed, the core answers RPC_FORBIDDEN', async () => {
    const clerkPage = await browser.context.newPage();
    try {
      await clerkPage.goto(web.url);
      await login(clerkPage, CLERK);
      await clerkPage.goto(`${web.url}/#/supervisor`);
      await waitForHeading(clerkPage, 'Không có quyền truy cập');
      expect(await clerkPage.getByTestId('sv-dashboard').count()).toBe(0);
    } finally {
      await clerkPage.close();
    }
    const clerk = await connectRpc(web.url);
    try {
      await clerk.call('auth.login', { username: CLERK.username, password: CLERK.password });
      await expect(clerk.call('reports.dashboard', { from: seed.from, to: seed.to })).rejects.toMatchObject({ code: 'RPC_FORBIDDEN' });
    } finally {
      clerk.close();
    }
  }, 60_000);
});
