/** (e) Switching to English changes the texts (and <html lang>), is remembered over a reload, and switches back. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type BrowserSession } from '../helpers/browser';
import { ADMIN, seedAccounts, startWebMode, type WebMode } from '../helpers/web-mode';
import { formErrorText, loginForm, mainHeading, waitForHeading } from './steps';

describe('language switch', () => {
  let web: WebMode;
  let browser: BrowserSession;

  beforeAll(async () => {
    web = await startWebMode();
    await seedAccounts(web.url);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await web?.stop();
  });

  it('switches the login page to English and remembers it', async () => {
    const { page } = browser;
    await page.goto(web.url);
    await loginForm(page).waitFor();
    expect(await page.locator('h1').textContent()).toBe('Đăng nhập');

    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Log in');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    expect(await loginForm(page).getByLabel('Username').count()).toBe(1);
    expect(await page.title()).toBe('Log in — MotCua Desk');

    // Errors from the core are shown in the chosen language too (looked up by code in the catalogue).
    await loginForm(page).getByLabel('Username').fill(ADMIN.username);
    await loginForm(page).getByLabel('Password').fill('wrong-password');
    await page.keyboard.press('Enter');
    expect(await formErrorText(page)).toBe('Wrong username or password.');

    await page.reload();
    await loginForm(page).waitFor();
    expect(await page.locator('h1').textContent()).toBe('Log in');
  });

  it('shows the app in English after login, and switches back to Vietnamese', async () => {
    const { page } = browser;
    await loginForm(page).getByLabel('Username').fill(ADMIN.username);
    await loginForm(page).getByLabel('Password').fill(ADMIN.password);
    await page.keyboard.press('Enter');
    await waitForHeading(page, 'Dossier reception');
    expect(await page.getByRole('navigation').textContent()).toContain('Queue');
    expect(await page.getByTestId('current-user').textContent()).toContain('Administrator');

    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await waitForHeading(page, 'Tiếp nhận hồ sơ');
    expect(await mainHeading(page).textContent()).toBe('Tiếp nhận hồ sơ');
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    expect(await page.getByRole('navigation').textContent()).toContain('Hàng đợi');
    // The switch is announced in the language switched to, never in the one left.
    await expect.poll(() => page.getByTestId('live-polite').textContent()).toBe('Đã chuyển ngôn ngữ sang Tiếng Việt.');
    await page.getByRole('button', { name: 'English' }).click();
    await waitForHeading(page, 'Dossier reception');
    await expect.poll(() => page.getByTestId('live-polite').textContent()).toBe('Language switched to English.');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await waitForHeading(page, 'Tiếp nhận hồ sơ');
  });
});
