/**
 * Scanning paper at the counter, keyboard only, in Chromium against real web mode with a real scanner peer:
 * SANE's `test` backend through scanimage (enabled by a private SANE_CONFIG_DIR whose dll.conf says `test`; its
 * feeder gives 10 pages). In Reception's Documents step the pages go to the clerk's tray: thumbnails appear as
 * they are scanned, one page is moved later with Ctrl+→, one is turned with R, one is given to another checklist
 * item with M, and the page counts follow; the scanner and the procedure's settings are remembered. Receiving the
 * dossier takes the tray into it, and the dossier record shows the same pages, where R turns one, Delete
 * (confirmed) takes one out and a page dragged with the mouse moves. A jam mid-batch on an eSCL scanner (the test
 * server on 127.0.0.1, typed in by the admin) is said in Vietnamese with what to do, Continue carries the same
 * batch on into the same item, Insert scans a sheet in before a page and Enter opens one. axe-core passes on the
 * scanning panel, its dialogs and the device stop.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserSession } from '../helpers/browser';
import { makePng, startEsclServer, type EsclScript, type EsclServer } from '../helpers/escl-server';
import { NGUYEN_THI_HUYNH, qrOf } from '../helpers/people';
import { tempDir } from '../helpers/temp';
import { requireTools } from '../helpers/tools';
import { startWebMode, type RpcClient, type WebMode } from '../helpers/web-mode';
import { closeAdminSessions, expectAccessible, focusedSummary, openAdminSessions, SCREEN_TITLES_VI, waitForHeading } from './steps';

const tools = requireTools('scanimage');

interface PageRow {
  id: string;
  itemCode: string;
  position: number;
  rotation: number;
  state: string;
}

const stepOf = (page: Page) => page.getByTestId('reception-step').getAttribute('data-step');
async function waitForStep(page: Page, step: string): Promise<void> {
  await expect.poll(() => stepOf(page), { timeout: 10_000 }).toBe(step);
}

/** Keyboard activation of a control found by role and name. */
async function press(page: Page, name: string | RegExp, key = 'Enter'): Promise<void> {
  await page.getByRole('button', { name }).first().focus();
  await page.keyboard.press(key);
}

const panel = (page: Page) => page.getByTestId('scan-panel');
const grid = (page: Page) => panel(page).getByTestId('scan-grid');
const gridOrder = (page: Page) => grid(page).locator('li.scan-page').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.page ?? ''));
const counts = (page: Page) => panel(page).getByTestId('scan-item-count').allTextContents();
const focusedPage = (page: Page) => page.evaluate(() => (document.activeElement?.closest('li.scan-page') as HTMLElement | null)?.dataset.page ?? null);

/** Thumbnails shown (object URLs of the images the core made). */
async function thumbs(where: Locator): Promise<number> {
  return where.locator('img.scan-page__thumb').evaluateAll((els) => els.filter((e) => (e as HTMLImageElement).src.startsWith('blob:') && (e as HTMLImageElement).naturalWidth > 0).length);
}

