/**
 * Reception, keyboard only, in Chromium against real web mode: a CCCD QR typed as a fast keystroke burst with no
 * field focused fills the applicant; a person typing the same text slowly does not; a keyboard-mangled (Telex)
 * QR is refused with the HID POS advice and fills nothing; the procedure is found without diacritics and picked
 * with the arrows; the checklist is ticked with Space; the dossier is received (Ctrl+Enter) and its receipt PDF
 * holds the applicant and the code (pdftotext, qpdf). An incomplete checklist leads to the request to supplement
 * and its slip. axe-core passes on every step.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type BrowserSession } from '../helpers/browser';
import { PDF_TOOLS, pdfText, qpdfCheck } from '../helpers/pdf-tools';
import { ADMIN, connectRpc, makeTempDir, seedAccounts, startWebMode, type RpcClient, type WebMode } from '../helpers/web-mode';
import { expectAccessible, login, SCREEN_TITLES_VI, waitForHeading } from './steps';

const QR = '001185012345|012345678|Huỳnh Thị Ngọc Ánh|15031985|Nữ|Số 12 ngõ 34 phố Đặng Tiến Đông, Phường Đống Đa, Thành phố Hà Nội|10082021';
/** The same card read by a wedge scanner whose keyboard layout typed Telex keys instead of Vietnamese letters. */
const QR_TELEX = '001185012345|012345678|Nguyeenx Vawn A|15031985|Nuwx|Soos 12 ngox 34 phoos Ddawngj Tieens Ddoong|10082021';
const NAME = 'Huỳnh Thị Ngọc Ánh';

/** A keyboard-wedge scan: the whole text within milliseconds per key, then the scanner's Enter. */
async function scan(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text, { delay: 5 });
  await page.keyboard.press('Enter');
}

/** Nothing focused: the scan must be caught anyway. */
async function blur(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
}

const applicant = (page: Page) => page.getByTestId('applicant-block');
/** A field by its visible label (required ones also say "(bắt buộc)" to screen readers). */
const field = (page: Page, label: string) => applicant(page).getByLabel(new RegExp(`^${label}( \\(bắt buộc\\))?$`));
const stepOf = (page: Page) => page.getByTestId('reception-step').getAttribute('data-step');
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { tag: el?.tagName.toLowerCase() ?? '', field: el?.getAttribute('data-field') ?? null };
  });

async function waitForStep(page: Page, step: string): Promise<void> {
  await expect.poll(() => stepOf(page), { timeout: 10_000 }).toBe(step);
}

/** Keyboard activation of a control found by role and name. */
async function press(page: Page, name: string | RegExp, key = 'Enter'): Promise<void> {
  await page.getByRole('button', { name }).first().focus();
  await page.keyboard.press(key);
}

async function pickProcedure(page: Page, query: string, startsWith: string): Promise<void> {
  await waitForStep(page, 'procedure');
  expect((await focused(page)).field).toBe('procedure');
  await page.keyboard.type(query, { delay: 40 }); // a clerk typing, not a scanner burst
  const options = page.getByTestId('procedure-results').getByRole('option');
  await expect.poll(async () => (await options.allTextContents()).some((t) => t.startsWith(startsWith)), { timeout: 10_000 }).toBe(true);
  const names = await options.allTextContents();
  const index = names.findIndex((t) => t.startsWith(startsWith));
  // The best hit is preselected; arrows move through the list.
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  expect(await options.nth(index).getAttribute('aria-selected')).toBe('true');
}

