/**
 * Settings screen, used with the keyboard where it matters: counter settings (with a bad counter id refused
 * beside its field), the fee receipt form number and series per agency (a half-filled or malformed entry refused
 * beside its field before anything is saved), default working windows (a Saturday morning added; the due-date calculator follows; a bad
 * time reported beside its window), the official holiday file (the year list changes), a catalogue XLSX with
 * two bad rows (both reported by row number, nothing imported), creating a clerk account, and a clerk's
 * read-only view. axe-core finds nothing on any section or open dialog.
 */
import AxeBuilder from '@axe-core/playwright';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type BrowserSession } from '../helpers/browser';
import { ADMIN, CLERK, connectRpc, seedAccounts, startWebMode, type RpcClient, type WebMode } from '../helpers/web-mode';
import { focusedSummary, login, SCREEN_TITLES_VI, waitForHeading } from './steps';
import { startEsclServer } from '../helpers/escl-server';
import { tempDir } from '../helpers/temp';

const WARD_POLICE = 'G01.27.10.H12';

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `   ${n.target.join(' ')} — ${n.failureSummary?.replace(/\n/g, ' ')}`).join('\n')}`);
}

const tab = (page: Page, name: string) => page.getByRole('tab', { name });
const dueResult = (page: Page) => page.getByTestId('due-result');

async function openSection(page: Page, name: string): Promise<void> {
  await tab(page, name).click();
  await expect.poll(() => tab(page, name).getAttribute('aria-selected')).toBe('true');
}

async function computeDue(page: Page, received: string, amount: string, unit: 'days' | 'hours'): Promise<string> {
  const panel = page.getByTestId('settings-due');
  await panel.getByLabel('Thời điểm tiếp nhận').fill(received);
  await panel.getByLabel('Thời hạn giải quyết').fill(amount);
  await panel.getByLabel('Đơn vị').selectOption(unit);
  const before = ((await dueResult(page).textContent()) ?? '').trim();
  await panel.getByRole('button', { name: 'Tính ngày hẹn' }).click();
  await expect.poll(async () => ((await dueResult(page).textContent()) ?? '').trim()).not.toBe('');
  if (before !== '') await page.waitForTimeout(300); // a repeated question may give the same answer
  return ((await dueResult(page).textContent()) ?? '').trim();
}

function dayRow(page: Page, weekday: number): Locator {
  return page.getByTestId('windows-form').locator(`fieldset[data-weekday="${weekday}"]`);
}

/** The catalogue as exported, with two Procedures rows broken (spreadsheet rows 3 and 6). */
async function catalogueWithTwoBadRows(rpc: RpcClient): Promise<Buffer> {
  const exported = await rpc.call<{ contentBase64: string }>('catalogue.export', { format: 'xlsx' });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(exported.contentBase64, 'base64') as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Procedures')!;
  const col = (key: string) => {
    let found = 0;
    ws.getRow(1).eachCell((cell, n) => {
      if (String(cell.value).endsWith(`(${key})`)) found = n;
    });
    if (!found) throw new Error(`no column ${key}`);
    return found;
  };
  ws.getRow(3).getCell(col('processingAmount')).value = -5;
  ws.getRow(6).getCell(col('processingUnit')).value = 'weeks';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('settings screen', () => {
  let web: WebMode;
  let browser: BrowserSession;
  let rpc: RpcClient;

  beforeAll(async () => {
    web = await startWebMode();
    await seedAccounts(web.url, { clerk: true });
    rpc = await connectRpc(web.url);
    await rpc.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    rpc?.close();
    await browser?.close();
    await web?.stop();
  });

  it('saves the counter id and the lookup address, refusing a bad counter id beside its field', async () => {
    const { page } = browser;
    await page.goto(web.url);
    await login(page, ADMIN);
    await page.keyboard.press('Alt+5');
    await waitForHeading(page, SCREEN_TITLES_VI.settings);
    const panel = page.getByTestId('settings-counter');
    const counterId = panel.getByLabel('Mã quầy');
    await panel.getByLabel('Địa chỉ tra cứu in trong mã QR').waitFor();
    expect(await violations(page)).toEqual([]);

    await counterId.fill('3Q');
    await panel.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => counterId.getAttribute('aria-invalid')).toBe('true');
    expect(await panel.textContent()).toContain('Mã quầy "3Q" không hợp lệ');
    expect((await focusedSummary(page)).tag).toBe('input');
    expect(await violations(page)).toEqual([]);

    await counterId.fill('q03');
    await panel.getByLabel('Địa chỉ tra cứu in trong mã QR').fill('https://dichvucong.example.vn/tra-cuu');
    await panel.getByLabel('Địa danh (in trước ngày tháng trên phiếu)').fill('Hà Nội');
    await panel.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(async () => (await rpc.call<{ value: unknown }>('settings.get', { key: 'counter.id' })).value).toBe('Q03');
    await expect.poll(async () => (await rpc.call<{ value: unknown }>('settings.get', { key: 'forms.place' })).value).toBe('Hà Nội');
    expect((await rpc.call<{ value: unknown }>('settings.get', { key: 'forms.lookupUrl' })).value).toBe('https://dichvucong.example.vn/tra-cuu');
    expect(await counterId.getAttribute('aria-invalid')).toBeNull();
  });

  it('saves the fee receipt form number and series of one agency, refusing a half-filled or malformed entry', async () => {
    const { page } = browser;
    const panel = page.getByTestId('settings-fee-receipt');
    const police = panel.locator(`fieldset[data-agency="${WARD_POLICE}"]`);
    await police.getByLabel('Mẫu số biên lai').waitFor();
    // The old per-counter upper line is gone from Settings: each agency carries its own in the catalogue.
    expect(await page.getByTestId('settings-counter').getByLabel('Tên cơ quan cấp trên (in ở đầu phiếu)').count()).toBe(0);
    expect(await violations(page)).toEqual([]);

    await police.getByLabel('Mẫu số biên lai').fill('01blp0-001');
    await panel.getByRole('button', { name: 'Lưu' }).click();
    const series = police.getByLabel('Ký hiệu biên lai');
    await expect.poll(() => series.getAttribute('aria-invalid')).toBe('true');
    expect(await police.textContent()).toContain('Cần nhập cả mẫu số và ký hiệu');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe(`${WARD_POLICE}:series`);
    expect((await rpc.call<{ value: unknown }>('settings.get', { key: 'forms.feeReceiptSeries' })).value).toBeNull();

    await series.fill('AA 25P');
    await panel.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(async () => (await police.textContent()) ?? '').toContain('Chỉ gồm chữ in hoa không dấu');
    expect(await violations(page)).toEqual([]);

    await series.fill('aa-25p');
    await panel.getByRole('button', { name: 'Lưu' }).click();
    await expect
      .poll(async () => (await rpc.call<{ value: unknown }>('settings.get', { key: 'forms.feeReceiptSeries' })).value)
      .toEqual({ [WARD_POLICE]: { formNumber: '01BLP0-001', series: 'AA-25P' } });
    expect(await series.inputValue()).toBe('AA-25P');
    expect(browser.problems.errors).toEqual([]);
  });

  it('adds a Saturday morning to the default hours with the keyboard; the due-date calculator follows', async () => {
    const { page } = browser;
    // Keyboard: the selected tab is in the Tab order, arrows move between tabs.
    await tab(page, 'Quầy và biểu mẫu').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => tab(page, 'Giờ làm việc, ngày nghỉ').getAttribute('aria-selected')).toBe('true');
    expect((await focusedSummary(page)).text).toBe('Giờ làm việc, ngày nghỉ');
    await page.getByTestId('windows-form').waitFor();
    expect(await violations(page)).toEqual([]);

    // Friday 06/03/2026 16:00 + 4 working hours: 1 hour on Friday, 3 on Monday morning.
    expect(await computeDue(page, '06/03/2026 16:00', '4', 'hours')).toBe('Hẹn trả: Thứ Hai, 09/03/2026 11:00');

    const saturday = dayRow(page, 6);
    expect(await saturday.textContent()).toContain('Nghỉ');
    await saturday.getByRole('button', { name: 'Thêm khung giờ cho Thứ Bảy' }).focus();
    await page.keyboard.press('Enter');
    // Focus moves into the new window's start time.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toBe('windows-6-0-start');
    expect(await saturday.getByLabel('Thứ Bảy, khung 1: giờ bắt đầu').inputValue()).toBe('08:00');

    // A time that does not exist: the core's error shows beside that window, focus goes to it.
    const end = saturday.getByLabel('Thứ Bảy, khung 1: giờ kết thúc');
    await end.fill('25:00');
    await page.getByTestId('windows-form').getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => end.getAttribute('aria-invalid')).toBe('true');
    const errorText = await saturday.locator('.field__error').textContent();
    expect(errorText).toContain('Thứ Bảy, khung 1: giờ kết thúc');
    expect(errorText).toContain('25:00');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toBe('windows-6-0-end');
    expect(await violations(page)).toEqual([]);

    await page.keyboard.press('Control+a');
    await page.keyboard.type('12:00');
    await page.keyboard.press('Enter'); // submits the form
    await expect.poll(() => saturday.locator('.field__error').count()).toBe(0);
    const config = await rpc.call<{ defaultWindows: Record<string, string[][]> }>('calendar.getConfig', {});
    expect(config.defaultWindows['6']).toEqual([['08:00', '12:00']]);
    // The calculator asks again by itself: 1 hour on Friday, 3 on Saturday morning.
    await expect.poll(async () => ((await dueResult(page).textContent()) ?? '').trim()).toBe('Hẹn trả: Thứ Bảy, 07/03/2026 11:00');

    // Removing the window again with the keyboard: focus falls back on the day's add button.
    await saturday.getByRole('button', { name: 'Xoá khung 1 của Thứ Bảy' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focusedSummary(page)).text).toContain('Thêm khung giờ');
    await page.getByTestId('windows-form').getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(async () => ((await dueResult(page).textContent()) ?? '').trim()).toBe('Hẹn trả: Thứ Hai, 09/03/2026 11:00');
    expect((await rpc.call<{ defaultWindows: Record<string, string[][]> }>('calendar.getConfig', {})).defaultWindows['6']).toBeUndefined();

    // One agency with its own hours (Friday afternoon off), then back to the default.
    const windows = page.getByTestId('settings-windows');
    await windows.getByLabel('Áp dụng cho').selectOption('G01.27.10.H12');
    expect(await windows.textContent()).toContain('Cơ quan này đang dùng giờ làm việc mặc định.');
    await windows.getByRole('button', { name: 'Khai báo giờ riêng cho cơ quan này' }).click();
    await dayRow(page, 5).getByRole('button', { name: 'Xoá khung 2 của Thứ Sáu' }).click();
    expect(await violations(page)).toEqual([]);
    await page.getByTestId('windows-form').getByRole('button', { name: 'Lưu' }).click();
    await expect
      .poll(async () => (await rpc.call<{ agencyWindows: Record<string, Record<string, string[][]>> }>('calendar.getConfig', {})).agencyWindows['G01.27.10.H12']?.['5'])
      .toEqual([['08:00', '12:00']]);
    const panel = page.getByTestId('settings-due');
    await panel.getByLabel('Giờ làm việc của').selectOption('G01.27.10.H12');
    // Friday 06/03/2026 11:00 + 4 hours at that agency: 1 hour on Friday morning, 3 on Monday.
    expect(await computeDue(page, '06/03/2026 11:00', '4', 'hours')).toBe('Hẹn trả: Thứ Hai, 09/03/2026 11:00');
    await windows.getByRole('button', { name: 'Bỏ giờ riêng, dùng giờ mặc định' }).click();
    await expect.poll(async () => ((await dueResult(page).textContent()) ?? '').trim()).toBe('Hẹn trả: Thứ Sáu, 06/03/2026 16:00');
    await panel.getByLabel('Giờ làm việc của').selectOption('');
    await windows.getByLabel('Áp dụng cho').selectOption('');
  });

  it('loads an official holiday file: the year list changes; a broken file is refused beside the field', async () => {
    const { page } = browser;
    const official = page.getByTestId('settings-official');
    const yearPanel = page.getByTestId('settings-year');
    await yearPanel.getByLabel('Năm', { exact: true }).fill('2027');
    await expect.poll(() => page.getByTestId('year-view').getAttribute('data-year')).toBe('2027');
    expect(await page.getByTestId('year-view').textContent()).toContain('tính theo Bộ luật Lao động');
    expect(await page.getByTestId('year-workdays').textContent()).toContain('Không có ngày làm bù.');
    const builtinRows = await page.getByTestId('year-holidays').locator('tbody tr').count();
    expect(builtinRows).toBeGreaterThan(5);

    const file = official.getByLabel('Tệp lịch nghỉ chính thức (.json)');
    await file.setInputFiles({ name: 'sai.json', mimeType: 'application/json', buffer: Buffer.from('{"years": {"2027": {"holidays": ["2027-02-30"]}}}') });
    await official.getByRole('button', { name: 'Nạp lịch' }).click();
    await expect.poll(() => file.getAttribute('aria-invalid')).toBe('true');
    expect(await official.textContent()).toContain('years.2027.holidays.0');

    const holidays = ['2027-01-01', '2027-02-04', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-04-16', '2027-04-30', '2027-05-01', '2027-09-02', '2027-09-03'];
    const content = JSON.stringify({ years: { '2027': { holidays, workdays: ['2027-02-20'] } } });
    await file.setInputFiles({ name: 'lich-nghi-2027.json', mimeType: 'application/json', buffer: Buffer.from(content) });
    await official.getByRole('button', { name: 'Nạp lịch' }).click();
    await expect.poll(async () => (await page.getByTestId('official-status').textContent()) ?? '').toContain('2027');
    await expect.poll(async () => (await page.getByTestId('year-view').textContent()) ?? '').toContain('theo lịch chính thức đã nạp');
    const dates = await page.getByTestId('year-holidays').locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-date')));
    expect(dates).toEqual(holidays);
    expect(await page.getByTestId('year-workdays').textContent()).toContain('20/02/2027');
    expect(await page.getByTestId('year-workdays').textContent()).toContain('Thứ Bảy');
    expect(await violations(page)).toEqual([]);

    // Dropping it asks first, then the built-in rules come back.
    await official.getByRole('button', { name: 'Bỏ lịch chính thức' }).click();
    const confirm = page.getByTestId('official-clear-dialog');
    await confirm.waitFor({ state: 'visible' });
    expect(await violations(page)).toEqual([]);
    await confirm.getByRole('button', { name: 'Bỏ lịch chính thức' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await expect.poll(async () => (await page.getByTestId('year-view').textContent()) ?? '').toContain('tính theo Bộ luật Lao động');
    await expect.poll(() => page.getByTestId('year-holidays').locator('tbody tr').count()).toBe(builtinRows);
  });

  it('reports every bad row of a catalogue file by its row number and imports nothing', async () => {
    const { page } = browser;
    await openSection(page, 'Danh mục thủ tục');
    const section = page.getByTestId('settings-catalogue');
    expect(await violations(page)).toEqual([]);
    const before = await rpc.call<unknown[]>('catalogue.search', { query: '', limit: 100 });

    const bad = await catalogueWithTwoBadRows(rpc);
    await section.getByLabel('Tệp danh mục (.xlsx hoặc .json)').setInputFiles({
      name: 'danh-muc-loi.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: bad,
    });
    await section.getByLabel('Thay thế: bỏ các thủ tục không có trong tệp').check();
    await section.getByRole('button', { name: 'Nhập danh mục' }).click();
    const issues = page.getByTestId('import-issues');
    await issues.waitFor();
    expect(await page.getByTestId('catalogue-error').textContent()).toContain('tệp có 2 lỗi');
    const rows = await issues.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({ row: tr.querySelector('th')?.textContent, cells: [...tr.querySelectorAll('td')].map((td) => td.textContent) })),
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ row: '3', cells: ['Thủ tục', 'Thời hạn giải quyết', expect.stringContaining('"-5"')] });
    expect(rows[1]).toMatchObject({ row: '6', cells: ['Thủ tục', 'Đơn vị thời hạn', expect.stringContaining('"weeks"')] });
    expect(await violations(page)).toEqual([]);
    // Refused as a whole: the catalogue is unchanged.
    expect(await rpc.call<unknown[]>('catalogue.search', { query: '', limit: 100 })).toEqual(before);

    // The exported file as it was imports fine (merge).
    const good = await rpc.call<{ contentBase64: string }>('catalogue.export', { format: 'json' });
    await section.getByLabel('Tệp danh mục (.xlsx hoặc .json)').setInputFiles({ name: 'danh-muc.json', mimeType: 'application/json', buffer: Buffer.from(good.contentBase64, 'base64') });
    await section.getByLabel('Gộp: thêm mới và cập nhật; giữ các thủ tục không có trong tệp').check();
    await section.getByRole('button', { name: 'Nhập danh mục' }).click();
    await expect.poll(async () => (await page.getByTestId('catalogue-done').textContent()) ?? '').toMatch(/^Đã nhập \d+ cơ quan, \d+ thủ tục\.$/);
    expect(await issues.count()).toBe(0);

    // Export downloads a file.
    const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: 'Xuất JSON' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^danh-muc-thu-tuc-\d{8}\.json$/);
  });

  it('creates a clerk account who can then log in, and sets a password in a dialog', async () => {
    const { page } = browser;
    await openSection(page, 'Tài khoản');
    const form = page.getByTestId('user-create');
    await page.getByTestId('users-table').waitFor();
    expect(await violations(page)).toEqual([]);

    // Mistakes are caught before the call and shown beside their fields.
    await form.getByLabel('Tên đăng nhập').fill('x');
    await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await expect.poll(() => form.getByLabel('Tên đăng nhập').getAttribute('aria-invalid')).toBe('true');
    expect(await violations(page)).toEqual([]);

    await form.getByLabel('Tên đăng nhập').fill('canbo2');
    await form.getByLabel('Họ và tên').fill('Phạm Thị Tiếp Nhận');
    await form.getByLabel('Vai trò').selectOption('clerk');
    await form.locator('input[name="password"]').fill('mat-khau-can-bo-2');
    await form.getByLabel('Nhập lại mật khẩu').fill('mat-khau-can-bo-2');
    await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const row = page.getByTestId('users-table').locator('tr[data-username="canbo2"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('Cán bộ tiếp nhận');
    const other = await connectRpc(web.url);
    try {
      const session = await other.call<{ user: { role: string } }>('auth.login', { username: 'canbo2', password: 'mat-khau-can-bo-2' });
      expect(session.user.role).toBe('clerk');
    } finally {
      other.close();
    }

    // A taken username is the core's error, beside the username.
    await form.getByLabel('Tên đăng nhập').fill('canbo2');
    await form.getByLabel('Họ và tên').fill('Trùng Tên');
    await form.locator('input[name="password"]').fill('mat-khau-can-bo-3');
    await form.getByLabel('Nhập lại mật khẩu').fill('mat-khau-can-bo-3');
    await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await expect.poll(() => form.getByLabel('Tên đăng nhập').getAttribute('aria-invalid')).toBe('true');

    await row.getByRole('button', { name: 'Đặt mật khẩu cho Phạm Thị Tiếp Nhận' }).click();
    const dialog = page.getByTestId('password-dialog');
    await dialog.waitFor({ state: 'visible' });
    expect(await violations(page)).toEqual([]);
    await dialog.locator('input[name="new-password"]').fill('mat-khau-moi-123');
    await dialog.getByLabel('Nhập lại mật khẩu').fill('mat-khau-moi-123');
    await dialog.getByRole('button', { name: 'Đặt mật khẩu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const again = await connectRpc(web.url);
    try {
      await again.call('auth.login', { username: 'canbo2', password: 'mat-khau-moi-123' });
    } finally {
      again.close();
    }

    // Wrong passwords hold the account back; the list shows it and the admin unlocks it, then changes its role.
    const guesser = await connectRpc(web.url);
    for (let i = 0; i < 5; i++) await guesser.call('auth.login', { username: 'canbo2', password: 'sai-mat-khau' }).catch(() => undefined);
    await openSection(page, 'Thiết bị');
    await openSection(page, 'Tài khoản');
    await expect.poll(async () => (await row.getByTestId('user-status').textContent()) ?? '').toMatch(/Tạm khoá đến/);
    expect(await violations(page)).toEqual([]);
    await row.getByRole('button', { name: 'Mở khoá tài khoản Phạm Thị Tiếp Nhận' }).click();
    await expect.poll(async () => (await row.getByTestId('user-status').textContent()) ?? '').not.toMatch(/Tạm khoá/);
    try {
      await guesser.call('auth.login', { username: 'canbo2', password: 'mat-khau-moi-123' });
    } finally {
      guesser.close();
    }
    await row.getByLabel('Vai trò mới của Phạm Thị Tiếp Nhận').selectOption('supervisor');
    await row.getByRole('button', { name: 'Đổi vai trò của Phạm Thị Tiếp Nhận' }).click();
    await expect
      .poll(async () => (await rpc.call<Array<{ username: string; role: string }>>('users.list', {})).find((a) => a.username === 'canbo2')?.role)
      .toBe('supervisor');

    // Another admin sets the role back to clerk: once the list reloads (after disabling the account here), the
    // row's role select shows clerk, not the supervisor role this page applied last.
    const roleSelect = row.getByLabel('Vai trò mới của Phạm Thị Tiếp Nhận');
    expect(await roleSelect.inputValue()).toBe('supervisor');
    const accounts = await rpc.call<Array<{ id: number; username: string }>>('users.list', {});
    await rpc.call('users.setRole', { userId: accounts.find((a) => a.username === 'canbo2')!.id, role: 'clerk' });
    await row.getByRole('button', { name: 'Vô hiệu hoá tài khoản Phạm Thị Tiếp Nhận' }).click();
    await row.getByRole('button', { name: 'Cho dùng lại tài khoản Phạm Thị Tiếp Nhận' }).waitFor();
    expect(await roleSelect.inputValue()).toBe('clerk');
    expect(await row.getByRole('button', { name: 'Đổi vai trò của Phạm Thị Tiếp Nhận' }).isDisabled()).toBe(true);
    await row.getByRole('button', { name: 'Cho dùng lại tài khoản Phạm Thị Tiếp Nhận' }).click();
    await row.getByRole('button', { name: 'Vô hiệu hoá tài khoản Phạm Thị Tiếp Nhận' }).waitFor();

    await openSection(page, 'Thiết bị');
    expect(await page.getByTestId('settings-devices').textContent()).toContain('Máy quét tài liệu');
    expect(await violations(page)).toEqual([]);
  });

  it('configures scanners with the keyboard: an eSCL address added (a bad one refused beside its field) and removed, the folder scanner enabled', async () => {
    const { page } = browser;
    const escl = await startEsclServer({ pages: [] });
    const inbox = tempDir('motcua-e2e-inbox-');
    try {
      await openSection(page, 'Thiết bị');
      const found = page.getByTestId('scanners-found');
      const address = page.getByTestId('scanner-escl').getByLabel('Địa chỉ eSCL');
      await address.waitFor();
      expect(await violations(page)).toEqual([]);

      // A bad address is refused beside the field, focus kept there; nothing is saved.
      // Typed text is filled in: Playwright's instant keystrokes would read as a keyboard-wedge barcode scan.
      await address.focus();
      await address.fill('http://192.168.1.20/scan');
      await page.keyboard.press('Enter');
      await expect.poll(() => address.getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByTestId('scanner-escl').textContent()).toContain('kết thúc bằng /eSCL');
      expect(await address.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await violations(page)).toEqual([]);
      expect((await rpc.call<{ value: unknown }>('settings.get', { key: 'scanning.esclUrls' })).value).toBeNull();

      await address.fill(escl.url);
      await page.keyboard.press('Enter');
      const remove = page.getByRole('button', { name: `Xoá máy quét ${escl.url}` });
      await remove.waitFor();
      expect((await rpc.call<{ value: unknown }>('settings.get', { key: 'scanning.esclUrls' })).value).toEqual([escl.url]);
      // The scanner shows among those found, named by the device, as configured.
      const row = found.locator(`tr[data-uri="escl:${escl.url}"]`);
      await expect.poll(async () => ((await row.count()) ? ((await row.textContent()) ?? '') : ''), { timeout: 30_000 }).toBe(`MotCua Test eSCLescl:${escl.url}đã cấu hình`);
      expect(await violations(page)).toEqual([]);

      // Removed with the keyboard: focus comes back to the address field.
      await remove.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('scanner-escl').textContent()).toContain('Chưa thêm địa chỉ nào.');
      await expect.poll(() => address.evaluate((el) => el === document.activeElement)).toBe(true);
      expect((await rpc.call<{ value: unknown }>('settings.get', { key: 'scanning.esclUrls' })).value).toEqual([]);
      await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(0);

      // The folder scanner: a relative folder is refused by the core beside the field; a full path is saved and listed.
      const folder = page.getByTestId('scanner-folder');
      await folder.getByLabel('Bật máy quét thư mục').focus();
      await page.keyboard.press('Space');
      await folder.getByLabel('Thư mục ảnh').focus();
      await folder.getByLabel('Thư mục ảnh').fill('thu-muc-anh');
      await page.keyboard.press('Enter');
      await expect.poll(() => folder.getByLabel('Thư mục ảnh').getAttribute('aria-invalid')).toBe('true');
      expect(await folder.textContent()).toContain('đường dẫn đầy đủ');
      expect(await violations(page)).toEqual([]);
      await folder.getByLabel('Thư mục ảnh').fill(inbox.dir);
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await rpc.call<{ value: unknown }>('settings.get', { key: 'scanning.folder' })).value).toEqual({ enabled: true, dir: inbox.dir });
      const folderRow = found.locator(`tr[data-uri="folder:${inbox.dir}"]`);
      await expect.poll(async () => ((await folderRow.count()) ? ((await folderRow.textContent()) ?? '') : ''), { timeout: 30_000 }).toContain('đã cấu hình');

      // Searching again with the keyboard keeps it listed.
      await found.getByRole('button', { name: 'Tìm lại máy quét' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => found.getByRole('button', { name: 'Tìm lại máy quét' }).getAttribute('aria-busy'), { timeout: 30_000 }).toBe('false');
      expect(await folderRow.count()).toBe(1);
      expect(await violations(page)).toEqual([]);
    } finally {
      await escl.close();
      inbox.cleanup();
    }
  });

  it('shows a clerk every section read-only, without the accounts', async () => {
    const { page } = browser;
    await page.keyboard.press('Control+KeyL');
    await page.getByTestId('logout-dialog').waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await login(page, CLERK);
    await page.keyboard.press('Alt+5');
    await waitForHeading(page, SCREEN_TITLES_VI.settings);
    expect(await page.getByRole('tab').allTextContents()).toEqual(['Quầy và biểu mẫu', 'Giờ làm việc, ngày nghỉ', 'Danh mục thủ tục', 'Thiết bị', 'Hàng đợi', 'Đồng bộ', 'Máy in']);

    const counter = page.getByTestId('settings-counter');
    await expect.poll(() => counter.getByLabel('Mã quầy').inputValue()).toBe('Q03');
    expect(await counter.getByLabel('Mã quầy').getAttribute('readonly')).not.toBeNull();
    expect(await counter.getByRole('button', { name: 'Lưu' }).count()).toBe(0);
    expect(await violations(page)).toEqual([]);

    await openSection(page, 'Giờ làm việc, ngày nghỉ');
    await page.getByTestId('windows-summary').waitFor();
    expect(await page.getByTestId('windows-form').count()).toBe(0);
    expect(await page.getByTestId('settings-official').getByRole('button').count()).toBe(0);
    // Reading is allowed: the calculator works for everyone.
    expect(await computeDue(page, '06/03/2026 16:00', '4', 'hours')).toBe('Hẹn trả: Thứ Hai, 09/03/2026 11:00');
    expect(await violations(page)).toEqual([]);

    await openSection(page, 'Danh mục thủ tục');
    expect(await page.getByTestId('settings-catalogue').getByRole('button').count()).toBe(0);
    expect(await violations(page)).toEqual([]);

    // Scanners: the clerk sees them and may search again, but changes nothing.
    await openSection(page, 'Thiết bị');
    await page.getByTestId('scanner-folder').getByLabel('Thư mục ảnh').waitFor();
    expect(await page.getByTestId('settings-devices').getByRole('button').allTextContents()).toEqual(['Tìm lại máy quét']);
    expect(await page.getByTestId('scanner-folder').getByLabel('Thư mục ảnh').getAttribute('readonly')).not.toBeNull();
    expect(await violations(page)).toEqual([]);
  });
});
