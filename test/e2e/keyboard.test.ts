/**
 * (c) Keyboard only: log in, reach every screen with its shortcut (focus lands on the screen's heading), open
 * and close the help overlay (F1, ?, Esc), skip link, logout with Ctrl+L; a clerk cannot reach the supervisor screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type BrowserSession } from '../helpers/browser';
import { ADMIN, CLERK, seedAccounts, startWebMode, type WebMode } from '../helpers/web-mode';
import { focusedSummary, loginForm, mainHeading, SCREEN_ORDER, SCREEN_TITLES_VI, waitForHeading } from './steps';

describe('keyboard only', () => {
  let web: WebMode;
  let browser: BrowserSession;

  beforeAll(async () => {
    web = await startWebMode();
    await seedAccounts(web.url, { clerk: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await web?.stop();
  });

  it('logs in with the keyboard alone: focus starts in the username, Tab to the password, Enter submits', async () => {
    const { page } = browser;
    await page.goto(web.url);
    await loginForm(page).waitFor();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('username');
    await page.keyboard.type(ADMIN.username);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('password');
    await page.keyboard.type(ADMIN.password);
    await page.keyboard.press('Enter');
    await waitForHeading(page, SCREEN_TITLES_VI.reception);
  });

  it('reaches every screen with Alt+1 … Alt+7 and puts focus on its heading', async () => {
    const { page } = browser;
    for (const [i, id] of SCREEN_ORDER.entries()) {
      await page.keyboard.press(`Alt+${i + 1}`);
      await waitForHeading(page, SCREEN_TITLES_VI[id]);
      expect(page.url()).toMatch(new RegExp(`#/${id}$`));
      await expect.poll(() => focusedSummary(page)).toMatchObject({ tag: 'h1', text: SCREEN_TITLES_VI[id] });
      // Kiosk and display board are full screen: no navigation or header.
      const chrome = await page.locator('nav').count();
      expect(chrome).toBe(id === 'kiosk' || id === 'display' ? 0 : 1);
    }
    await page.keyboard.press('Alt+1');
    await waitForHeading(page, SCREEN_TITLES_VI.reception);
  });

  it('opens the help overlay with F1 and ?, lists the shortcuts, closes with Esc and gives focus back', async () => {
    const { page } = browser;
    const help = page.getByTestId('help-overlay');

    await page.keyboard.press('F1');
    await help.waitFor({ state: 'visible' });
    expect(await help.getAttribute('open')).not.toBeNull();
    const rows = await help.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-shortcut')));
    // The global shortcuts, in order, then only those of the screen on show (one registry feeds keys and help).
    const global = [...SCREEN_ORDER.map((s) => `screen.${s}`), 'help', 'logout', 'closeDialog', 'search'];
    expect(rows.filter((r) => global.includes(r ?? ''))).toEqual(global);
    const current = new URL(page.url()).hash.replace(/^#\//, '').split(/[?/]/)[0];
    expect(rows.filter((r) => !global.includes(r ?? '')).every((r) => r?.startsWith(`${current}.`))).toBe(true);
    expect(await help.textContent()).toContain('Mở màn hình Tiếp nhận');
    expect((await focusedSummary(page)).text).toBe('Đóng');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
    expect((await focusedSummary(page)).tag).toBe('h1');

    await page.keyboard.press('?');
    await help.waitFor({ state: 'visible' });
    await page.keyboard.press('Enter'); // the focused Close button
    await help.waitFor({ state: 'hidden' });

    // While the help is open, a screen shortcut closes it and navigates.
    await page.keyboard.press('F1');
    await help.waitFor({ state: 'visible' });
    await page.keyboard.press('Alt+3');
    await help.waitFor({ state: 'hidden' });
    await waitForHeading(page, SCREEN_TITLES_VI.dossiers);
  });

  it('starts Tab order with the skip link, which moves focus to the main content', async () => {
    const { page } = browser;
    await page.reload();
    await waitForHeading(page, SCREEN_TITLES_VI.dossiers);
    // Put the sequential-focus starting point at the top of the document, as a fresh page load does.
    await page.evaluate(() => {
      document.body.tabIndex = -1;
      document.body.focus();
      document.body.removeAttribute('tabindex');
    });
    await page.keyboard.press('Tab');
    expect((await focusedSummary(page)).text).toBe('Bỏ qua, đến nội dung chính');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');
    // Visible focus: the focused nav link gets an outline.
    await page.keyboard.press('Shift+Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).toBe('solid');
  });

  it('file pickers in Settings are Vietnamese buttons the keyboard opens, never the browser\'s "Choose File"', async () => {
    const { page } = browser;
    await page.keyboard.press('Alt+5');
    await waitForHeading(page, SCREEN_TITLES_VI.settings);
    const tab = page.getByRole('tab', { name: 'Giờ làm việc, ngày nghỉ' });
    await tab.click();
    await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
    const official = page.getByTestId('settings-official');
    const button = official.getByRole('button', { name: /^Chọn tệp…/ });
    await expect.poll(() => button.isVisible()).toBe(true);
    expect(await official.getByTestId('file-picker-name').textContent()).toBe('Chưa chọn tệp nào.');
    // The browser's own control (which would say "Choose File" / "No file chosen") takes no space on screen.
    const input = official.locator('input[type=file]');
    expect(await input.evaluate((el) => el.getBoundingClientRect().width * el.getBoundingClientRect().height)).toBeLessThanOrEqual(1);
    expect(await official.innerText()).not.toMatch(/Choose File|No file chosen/);
    // Keyboard: focusing the field (as an error does) lands on the button; Enter opens the file chooser.
    await input.focus();
    expect(await page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('button');
    // Pressed on the button itself: on a loaded machine the panel may still be settling when the key is sent.
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button.press('Enter')]);
    await chooser.setFiles({ name: 'lich-nghi.json', mimeType: 'application/json', buffer: Buffer.from('{"years": {}}') });
    await expect.poll(() => official.getByTestId('file-picker-name').textContent()).toBe('lich-nghi.json');
  });

  it('logs out with Ctrl+L: Esc keeps the session, Enter confirms', async () => {
    const { page } = browser;
    const dialog = page.getByTestId('logout-dialog');
    await page.keyboard.press('Control+KeyL');
    await dialog.waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.getByTestId('current-user').count()).toBe(1);

    await page.keyboard.press('Control+KeyL');
    await dialog.waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await loginForm(page).waitFor();
  });

  it('does not offer the supervisor screen to a clerk', async () => {
    const { page } = browser;
    await page.keyboard.type(CLERK.username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(CLERK.password);
    await page.keyboard.press('Enter');
    await page.getByTestId('current-user').waitFor();
    expect(await page.getByTestId('current-user').textContent()).toContain('Cán bộ tiếp nhận');
    expect(await page.locator('nav [data-screen]').evaluateAll((as) => as.map((a) => a.getAttribute('data-screen')))).toEqual(
      SCREEN_ORDER.filter((s) => s !== 'supervisor'),
    );
    await page.keyboard.press('Alt+2');
    await waitForHeading(page, SCREEN_TITLES_VI.queue);
    await page.keyboard.press('Alt+4'); // supervisor: not available, nothing happens (the hash would change at once)
    expect(await page.evaluate(() => location.hash)).toBe('#/queue');
    expect(await mainHeading(page).textContent()).toBe(SCREEN_TITLES_VI.queue);

    await page.keyboard.press('F1');
    const rows = await page.getByTestId('help-overlay').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-shortcut')));
    expect(rows).not.toContain('screen.supervisor');
    await page.keyboard.press('Escape');

    // Typing the address still does not show it.
    await page.goto(`${web.url}/#/supervisor`);
    await waitForHeading(page, 'Không có quyền truy cập');
    expect(await mainHeading(page).textContent()).toBe('Không có quyền truy cập');
  });

  it('had no script errors', () => {
    expect(browser.problems.errors).toEqual([]);
    expect(browser.problems.externalRequests).toEqual([]);
  });
});