describe('reception', () => {
  let web: WebMode;
  let browser: BrowserSession;
  const downloads = makeTempDir('motcua-rx-dl-');

  beforeAll(async () => {
    web = await startWebMode();
    await seedAccounts(web.url);
    browser = await launchBrowser();
    await browser.page.goto(web.url);
    await login(browser.page, ADMIN);
    await browser.page.keyboard.press('Alt+1');
    await waitForHeading(browser.page, SCREEN_TITLES_VI.reception);
  });
  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    rmSync(downloads, { recursive: true, force: true });
  });

  it('step 1 is accessible before anything is entered', async () => {
    await browser.page.getByTestId('applicant-form').waitFor();
    await expectAccessible(browser.page, 'applicant, empty');
  });

  it('a person typing the QR text slowly into the name field is not taken for a scanner', async () => {
    const { page } = browser;
    const name = field(page, 'Họ và tên');
    await name.focus();
    await page.keyboard.type(QR, { delay: 120 });
    await page.keyboard.press('Enter');
    // Every character landed where it was typed; nothing was parsed; Enter submitted the form as usual.
    expect(await name.inputValue()).toBe(QR);
    expect(await field(page, 'Số CCCD').inputValue()).toBe('');
    await expect.poll(() => applicant(page).getByText('Vui lòng nhập số CCCD').count()).toBe(1);
    expect(await page.getByTestId('scan-error').textContent()).toBe('');
    await name.fill('');
  }, 60_000);

  it('a keyboard-mangled (Telex) QR is refused with the HID POS advice and fills nothing', async () => {
    const { page } = browser;
    await blur(page);
    await scan(page, QR_TELEX);
    const error = page.getByTestId('scan-error');
    await expect.poll(() => error.textContent(), { timeout: 10_000 }).toContain('HID POS');
    expect(await error.textContent()).toContain('KHÔNG được lưu');
    expect(await error.textContent()).toContain('Telex');
    for (const label of ['Số CCCD', 'Họ và tên', 'Số CMND cũ', 'Nơi thường trú', 'Ngày sinh']) {
      expect({ label, value: await field(page, label).inputValue() }).toEqual({ label, value: '' });
    }
    await expect.poll(() => page.getByTestId('live-assertive').textContent()).toContain('HID POS');
    await expectAccessible(page, 'applicant, refused scan');
  });

  it('a scan while a text field has focus does not leave its keys in that field', async () => {
    const { page } = browser;
    const ticket = page.getByLabel('Số thứ tự', { exact: true });
    await ticket.focus();
    await scan(page, QR);
    await expect.poll(() => field(page, 'Số CCCD').inputValue(), { timeout: 10_000 }).toBe('001185012345');
    expect(await ticket.inputValue()).toBe('');
    await ticket.focus();
    await page.keyboard.type('A15');
    expect(await ticket.inputValue()).toBe('A15');
  });

  it('a fast keystroke burst with nothing focused fills the applicant from the CCCD QR', async () => {
    const { page } = browser;
    // Start from an empty form: a fresh dossier (Alt+N) after the previous scan.
    await page.keyboard.press('Alt+N');
    await expect.poll(() => field(page, 'Số CCCD').inputValue()).toBe('');
    await blur(page);
    await scan(page, QR);
    await expect.poll(() => field(page, 'Họ và tên').inputValue(), { timeout: 10_000 }).toBe(NAME);
    expect(await field(page, 'Số CCCD').inputValue()).toBe('001185012345');
    expect(await field(page, 'Số CMND cũ').inputValue()).toBe('012345678');
    expect(await field(page, 'Ngày sinh').inputValue()).toBe('15/03/1985');
    expect(await field(page, 'Ngày cấp').inputValue()).toBe('10/08/2021');
    expect(await field(page, 'Giới tính').inputValue()).toBe('female');
    expect(await field(page, 'Nơi thường trú').inputValue()).toBe('Số 12 ngõ 34 phố Đặng Tiến Đông, Phường Đống Đa, Thành phố Hà Nội');
    expect(await page.getByTestId('scan-error').textContent()).toBe('');
    expect(await page.getByTestId('returning-applicant').count()).toBe(0);
    // Focus waits in the phone field, the next thing to ask.
    expect((await focused(page)).field).toBe('applicant.phone');
    await expectAccessible(page, 'applicant, scanned');
  });

  let code = '';

  it('finds "cap giay phep" without diacritics, picks with the keyboard, ticks the checklist, receives', async () => {
    const { page } = browser;
    await page.keyboard.type('0912345678', { delay: 60 }); // a person: ten quick digits and Enter would be a scanner
    await page.keyboard.press('Enter');

    await pickProcedure(page, 'cap giay phep', 'Cấp giấy phép xây dựng mới');
    const marks = await page.getByTestId('procedure-results').getByRole('option').first().locator('mark').allTextContents();
    expect(marks.map((m) => m.toLocaleLowerCase('vi'))).toEqual(['cấp', 'giấy', 'phép']);
    await expectAccessible(page, 'procedure, results');
    await page.keyboard.press('Enter');

    // Checklist: focus on the first "received" box; Space ticks, arrow down moves.
    await waitForStep(page, 'checklist');
    const boxes = page.getByTestId('checklist').locator('input[type=checkbox]');
    expect(await boxes.count()).toBe(4);
    expect((await focused(page)).field).toMatch(/^checklist\..+\.received$/);
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Space');
      await page.keyboard.press('ArrowDown');
    }
    expect(await boxes.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).checked))).toEqual([true, true, true, false]);
    expect(await page.getByTestId('checklist-status').textContent()).toContain('Đủ các thành phần bắt buộc');
    await expectAccessible(page, 'checklist');
    // At 1366 px every copy type fits its box, the longest ("Bản sao chứng thực") included.
    expect(page.viewportSize()?.width).toBe(1366);
    const clipped = await page.getByTestId('checklist').locator('select').evaluateAll((selects) =>
      selects.flatMap((el) => {
        const select = el as HTMLSelectElement;
        const style = getComputedStyle(select);
        const ctx = document.createElement('canvas').getContext('2d')!;
        ctx.font = style.font;
        // The text area is the box less its padding, border and the drop-down arrow (about 1.25em).
        const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 1.25 * parseFloat(style.fontSize);
        return [...select.options].filter((o) => ctx.measureText(o.text).width > room).map((o) => o.text);
      }),
    );
    expect(clipped).toEqual([]);
    expect(await page.getByTestId('checklist').locator('option', { hasText: 'Bản sao chứng thực' }).count()).toBeGreaterThan(0);
    await press(page, 'Tiếp tục');

    // Attachments: one file for the first document.
    await waitForStep(page, 'documents');
    await page.getByTestId('documents').locator('input[type=file]').first().setInputFiles({ name: 'don-de-nghi.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% test attachment\n') });
    await expect.poll(() => page.getByTestId('documents').getByText('don-de-nghi.pdf').count()).toBe(1);
    // A program named .pdf is refused by its content, in Vietnamese, and not attached.
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(64), Buffer.from('PE\0\0'), Buffer.alloc(200)]);
    await page.getByTestId('documents').locator('input[type=file]').first().setInputFiles({ name: 'hoa-don.pdf', mimeType: 'application/pdf', buffer: exe });
    await expect.poll(() => page.getByTestId('documents').getByRole('alert').first().textContent()).toContain('chương trình chạy được');
    expect(await page.getByTestId('documents').locator('.rx-file__name', { hasText: 'hoa-don.pdf' }).count()).toBe(0);
    await expectAccessible(page, 'documents');
    await press(page, 'Tiếp tục');

    // Review: the fee is collected and confirmed, then Ctrl+Enter receives.
    await waitForStep(page, 'review');
    expect(await page.getByTestId('fees').textContent()).toContain('75.000');
    expect((await focused(page)).field).toBe('fees.collected');
    await page.keyboard.press('Control+Enter');
    // Not confirmed yet: the clerk is sent to the confirmation box.
    await expect.poll(async () => (await focused(page)).field).toBe('fees.confirmed');
    await page.keyboard.press('Space');
    await expectAccessible(page, 'review');
    await page.keyboard.press('Control+Enter');

    const done = page.getByTestId('done');
    await done.waitFor({ timeout: 15_000 });
    code = ((await page.getByTestId('dossier-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^000\.27\.10\.H12-\d{6}-\d{4}/);
    expect((await page.getByTestId('due-date').textContent())?.trim()).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    expect((await page.getByTestId('lookup-pin').textContent())?.trim()).toMatch(/^\d{4,}$/);
    expect(await done.textContent()).toContain(NAME);
    await expect.poll(() => page.getByTestId('live-polite').textContent()).toContain(code);
    await expectAccessible(page, 'done');
  }, 60_000);

  it.skipIf(PDF_TOOLS.skip)('downloads the receipt and the fee receipt as PDFs naming the applicant and the code', async () => {
    const { page } = browser;
    for (const form of ['receipt', 'bien-lai']) {
      const button = page.locator(`button[data-form="${form}"][data-layout="a4"]`);
      await button.focus();
      const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      const file = path.join(downloads, `${form}.pdf`);
      await download.saveAs(file);
      expect(download.suggestedFilename()).toMatch(/\.pdf$/);
      expect(qpdfCheck(file)).toMatch(/No syntax or stream encoding errors/);
      const text = pdfText(file);
      expect({ form, name: text.includes(NAME) }).toEqual({ form, name: true });
      expect({ form, code: text.replace(/\s+/g, '').includes(code) }).toEqual({ form, code: true });
    }
    expect(await page.getByTestId('download-status').textContent()).toContain('.pdf');
    expect(browser.problems.errors).toEqual([]);
  });

  it('an incomplete checklist leads to the request to supplement and its slip', async ({ skip }) => {
    const { page } = browser;
    await page.keyboard.press('Alt+N');
    await waitForStep(page, 'applicant');
    await blur(page);
    await scan(page, QR);
    // A returning applicant: the phone from the last dossier comes back.
    await page.getByTestId('returning-applicant').waitFor({ timeout: 10_000 });
    expect(await field(page, 'Số điện thoại').inputValue()).toBe('0912345678');
    await page.keyboard.press('Enter');

    await pickProcedure(page, 'cap giay phep xay', 'Cấp giấy phép xây dựng mới');
    await page.keyboard.press('Enter');
    await waitForStep(page, 'checklist');
    expect((await focused(page)).field).toMatch(/^checklist\..+\.received$/);
    await page.keyboard.press('Space'); // only the first document
    await press(page, 'Tiếp tục');
    await waitForStep(page, 'documents');
    // Today (Vietnam time) is made a day off: receiving now is outside working hours, which is said, not blocked.
    const rpc = await connectRpc(web.url);
    await rpc.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
    const today = String(new Date(Date.now() + 7 * 3_600_000).getUTCDay());
    const windows = Object.fromEntries(['0', '1', '2', '3', '4', '5', '6'].filter((d) => d !== today).map((d) => [d, [['07:30', '17:00']]]));
    await rpc.call('calendar.setWindows', { windows });
    try {
      await press(page, 'Tiếp tục');
      await waitForStep(page, 'review');
      await page.getByTestId('after-hours').waitFor({ timeout: 10_000 });
      expect(await page.getByTestId('after-hours').textContent()).toContain('ngoài giờ làm việc');
      await expectAccessible(page, 'review, outside working hours');
    } finally {
      await rpc.call('calendar.setWindows', { windows: null });
      rpc.close();
    }
    await page.keyboard.press('Control+Enter');

    const incomplete = page.getByTestId('incomplete');
    await incomplete.waitFor({ timeout: 10_000 });
    const listed = await incomplete.locator('li').allTextContents();
    expect(listed).toHaveLength(2);
    expect(listed.every((l) => l.includes('chưa nộp'))).toBe(true);
    await expectAccessible(page, 'review, incomplete');

    await incomplete.getByRole('button', { name: 'Lập phiếu yêu cầu bổ sung' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('supplement-dialog');
    await dialog.waitFor({ state: 'visible' });
    const reasons = dialog.locator('textarea[data-field^="items."]');
    expect(await reasons.count()).toBe(2);
    // The clerk edits the first reason.
    await reasons.first().fill('Nộp bản vẽ số BV-07 có chữ ký.');
    await expectAccessible(page, 'supplement dialog');
    await dialog.getByTestId('supplement-submit').focus();
    await page.keyboard.press('Enter');

    await page.getByTestId('done').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('done').textContent()).toContain('Đã lập phiếu yêu cầu bổ sung');
    const slipCode = ((await page.getByTestId('dossier-code').textContent()) ?? '').trim();
    expect(slipCode).not.toBe(code);
    const button = page.locator('button[data-form="supplement"][data-layout="a4"]');
    await button.focus();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const file = path.join(downloads, 'supplement.pdf');
    await download.saveAs(file);
    skip(PDF_TOOLS.skip, PDF_TOOLS.reason);
    qpdfCheck(file);
    const text = pdfText(file);
    expect(text).toContain(NAME);
    expect(text.replace(/\s+/g, '')).toContain(slipCode);
    // The clerk's edited reason is on the slip (table cells wrap, so one short token is compared).
    expect(text).toContain('BV-07');
    await expectAccessible(page, 'done, supplement');
  }, 60_000);

  it('pasting the QR text into its field and pressing Enter fills the applicant too', async () => {
    const { page } = browser;
    await page.keyboard.press('Alt+N');
    await waitForStep(page, 'applicant');
    const paste = page.getByLabel('Dán mã QR');
    await paste.fill(QR); // what Ctrl+V puts there
    await paste.press('Enter');
    await expect.poll(() => field(page, 'Họ và tên').inputValue(), { timeout: 10_000 }).toBe(NAME);
    expect(await field(page, 'Số CCCD').inputValue()).toBe('001185012345');
    expect(await paste.inputValue()).toBe('');
  });

  it('a short fast burst that is not a scan reaches its field intact, also when Tab follows at once', async () => {
    const { page } = browser;
    await page.keyboard.press('Alt+N');
    await waitForStep(page, 'applicant');
    const email = field(page, 'Thư điện tử');
    await email.focus();
    await page.keyboard.type('anh.nguyen@vidu.vn'); // no delay: faster than any scanner, but too short for a QR
    await expect.poll(() => email.inputValue()).toBe('anh.nguyen@vidu.vn');
    const phone = field(page, 'Số điện thoại');
    await phone.focus();
    await page.keyboard.type('0912 345 678');
    await page.keyboard.press('Tab');
    expect(await phone.inputValue()).toBe('0912 345 678');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-field'))).toBe('applicant.email');
    expect(await page.getByTestId('scan-status').textContent()).toBe('');
  });

  it('refuses with a reason; a core error is shown beside its field and nothing typed is lost', async ({ skip }) => {
    const { page } = browser;
    await blur(page);
    await scan(page, QR);
    await expect.poll(() => field(page, 'Họ và tên').inputValue(), { timeout: 10_000 }).toBe(NAME);
    // Accepted on screen, refused by the core's stricter check (a one-letter top-level domain).
    await field(page, 'Thư điện tử').fill('anh@vidu.c');
    await field(page, 'Thư điện tử').press('Enter');
    await pickProcedure(page, 'dang ky ket hon', 'Đăng ký kết hôn');
    await page.keyboard.press('Enter');
    await waitForStep(page, 'checklist');
    expect((await focused(page)).field).toMatch(/^checklist\..+\.received$/);
    await page.keyboard.press('Space');
    await press(page, 'Tiếp tục');
    await waitForStep(page, 'documents');
    await press(page, 'Tiếp tục');
    await waitForStep(page, 'review');
    expect(await page.getByTestId('fees').textContent()).toContain('không thu phí');

    const reason = 'Hồ sơ không thuộc thẩm quyền giải quyết của UBND phường (mã LD-42).';
    await press(page, 'Từ chối');
    const dialog = page.getByTestId('refuse-dialog');
    await dialog.waitFor({ state: 'visible' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-field'))).toBe('reason');
    await page.keyboard.type(reason, { delay: 40 }); // a fast typist, not a scanner
    expect(await dialog.locator('textarea').inputValue()).toBe(reason);
    await expectAccessible(page, 'refuse dialog');
    await dialog.getByTestId('refuse-submit').focus();
    await page.keyboard.press('Enter');

    // The core named applicant.email: the clerk is taken there, the error is beside it.
    await waitForStep(page, 'applicant');
    const email = field(page, 'Thư điện tử');
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-field'))).toBe('applicant.email');
    expect(await applicant(page).locator('.field--invalid .field__error').textContent()).toBeTruthy();
    expect(await field(page, 'Họ và tên').inputValue()).toBe(NAME);
    await expectAccessible(page, 'applicant, core error');

    await email.fill('anh@vidu.vn');
    expect(await email.getAttribute('aria-invalid')).toBeNull();
    await page.locator('button[data-step="review"]').focus();
    await page.keyboard.press('Enter');
    await waitForStep(page, 'review');
    await press(page, 'Từ chối');
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.locator('textarea').inputValue()).toBe(reason);
    await dialog.getByTestId('refuse-submit').focus();
    await page.keyboard.press('Enter');

    await page.getByTestId('done').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('done').textContent()).toContain('Đã từ chối tiếp nhận hồ sơ');
    expect(await page.getByTestId('due-date').count()).toBe(0);
    const refusedCode = ((await page.getByTestId('dossier-code').textContent()) ?? '').trim();
    await page.locator('button[data-form="refusal"][data-layout="80mm"]').focus();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const file = path.join(downloads, 'refusal.pdf');
    await download.saveAs(file);
    skip(PDF_TOOLS.skip, PDF_TOOLS.reason);
    qpdfCheck(file);
    const text = pdfText(file);
    expect(text.replace(/\s+/g, '')).toContain(refusedCode);
    expect(text).toContain('LD-42');
    expect(browser.problems.errors).toEqual([]);
  }, 60_000);

  it('a refused scan never leaves the previous applicant in the form, and says so', async () => {
    const { page } = browser;
    await page.keyboard.press('Alt+N');
    await waitForStep(page, 'applicant');
    await blur(page);
    await scan(page, QR);
    await expect.poll(() => field(page, 'Họ và tên').inputValue(), { timeout: 10_000 }).toBe(NAME);
    // The next citizen's card is mangled by the scanner: refused, and the previous person is gone.
    await blur(page);
    await scan(page, QR_TELEX);
    await expect.poll(() => page.getByTestId('scan-error').textContent(), { timeout: 10_000 }).toContain('HID POS');
    for (const label of ['Số CCCD', 'Họ và tên', 'Số CMND cũ', 'Nơi thường trú', 'Ngày sinh', 'Ngày cấp', 'Số điện thoại']) {
      expect({ label, value: await field(page, label).inputValue() }).toEqual({ label, value: '' });
    }
    await expect.poll(() => page.getByTestId('scan-cleared').isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId('live-assertive').textContent()).toContain('đã được xoá khỏi biểu mẫu');
    await expectAccessible(page, 'applicant, refused after an accepted scan');
  });

  it('the dossier being received survives a reload (kept per clerk by the core) until it is discarded', async () => {
    const { page } = browser;
    const rpc: RpcClient = await connectRpc(web.url);
    try {
      await rpc.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
      await page.keyboard.press('Alt+N');
      await waitForStep(page, 'applicant');
      await blur(page);
      await scan(page, QR);
      await expect.poll(() => field(page, 'Họ và tên').inputValue(), { timeout: 10_000 }).toBe(NAME);
      await field(page, 'Số điện thoại').fill('0912 345 678');
      const saved = async () => ((await rpc.call<{ data: string } | null>('reception.getDraft', {})) ?? { data: '' }).data;
      await expect.poll(saved, { timeout: 10_000 }).toContain('0912 345 678');

      await page.reload();
      await waitForHeading(page, SCREEN_TITLES_VI.reception);
      await page.getByTestId('draft-restored').waitFor({ timeout: 10_000 });
      expect(await field(page, 'Họ và tên').inputValue()).toBe(NAME);
      expect(await field(page, 'Số CCCD').inputValue()).toBe('001185012345');
      expect(await field(page, 'Số điện thoại').inputValue()).toBe('0912 345 678');
      await expectAccessible(page, 'applicant, draft restored');

      await page.getByTestId('draft-restored').getByRole('button').click();
      await expect.poll(() => field(page, 'Họ và tên').inputValue()).toBe('');
      expect(await page.getByTestId('draft-restored').count()).toBe(0);
      await expect.poll(() => rpc.call('reception.getDraft', {}), { timeout: 10_000 }).toBeNull();
    } finally {
      rpc.close();
    }
  }, 60_000);

  it('a receipt QR scanned at reception opens that dossier instead of starting over', async () => {
    const { page } = browser;
    expect(code).not.toBe('');
    await page.keyboard.press('Alt+1');
    await waitForHeading(page, SCREEN_TITLES_VI.reception);
    await blur(page);
    await scan(page, `https://dichvucong.example.vn/tra-cuu?code=${encodeURIComponent(code)}`);
    await waitForHeading(page, SCREEN_TITLES_VI.dossiers);
    await expect.poll(async () => ((await page.getByTestId('dossier-code').textContent()) ?? '').trim(), { timeout: 10_000 }).toBe(code);
    // A bare code (a receipt printed without a lookup page) too, from the reception screen with a field focused.
    await page.keyboard.press('Alt+1');
    await waitForHeading(page, SCREEN_TITLES_VI.reception);
    await page.getByLabel('Số thứ tự', { exact: true }).focus();
    await scan(page, code);
    await waitForHeading(page, SCREEN_TITLES_VI.dossiers);
    await expect.poll(async () => ((await page.getByTestId('dossier-code').textContent()) ?? '').trim(), { timeout: 10_000 }).toBe(code);
    await page.keyboard.press('Alt+1');
    await waitForHeading(page, SCREEN_TITLES_VI.reception);
    expect(await page.getByLabel('Số thứ tự', { exact: true }).inputValue()).toBe('');
  }, 60_000);
});