describe.skipIf(tools.skip)('scanning at the counter (SANE test backend)', () => {
  let web: WebMode;
  let browser: BrowserSession;
  let rpc: RpcClient;
  let sane: ReturnType<typeof tempDir>;
  const saved = process.env.SANE_CONFIG_DIR;

  beforeAll(async () => {
    sane = tempDir('motcua-e2e-sane-');
    const config = path.join(sane.dir, 'sane.d');
    mkdirSync(config);
    writeFileSync(path.join(config, 'dll.conf'), 'test\n');
    // The web-mode process (and the scanimage it runs) inherits this environment.
    process.env.SANE_CONFIG_DIR = config;
    try {
      web = await startWebMode();
    } finally {
      if (saved === undefined) delete process.env.SANE_CONFIG_DIR;
      else process.env.SANE_CONFIG_DIR = saved;
    }
    ({ rpc, browser } = await openAdminSessions(web));
  });
  afterAll(async () => {
    await closeAdminSessions({ rpc, browser, web });
    sane?.cleanup();
  });

  const tray = () => rpc.call<PageRow[]>('pages.list', { tray: true });
  let code = '';
  let dossierId = '';
  let firstItemOrder: string[] = [];
  let lowest = '';

  it('scans into a checklist item at reception: live thumbnails, keyboard reorder, rotate, reassign, page counts', async () => {
    const { page } = browser;
    await page.keyboard.press('Alt+1');
    await waitForHeading(page, SCREEN_TITLES_VI.reception);
    await page.getByTestId('applicant-form').waitFor();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.type(qrOf(NGUYEN_THI_HUYNH), { delay: 5 });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('applicant-block').getByLabel(/^Họ và tên/).inputValue(), { timeout: 10_000 }).toBe(NGUYEN_THI_HUYNH.fullName);
    await page.keyboard.type('0912345678', { delay: 60 });
    await page.keyboard.press('Enter');

    await waitForStep(page, 'procedure');
    await page.keyboard.type('cap giay phep', { delay: 40 });
    const options = page.getByTestId('procedure-results').getByRole('option');
    await expect.poll(async () => (await options.allTextContents()).some((t) => t.startsWith('Cấp giấy phép xây dựng mới')), { timeout: 10_000 }).toBe(true);
    const index = (await options.allTextContents()).findIndex((t) => t.startsWith('Cấp giấy phép xây dựng mới'));
    for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');

    // The three required documents received: Space ticks, arrow down moves.
    await waitForStep(page, 'checklist');
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Space');
      await page.keyboard.press('ArrowDown');
    }
    await press(page, 'Tiếp tục');
    await waitForStep(page, 'documents');

    // The scanner: the SANE test device, found by the core; its feeder at the lowest resolution (a quick batch).
    const device = panel(page).getByLabel('Máy quét', { exact: true });
    await expect.poll(() => device.inputValue(), { timeout: 30_000 }).toMatch(/^sane:test:/);
    const source = panel(page).getByLabel('Nguồn giấy', { exact: true });
    await expect.poll(() => source.inputValue(), { timeout: 15_000 }).toBe('adf');
    const dpi = panel(page).getByLabel('Độ phân giải', { exact: true });
    await dpi.focus();
    await page.keyboard.press('Home');
    lowest = await dpi.evaluate((el) => (el as HTMLSelectElement).options[0]!.value);
    await expect.poll(() => dpi.inputValue()).toBe(lowest);

    // The received items are listed with their counts; none has pages yet, and that stands out.
    await expect.poll(() => counts(page)).toEqual(['chưa có trang', 'chưa có trang', 'chưa có trang']);
    expect(await panel(page).locator('.scan-item--empty').count()).toBe(3);
    const items = await panel(page).getByTestId('scan-item').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.item ?? ''));
    expect(items).toHaveLength(3);
    expect(await panel(page).getByRole('radio').first().isChecked()).toBe(true);
    await expectAccessible(page, 'documents, scanning panel before a scan');

    await panel(page).getByRole('button', { name: 'Bắt đầu quét' }).focus();
    await page.keyboard.press('Enter');
    // Thumbnails appear as the pages come; the status line ends with the count.
    await expect.poll(() => thumbs(grid(page)), { timeout: 60_000 }).toBeGreaterThan(0);
    await expect.poll(() => panel(page).getByTestId('scan-status').getAttribute('data-status'), { timeout: 60_000 }).toBe('completed');
    expect(await panel(page).getByTestId('scan-status').textContent()).toContain('Đã quét xong 10 trang');
    await expect.poll(() => thumbs(grid(page)), { timeout: 60_000 }).toBe(10);
    await expect.poll(() => counts(page)).toEqual(['10 trang', 'chưa có trang', 'chưa có trang']);
    expect(await panel(page).locator('.scan-item--empty').count()).toBe(2);
    // The first scan at this counter made its scanner the counter's default; the clerk saves the settings for the procedure.
    const profiles = () => rpc.call<{ default: { device: string } | null; procedures: { procedureCode: string; device: string; dpi: number }[] }>('scans.profiles', {});
    await expect.poll(async () => (await profiles()).default?.device).toBe(await device.inputValue());
    await press(page, 'Lưu cấu hình quét cho thủ tục này');
    await expect.poll(async () => (await profiles()).procedures.map((p) => [p.device, p.dpi])).toEqual([[await device.inputValue(), Number(lowest)]]);
    const before = await gridOrder(page);
    expect((await tray()).filter((p) => p.itemCode === items[0]).sort((a, b) => a.position - b.position).map((p) => p.id)).toEqual(before);

    // Ctrl+→ moves the first page one place later; focus stays on it.
    await grid(page).getByTestId('scan-page').first().focus();
    await page.keyboard.press('Control+ArrowRight');
    const moved = [before[1]!, before[0]!, ...before.slice(2)];
    await expect.poll(() => gridOrder(page)).toEqual(moved);
    await expect.poll(() => focusedPage(page)).toBe(before[0]);
    expect((await tray()).filter((p) => p.itemCode === items[0]).sort((a, b) => a.position - b.position).map((p) => p.id)).toEqual(moved);
    await expect.poll(() => page.getByTestId('live-polite').textContent()).toContain('vị trí 2/10');

    // R turns it a quarter clockwise (the core makes the images again); its name says so.
    await page.keyboard.press('r');
    await expect.poll(async () => (await tray()).find((p) => p.id === before[0])?.rotation, { timeout: 30_000 }).toBe(90);
    await expect.poll(() => grid(page).locator(`li[data-page="${before[0]}"] button`).getAttribute('aria-label')).toContain('xoay 90°');

    // M gives the page to another received item (the dialog's first choice, the second item; Enter confirms).
    await page.keyboard.press('m');
    const assign = page.getByTestId('scan-assign-dialog');
    await assign.waitFor({ state: 'visible' });
    await expectAccessible(page, 'assign dialog');
    await page.keyboard.press('Enter');
    await assign.waitFor({ state: 'hidden' });
    await expect.poll(() => counts(page)).toEqual(['9 trang', '1 trang', 'chưa có trang']);
    expect(await panel(page).locator('.scan-item--empty').count()).toBe(1);
    firstItemOrder = moved.filter((id) => id !== before[0]);
    await expect.poll(() => gridOrder(page)).toEqual(firstItemOrder);
    expect((await tray()).find((p) => p.id === before[0])?.itemCode).toBe(items[1]);
    // Focus is back in the grid, on the page now in the moved one's place.
    await expect.poll(() => focusedPage(page)).toBe(firstItemOrder[1]);
    await expectAccessible(page, 'documents, scanning panel with pages');

    // Receive: the tray goes into the new dossier.
    await press(page, 'Tiếp tục');
    await waitForStep(page, 'review');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-field'))).toBe('fees.confirmed');
    await page.keyboard.press('Space');
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('done').waitFor({ timeout: 15_000 });
    code = ((await page.getByTestId('dossier-code').textContent()) ?? '').trim();
    expect(code).not.toBe('');
    await expect.poll(tray).toEqual([]);
    const view = await rpc.call<{ id: string }>('dossiers.get', { code });
    dossierId = view.id;
    const pages = await rpc.call<PageRow[]>('pages.list', { dossierId });
    expect(pages.filter((p) => p.itemCode === items[0]).sort((a, b) => a.position - b.position).map((p) => p.id)).toEqual(firstItemOrder);
    expect(pages.filter((p) => p.itemCode === items[1]).map((p) => p.id)).toEqual([before[0]]);
    expect(browser.problems.errors).toEqual([]);
  }, 180_000);

  it('the dossier record shows the same pages, and Delete (confirmed) takes one out', async () => {
    const { page } = browser;
    expect(code).not.toBe('');
    await page.keyboard.press('Alt+3');
    await waitForHeading(page, SCREEN_TITLES_VI.dossiers);
    const lookup = page.getByLabel('Mã hồ sơ', { exact: true });
    await lookup.focus();
    await page.keyboard.type(code, { delay: 40 });
    await page.keyboard.press('Enter');
    await page.getByTestId('dossier-detail').waitFor();
    await expect.poll(async () => ((await page.getByTestId('dossier-code').textContent()) ?? '').trim(), { timeout: 10_000 }).toBe(code);

    await expect.poll(() => gridOrder(page), { timeout: 15_000 }).toEqual(firstItemOrder);
    // The procedure's saved profile chooses the scanner and its settings here too.
    await expect.poll(() => panel(page).getByLabel('Độ phân giải', { exact: true }).inputValue(), { timeout: 15_000 }).toBe(lowest);
    expect(await panel(page).getByText('Đang dùng cấu hình quét đã lưu cho thủ tục này.').count()).toBe(1);
    await expect.poll(() => thumbs(grid(page)), { timeout: 30_000 }).toBe(9);
    const recordCounts = await counts(page);
    expect(recordCounts.filter((c) => c !== 'chưa có trang')).toEqual(['9 trang', '1 trang']);
    await expectAccessible(page, 'dossier record, scanning panel');

    // Letters stay with the grid here too (the dossiers screen sends stray typing to its lookup field).
    await grid(page).getByTestId('scan-page').first().focus();
    await page.keyboard.press('r');
    await expect.poll(async () => (await rpc.call<PageRow[]>('pages.list', { dossierId })).find((p) => p.id === firstItemOrder[0])?.rotation, { timeout: 30_000 }).toBe(90);
    expect(await focusedPage(page)).toBe(firstItemOrder[0]);
    await page.keyboard.press('End');
    await expect.poll(() => focusedPage(page)).toBe(firstItemOrder.at(-1));
    await page.keyboard.press('Delete');
    const confirm = page.getByTestId('scan-remove-dialog');
    await confirm.waitFor({ state: 'visible' });
    expect((await focusedSummary(page)).text).toBe('Bỏ trang');
    await page.keyboard.press('Enter');
    await confirm.waitFor({ state: 'hidden' });
    await expect.poll(() => gridOrder(page)).toEqual(firstItemOrder.slice(0, -1));
    const pages = await rpc.call<PageRow[]>('pages.list', { dossierId });
    expect(pages.map((p) => p.id)).not.toContain(firstItemOrder.at(-1));
    expect((await counts(page)).filter((c) => c !== 'chưa có trang')).toEqual(['8 trang', '1 trang']);

    // With the mouse: the second page dragged onto the first takes its place.
    const order = firstItemOrder.slice(0, -1);
    await grid(page).locator('li.scan-page').nth(1).dragTo(grid(page).locator('li.scan-page').nth(0));
    await expect.poll(() => gridOrder(page)).toEqual([order[1], order[0], ...order.slice(2)]);
    expect(browser.problems.errors).toEqual([]);
  }, 120_000);

  it('a paper jam is said in Vietnamese with what to do; Continue carries the batch on into the same item', async () => {
    const { page } = browser;
    expect(dossierId).not.toBe('');
    const sheet = (n: number) => makePng(620, 877, 75, n);
    const script: EsclScript = { pages: [sheet(1), sheet(2), sheet(3), sheet(4)], duplex: false, jamAfter: 2 };
    const escl: EsclServer = await startEsclServer(script);
    try {
      await rpc.call('settings.set', { key: 'scanning.esclUrls', value: [escl.url] });
      // The record is open: look for scanners again, then choose the eSCL one with the arrows.
      await press(page, 'Tìm lại máy quét');
      const device = panel(page).getByLabel('Máy quét', { exact: true });
      await expect.poll(() => device.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)), { timeout: 30_000 }).toContain(`escl:${escl.url}`);
      await device.focus();
      await page.keyboard.press('Home');
      for (let i = 0; i < 10 && (await device.inputValue()) !== `escl:${escl.url}`; i++) await page.keyboard.press('ArrowDown');
      expect(await device.inputValue()).toBe(`escl:${escl.url}`);
      await expect.poll(() => panel(page).getByLabel('Nguồn giấy', { exact: true }).inputValue(), { timeout: 15_000 }).toBe('adf');

      // Into an item that has no pages yet (the radios: arrows choose).
      const empty = (await counts(page)).indexOf('chưa có trang');
      expect(empty).toBeGreaterThan(-1);
      await panel(page).getByRole('radio').first().focus();
      for (let i = 0; i < empty; i++) await page.keyboard.press('ArrowDown');
      const item = await panel(page).getByTestId('scan-item').nth(empty).getAttribute('data-item');
      expect(await panel(page).getByRole('radio').nth(empty).isChecked()).toBe(true);

      await press(page, 'Bắt đầu quét');
      const status = panel(page).getByTestId('scan-status');
      await expect.poll(() => status.getAttribute('data-status'), { timeout: 60_000 }).toBe('jammed');
      expect(await status.textContent()).toContain('Kẹt giấy');
      expect(await panel(page).getByTestId('scan-stop-message').textContent()).toContain('gỡ tờ giấy bị kẹt');
      await expect.poll(() => page.getByTestId('live-assertive').textContent()).toContain('Kẹt giấy');
      const kept = (await rpc.call<PageRow[]>('pages.list', { dossierId })).filter((p) => p.itemCode === item);
      expect(kept).toHaveLength(2);
      await expectAccessible(page, 'dossier record, scan stopped by a jam');
      // The keyboard user who pressed Start is now on Continue.
      await expect.poll(async () => (await focusedSummary(page)).text).toBe('Tiếp tục');

      // The jam is cleared: the feeder now holds the two sheets left.
      script.jamAfter = undefined;
      script.pages = [sheet(3), sheet(4)];
      await page.keyboard.press('Enter');
      await expect.poll(() => status.getAttribute('data-status'), { timeout: 60_000 }).toBe('completed');
      await expect.poll(async () => (await focusedSummary(page)).text).toBe('Bắt đầu quét');
      await expect.poll(async () => (await rpc.call<PageRow[]>('pages.list', { dossierId })).filter((p) => p.itemCode === item).length, { timeout: 30_000 }).toBe(4);
      const after = (await rpc.call<PageRow[]>('pages.list', { dossierId })).filter((p) => p.itemCode === item).sort((a, b) => a.position - b.position);
      // The pages kept before the jam come first, then the rest of the same batch.
      expect(after.slice(0, 2).map((p) => p.id)).toEqual(kept.sort((a, b) => a.position - b.position).map((p) => p.id));
      expect(new Set(after.map((p) => (p as PageRow & { batchId: string }).batchId)).size).toBe(1);
      await expect.poll(() => panel(page).getByTestId('scan-item-count').nth(empty).textContent()).toBe('4 trang');

      // Insert on the second page scans the next sheet in before it.
      script.pages = [sheet(5)];
      await expect.poll(() => gridOrder(page)).toEqual(after.map((p) => p.id));
      await grid(page).getByTestId('scan-page').nth(1).focus();
      await page.keyboard.press('Insert');
      await expect.poll(async () => (await rpc.call<PageRow[]>('pages.list', { dossierId })).filter((p) => p.itemCode === item).length, { timeout: 30_000 }).toBe(5);
      const inserted = (await rpc.call<PageRow[]>('pages.list', { dossierId })).filter((p) => p.itemCode === item).sort((a, b) => a.position - b.position);
      expect(inserted.map((p) => p.id).filter((id) => !after.some((a) => a.id === id))).toEqual([inserted[1]!.id]);
      expect(inserted.map((p) => p.id)).toEqual([after[0]!.id, inserted[1]!.id, ...after.slice(1).map((p) => p.id)]);
      await expect.poll(() => status.getAttribute('data-status'), { timeout: 60_000 }).toBe('completed');

      // Enter opens the page; Esc closes it and focus comes back to the page.
      await expect.poll(() => gridOrder(page)).toEqual(inserted.map((p) => p.id));
      await grid(page).getByTestId('scan-page').first().focus();
      await page.keyboard.press('Enter');
      const viewer = page.getByTestId('scan-page-viewer');
      await viewer.waitFor({ state: 'visible' });
      await expect.poll(() => viewer.locator('img, .notice').count(), { timeout: 15_000 }).toBe(1);
      await expectAccessible(page, 'page viewer');
      await page.keyboard.press('Escape');
      await viewer.waitFor({ state: 'hidden' });
      expect(await focusedPage(page)).toBe(inserted[0]!.id);
      expect(browser.problems.errors).toEqual([]);
    } finally {
      await escl.close();
    }
  }, 180_000);
});
