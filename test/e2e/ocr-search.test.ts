/**
 * OCR and search at the counter, keyboard only, in Chromium against real web mode: a dossier is received, two
 * small pages are scanned into it from an eSCL scanner on 127.0.0.1 (a few Vietnamese words, and a page of marks
 * with no words), and the clerk watches the record while the core reads them: each page gets its OCR badge, the
 * page with no words is flagged "Cần xem lại" and accepted from the page toolbar, the header's queue line empties,
 * the checklist document's searchable PDF becomes ready and "Tải PDF" saves it (bytes start with %PDF). F3 opens
 * the search screen with the cursor in its box; a query typed without diacritics finds the page, the match is
 * highlighted, arrow down and Enter open the dossier at that page, and Back returns to the same results; a query
 * with no match says so in Vietnamese. At reception, a page scanned into the clerk's tray shows its badge too.
 * axe-core passes on the record with OCR badges, on the search screen and on the tray.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type BrowserSession } from '../helpers/browser';
import { startEsclServer, type EsclScript, type EsclServer } from '../helpers/escl-server';
import { NGUYEN_THI_HUYNH, personInput, qrOf } from '../helpers/people';
import { ADMIN, CLERK, connectRpc, seedAccounts, startWebMode, type RpcClient, type WebMode } from '../helpers/web-mode';
import { expectAccessible, focusedSummary, login, SCREEN_TITLES_VI, waitForHeading } from './steps';

const WARD = '000.27.10.H12';
// Đăng ký nhận cha, mẹ, con: TP1 is the declaration form (accepted as an original, mark 3).
const PARENTAGE = '1.001695';
const ITEM = 'TP1';
const ITEM_NAME = 'Tờ khai đăng ký nhận cha, mẹ, con (theo mẫu)';
const DPI = 300;
const LINES = ['Giấy chứng nhận quyền sử dụng đất', 'Ủy ban nhân dân phường Đống Đa'];

interface PageOcrRow {
  pageId: string;
  state: string;
  confidence: number | null;
  flagged: boolean;
  review: string | null;
}
interface OcrDossier {
  pages: PageOcrRow[];
  documents: { itemCode: string; state: string }[];
}

/** A few lines of Vietnamese, a small gray page at 300 dpi: OCR reads it in a second or two. */
async function textPage(lines: readonly string[]): Promise<Buffer> {
  const fontPx = (14 / 72) * DPI;
  const margin = Math.round(DPI / 4);
  const width = Math.round(DPI * 4.5);
  const height = Math.round(margin * 2 + fontPx * 1.8 * lines.length);
  const texts = lines.map((l, i) => `<text x="${margin}" y="${Math.round(margin + fontPx + i * fontPx * 1.8)}">${l}</text>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#fff"/><g font-family="DejaVu Sans" font-size="${fontPx.toFixed(1)}" fill="#000">${texts}</g></svg>`;
  return sharp(Buffer.from(svg), { density: 72 }).flatten({ background: '#ffffff' }).withDensity(DPI).toColourspace('b-w').png().toBuffer();
}

/** Ink that is not writing (thick bars and dots): not blank for the pipeline, no words for OCR, so it is flagged. */
async function marksPage(): Promise<Buffer> {
  const shapes = [
    '<rect x="120" y="90" width="900" height="40"/>',
    '<rect x="120" y="200" width="40" height="160"/>',
    '<circle cx="600" cy="300" r="70"/>',
    '<rect x="800" y="240" width="260" height="120"/>',
  ].join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1350" height="450"><rect width="100%" height="100%" fill="#fff"/><g fill="#000">${shapes}</g></svg>`;
  return sharp(Buffer.from(svg), { density: 72 }).flatten({ background: '#ffffff' }).withDensity(DPI).toColourspace('b-w').png().toBuffer();
}

const grid = (page: Page) => page.getByTestId('scan-panel').getByTestId('scan-grid');
const badgeOf = (page: Page, pageId: string) => grid(page).locator(`li[data-page="${pageId}"] [data-testid="ocr-badge"]`);
const focusedPage = (page: Page) => page.evaluate(() => (document.activeElement?.closest('li.scan-page') as HTMLElement | null)?.dataset.page ?? null);

describe('OCR badges, searchable PDF and search (eSCL scanner on 127.0.0.1)', () => {
  let web: WebMode;
  let browser: BrowserSession;
  let rpc: RpcClient;
  let escl: EsclServer;
  let script: EsclScript;
  let dossier: { id: string; code: string };
  let textPageId = '';
  let marksPageId = '';

  beforeAll(async () => {
    web = await startWebMode();
    await seedAccounts(web.url, { clerk: true });
    rpc = await connectRpc(web.url);
    await rpc.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
    script = { pages: [await textPage(LINES), await marksPage()], duplex: false };
    escl = await startEsclServer(script);
    await rpc.call('settings.set', { key: 'scanning.esclUrls', value: [escl.url] });
    const view = await rpc.call<{ id: string; code: string }>('dossiers.receive', {
      agencyCode: WARD,
      procedureCode: PARENTAGE,
      applicant: personInput(NGUYEN_THI_HUYNH),
      checklist: [
        { itemCode: ITEM, mark: 3 },
        { itemCode: 'TP2', mark: 2 },
      ],
    });
    dossier = { id: view.id, code: view.code };
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    rpc?.close();
    await escl?.close();
    await browser?.close();
    await web?.stop();
  });

  const ocrOf = () => rpc.call<OcrDossier>('ocr.dossier', { dossierId: dossier.id });

  it('the record shows each page read by OCR, a flagged page is accepted, and the PDF downloads', async () => {
    const { page } = browser;
    await page.goto(web.url);
    await login(page, CLERK);
    await page.keyboard.press('Alt+3');
    await waitForHeading(page, SCREEN_TITLES_VI.dossiers);
    const lookup = page.getByLabel('Mã hồ sơ', { exact: true });
    await lookup.focus();
    await page.keyboard.type(dossier.code, { delay: 60 });
    await page.keyboard.press('Enter');
    await page.getByTestId('dossier-detail').waitFor();
    await page.getByTestId('dossier-ocr').waitFor();
    expect(await page.getByTestId('dossier-ocr').textContent()).toContain('Hồ sơ chưa có trang quét nào.');

    // Two sheets through the feeder, into the declaration form, while the record is open.
    await rpc.call('scans.start', {
      device: `escl:${escl.url}`,
      target: { dossierId: dossier.id, itemCode: ITEM },
      settings: { source: 'adf', color: 'gray', dpi: DPI },
      separators: false,
    });
    await expect.poll(async () => (await rpc.call<{ id: string; position: number; state: string }[]>('pages.list', { dossierId: dossier.id })).filter((p) => p.state === 'ready').length, { timeout: 60_000 }).toBe(2);
    const pages = (await rpc.call<{ id: string; position: number }[]>('pages.list', { dossierId: dossier.id })).sort((a, b) => a.position - b.position);
    textPageId = pages[0]!.id;
    marksPageId = pages[1]!.id;

    // Both are read; the record follows on the push channel (no reload).
    await expect.poll(async () => (await ocrOf()).pages.map((p) => p.state), { timeout: 120_000 }).toEqual(['done', 'done']);
    const read = await ocrOf();
    const text = read.pages.find((p) => p.pageId === textPageId)!;
    const marks = read.pages.find((p) => p.pageId === marksPageId)!;
    expect(text.flagged).toBe(false);
    expect(marks.flagged).toBe(true);
    await expect.poll(() => badgeOf(page, textPageId).getAttribute('data-ocr'), { timeout: 15_000 }).toBe('done');
    expect(await badgeOf(page, textPageId).textContent()).toBe(`Đã đọc chữ ${Math.round(text.confidence!)}%`);
    await expect.poll(() => badgeOf(page, marksPageId).getAttribute('data-ocr'), { timeout: 15_000 }).toBe('flagged');
    expect(await badgeOf(page, marksPageId).textContent()).toMatch(/^Cần xem lại/);
    // The page's name says it too, for a screen reader on the grid.
    expect(await grid(page).locator(`li[data-page="${marksPageId}"] button`).getAttribute('aria-label')).toContain('Cần xem lại');
    const row = page.getByTestId('ocr-documents').locator(`tr[data-item="${ITEM}"]`);
    expect(await row.textContent()).toContain('2/2 trang đã đọc');
    expect(await row.textContent()).toContain('1 trang cần xem lại');
    await expect.poll(() => page.getByTestId('ocr-queue').textContent(), { timeout: 30_000 }).toContain('OCR: không có trang chờ');
    await expectAccessible(page, 'dossier record with OCR badges');

    // The flagged page: selected with the keyboard, then Chấp nhận in its toolbar.
    await grid(page).locator(`li[data-page="${textPageId}"] button`).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => focusedPage(page)).toBe(marksPageId);
    await page.getByTestId('ocr-accept').focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await ocrOf()).pages.find((p) => p.pageId === marksPageId)?.review).toBe('accepted');
    await expect.poll(() => badgeOf(page, marksPageId).getAttribute('data-ocr'), { timeout: 15_000 }).not.toBe('flagged');
    await expect.poll(() => page.getByTestId('live-polite').textContent()).toContain('Đã chấp nhận chữ đã đọc của trang 2');
    await expect.poll(() => row.textContent()).not.toContain('cần xem lại');

    // The searchable PDF of the document: ready with its size, then saved from the keyboard.
    await expect.poll(() => row.getAttribute('data-pdf'), { timeout: 120_000 }).toBe('ready');
    expect(await row.getByTestId('ocr-pdf-state').textContent()).toMatch(/^Sẵn sàng \(\d[\d.]* KB\)$/);
    const button = row.getByRole('button', { name: `Tải PDF của ${ITEM_NAME}` });
    await button.focus();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const saved = readFileSync((await download.path())!);
    expect(saved.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    await expectAccessible(page, 'dossier record, PDF ready');
    expect(browser.problems.errors).toEqual([]);
  }, 300_000);

  it('F3 opens search; a query without diacritics finds the page, Enter opens it there, Back returns to the results', async () => {
    const { page } = browser;
    expect(textPageId).not.toBe('');
    await page.keyboard.press('F3');
    await waitForHeading(page, 'Tìm trong nội dung hồ sơ');
    await expect.poll(() => focusedSummary(page)).toMatchObject({ testId: 'search-input' });
    await expectAccessible(page, 'search screen, empty');

    // No match: said in Vietnamese.
    await page.keyboard.type('khong co tu nay zzqx', { delay: 60 }); // a clerk typing: 35 ms gaps are a scanner's burst (wedge)
    // Every key reached the box (a loaded machine must not lose focus or keys), then the answer, or the error shown.
    await expect.poll(() => page.getByTestId('search-input').inputValue()).toBe('khong co tu nay zzqx');
    // Answers to what was typed so far may show first (the search runs as the clerk pauses): wait for the last one.
    const answer = page.getByTestId('search-none').or(page.getByTestId('search-error'));
    await expect
      .poll(async () => ((await answer.count()) > 0 ? await answer.first().textContent() : ''), { timeout: 45_000 })
      .toContain('Không tìm thấy trang nào có "khong co tu nay zzqx"');
    await expectAccessible(page, 'search screen, no results');

    // F3 again selects the box's text: typing replaces it. No diacritics, đ typed as d.
    await page.keyboard.press('F3');
    await page.keyboard.type('quyen su dung dat', { delay: 60 });
    // The query goes into the address once typing pauses (Back will come back to it).
    await expect.poll(() => page.url(), { timeout: 15_000 }).toContain('q=quyen+su+dung+dat');
    const hit = page.getByTestId('search-hit').first();
    await expect.poll(() => hit.getAttribute('data-page-id'), { timeout: 15_000 }).toBe(textPageId);
    await expect.poll(() => hit.locator('mark').count()).toBe(4);
    expect(await hit.textContent()).toContain(`${dossier.code} — ${ITEM_NAME}, trang 1`);
    const marked = (await hit.locator('mark').allTextContents()).join(' ');
    expect(marked).toContain('quyền');
    expect(marked).toContain('đất');
    await expectAccessible(page, 'search screen with results');

    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focusedSummary(page)).toMatchObject({ testId: 'search-hit' });
    await page.keyboard.press('Enter');
    await page.getByTestId('dossier-detail').waitFor();
    await expect.poll(async () => ((await page.getByTestId('dossier-code').textContent()) ?? '').trim(), { timeout: 10_000 }).toBe(dossier.code);
    // Opened at the page: it is selected in its item's grid and has focus.
    await expect.poll(() => focusedPage(page), { timeout: 15_000 }).toBe(textPageId);
    expect(await grid(page).getAttribute('data-item')).toBe(ITEM);

    await page.goBack();
    await waitForHeading(page, 'Tìm trong nội dung hồ sơ');
    expect(await page.getByTestId('search-input').inputValue()).toBe('quyen su dung dat');
    await expect.poll(() => page.getByTestId('search-hit').first().getAttribute('data-page-id'), { timeout: 15_000 }).toBe(textPageId);
    expect(browser.problems.errors).toEqual([]);
  }, 120_000);

  it('at reception, pages scanned into the clerk\'s tray show their OCR badge before the dossier exists', async () => {
    const { page } = browser;
    const clerk = await connectRpc(web.url);
    try {
      await clerk.call('auth.login', { username: CLERK.username, password: CLERK.password });
      await page.keyboard.press('Alt+1');
      await waitForHeading(page, SCREEN_TITLES_VI.reception);
      await page.getByTestId('applicant-form').waitFor();
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.type(qrOf(NGUYEN_THI_HUYNH), { delay: 5 });
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('applicant-block').getByLabel(/^Họ và tên/).inputValue(), { timeout: 10_000 }).toBe(NGUYEN_THI_HUYNH.fullName);
      await page.keyboard.type('0912345678', { delay: 60 });
      await page.keyboard.press('Enter');
      const step = () => page.getByTestId('reception-step').getAttribute('data-step');
      await expect.poll(step, { timeout: 10_000 }).toBe('procedure');
      await page.keyboard.type('nhan cha me con', { delay: 40 });
      const options = page.getByTestId('procedure-results').getByRole('option');
      await expect.poll(async () => (await options.allTextContents()).findIndex((t) => t.startsWith('Đăng ký nhận cha, mẹ, con')), { timeout: 10_000 }).toBeGreaterThan(-1);
      const index = (await options.allTextContents()).findIndex((t) => t.startsWith('Đăng ký nhận cha, mẹ, con'));
      for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect.poll(step, { timeout: 10_000 }).toBe('checklist');
      await page.keyboard.press('Space');
      await page.getByRole('button', { name: 'Tiếp tục' }).first().focus();
      await page.keyboard.press('Enter');
      await expect.poll(step, { timeout: 10_000 }).toBe('documents');
      const item = await page.getByTestId('scan-panel').getByTestId('scan-item').first().getAttribute('data-item');

      // One sheet into the clerk's tray (the same clerk, through the API): its badge follows OCR.
      script.pages = [await textPage(['Hợp đồng mua bán nhà ở'])];
      await clerk.call('scans.start', { device: `escl:${escl.url}`, target: { tray: true, itemCode: item }, settings: { source: 'adf', color: 'gray', dpi: DPI }, separators: false });
      const trayPages = () => clerk.call<{ id: string; state: string }[]>('pages.list', { tray: true });
      await expect.poll(async () => (await trayPages()).filter((p) => p.state === 'ready').length, { timeout: 60_000 }).toBe(1);
      const [tray] = await trayPages();
      await expect.poll(async () => (await clerk.call<PageOcrRow>('ocr.page', { pageId: tray!.id })).state, { timeout: 120_000 }).toBe('done');
      await expect.poll(() => badgeOf(page, tray!.id).getAttribute('data-ocr'), { timeout: 15_000 }).toMatch(/^(done|flagged)$/);
      await expectAccessible(page, 'reception tray with OCR badges');
      expect(browser.problems.errors).toEqual([]);
    } finally {
      clerk.close();
    }
  }, 180_000);
});
