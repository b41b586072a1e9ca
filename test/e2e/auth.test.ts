/**
 * (b) First-run admin creation, logout, login, wrong password, account lock after 5 wrong passwords;
 * the session survives a page reload and a server restart (the web bridge reconnects and re-binds it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type BrowserSession } from '../helpers/browser';
import { rmSync } from 'node:fs';
import { ADMIN, connectRpc, makeTempDir, startWebMode, type WebMode } from '../helpers/web-mode';
import { fillLogin, formErrorText, login, loginForm, mainHeading, SCREEN_TITLES_VI, setupForm, waitForHeading } from './steps';

const WRONG_CREDENTIALS_VI = 'Tên đăng nhập hoặc mật khẩu không đúng.';
const SESSION_EXPIRED_VI = 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại để tiếp tục.';
const LOCKED_VI = /^Tài khoản tạm khoá do nhập sai mật khẩu nhiều lần\. Thử lại sau \d+ giây/;

describe('login and first run', () => {
  let web: WebMode;
  let browser: BrowserSession;
  const dataDir = makeTempDir();

  beforeAll(async () => {
    web = await startWebMode({ dataDir });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates the first admin, checking the form first', async () => {
    const { page } = browser;
    await page.goto(web.url);
    const form = setupForm(page);
    await form.waitFor();

    // Mismatched passwords are caught before anything is sent.
    await form.getByLabel('Tên đăng nhập').fill(ADMIN.username);
    await form.getByLabel('Họ và tên').fill(ADMIN.displayName);
    await form.getByLabel(/^Mật khẩu/).fill(ADMIN.password);
    await form.getByLabel('Nhập lại mật khẩu').fill('something-else');
    await page.keyboard.press('Enter');
    await expect.poll(() => form.getByText('Hai mật khẩu không khớp').count()).toBe(1);
    expect(await form.getByLabel('Nhập lại mật khẩu').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('confirm');

    await form.getByLabel('Nhập lại mật khẩu').fill(ADMIN.password);
    await page.keyboard.press('Enter');
    await waitForHeading(page, SCREEN_TITLES_VI.reception);
    expect(await page.getByTestId('current-user').textContent()).toContain(ADMIN.displayName);
    expect(await page.getByTestId('current-user').textContent()).toContain('Quản trị hệ thống');
    expect(page.url()).toMatch(/#\/reception$/);
  });

  it('keeps the session over a reload', async () => {
    const { page } = browser;
    await page.reload();
    await waitForHeading(page, SCREEN_TITLES_VI.reception);
    expect(await page.getByTestId('current-user').textContent()).toContain(ADMIN.displayName);
  });

  it('logs out (with confirmation) and logs in again', async () => {
    const { page } = browser;
    await page.getByTestId('logout-button').click();
    const dialog = page.getByTestId('logout-dialog');
    await dialog.getByRole('button', { name: 'Đăng xuất' }).click();
    await loginForm(page).waitFor();
    expect(await page.getByTestId('login-notice').textContent()).toBe('Bạn đã đăng xuất.');

    await login(page, ADMIN);
    await waitForHeading(page, SCREEN_TITLES_VI.reception);
  });

  it('reconnects and re-binds the session after the server restarts', async () => {
    const { page } = browser;
    const port = web.port;
    await web.stop();
    await page.getByTestId('connection-banner').waitFor();
    web = await startWebMode({ dataDir, port });
    await page.getByTestId('connection-banner').waitFor({ state: 'detached', timeout: 20_000 });
    // A call that needs the session: the settings screen reads system.info.
    await page.keyboard.press('Alt+5');
    await waitForHeading(page, SCREEN_TITLES_VI.settings);
    await page.getByTestId('system-info').waitFor();
    expect(await page.getByTestId('system-info').textContent()).toContain('Trình duyệt (chế độ web)');
    expect(await mainHeading(page).textContent()).toBe(SCREEN_TITLES_VI.settings);
  });

  it('returns to the login page with a message when the session is ended elsewhere', async () => {
    const { page } = browser;
    const endAdminSessions = async () => {
      const rpc = await connectRpc(web.url);
      try {
        const s = await rpc.call<{ user: { id: number } }>('auth.login', { username: ADMIN.username, password: ADMIN.password });
        // Setting a password ends every session of that user (here: the browser's too).
        await rpc.call('users.setPassword', { userId: s.user.id, password: ADMIN.password });
      } finally {
        rpc.close();
      }
    };

    // After a reload the kept token is refused.
    await endAdminSessions();
    await page.reload();
    await loginForm(page).waitFor();
    expect(await page.getByTestId('login-notice').textContent()).toBe(SESSION_EXPIRED_VI);

    // Live: the server restarts, the bridge reconnects and the core refuses to re-bind the session.
    await login(page, ADMIN);
    await endAdminSessions();
    const port = web.port;
    await web.stop();
    web = await startWebMode({ dataDir, port });
    await loginForm(page).waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('login-notice').textContent()).toBe(SESSION_EXPIRED_VI);

    // A reload right after the live notice (the token is already dropped) still says why.
    await page.reload();
    await loginForm(page).waitFor();
    expect(await page.getByTestId('login-notice').textContent()).toBe(SESSION_EXPIRED_VI);
  });

  it('shows the Vietnamese error for a wrong password, and locks the account after 5', async () => {
    const { page } = browser;
    await loginForm(page).waitFor();

    // Each wrong login costs a full scrypt (N=2^17, under a second quiet): the waits below are bounded, not timed.
    for (let attempt = 1; attempt <= 5; attempt++) {
      await fillLogin(page, ADMIN.username, `wrong-password-${attempt}`);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('login-form').getByLabel('Mật khẩu').inputValue(), { timeout: 20_000 }).toBe('');
      const text = await formErrorText(page);
      if (attempt < 5) expect(text).toBe(WRONG_CREDENTIALS_VI);
      else expect(text).toMatch(LOCKED_VI);
      // The error is announced: it sits in a role=alert region.
      expect(await page.getByRole('alert').filter({ hasText: text }).count()).toBeGreaterThan(0);
    }

    await fillLogin(page, ADMIN.username, ADMIN.password);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('login-form').getByLabel('Mật khẩu').inputValue(), { timeout: 20_000 }).toBe('');
    expect(await formErrorText(page)).toMatch(LOCKED_VI);
    expect(await page.getByTestId('current-user').count()).toBe(0);
  });

  it('asks for missing fields in Vietnamese without calling the core', async () => {
    const { page } = browser;
    await fillLogin(page, '', '');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('Vui lòng nhập tên đăng nhập.').count()).toBe(1);
    expect(await page.getByText('Vui lòng nhập mật khẩu.').count()).toBe(1);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('username');
  });

  it('had no script errors and no requests leaving this machine', () => {
    // The reconnect test stops the server on purpose: only those WebSocket failures are expected.
    const unexpected = browser.problems.errors.filter((e) => !/WebSocket connection to .*\/rpc' failed/.test(e));
    expect(unexpected).toEqual([]);
    expect(browser.problems.externalRequests).toEqual([]);
  });
});
