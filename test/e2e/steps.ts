/** Shared UI steps of the e2e tests, written against what users see (labels, headings, roles). */
import AxeBuilder from '@axe-core/playwright';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, type BrowserSession } from '../helpers/browser';
import { ADMIN, connectRpc, seedAccounts, type Account, type RpcClient, type WebMode } from '../helpers/web-mode';

export const SCREEN_TITLES_VI = {
  reception: 'Tiếp nhận hồ sơ',
  queue: 'Hàng đợi',
  dossiers: 'Hồ sơ',
  supervisor: 'Giám sát',
  settings: 'Cài đặt và thiết bị',
  kiosk: 'Lấy số thứ tự',
  display: 'Bảng hiển thị số thứ tự',
} as const;

/** Screens in shortcut order (Alt+1 …). */
export const SCREEN_ORDER = ['reception', 'queue', 'dossiers', 'supervisor', 'settings', 'kiosk', 'display'] as const;

export const loginForm = (page: Page) => page.getByTestId('login-form');
export const setupForm = (page: Page) => page.getByTestId('setup-form');
export const mainHeading = (page: Page) => page.locator('main h1');

export async function fillLogin(page: Page, username: string, password: string): Promise<void> {
  const form = loginForm(page);
  await form.getByLabel('Tên đăng nhập').fill(username);
  await form.getByLabel('Mật khẩu').fill(password);
}

export async function login(page: Page, acc: Account): Promise<void> {
  await fillLogin(page, acc.username, acc.password);
  await page.keyboard.press('Enter');
  await page.getByTestId('current-user').waitFor();
}

export async function waitForHeading(page: Page, text: string): Promise<void> {
  await page.locator('main h1', { hasText: text }).waitFor();
}

/** The text of the assertive form error (role=alert) currently shown. */
export async function formErrorText(page: Page): Promise<string> {
  const box = page.getByTestId('form-error').first();
  await expect.poll(async () => ((await box.textContent()) ?? '').trim(), { timeout: 10_000 }).not.toBe('');
  return ((await box.textContent()) ?? '').trim();
}

/**
 * One snapshot of the focused element (tag, trimmed text, data-testid); it does not wait. Where focus moves
 * asynchronously, poll it: `await expect.poll(() => focusedSummary(page)).toMatchObject({ tag: 'h1' })`.
 */
export async function focusedSummary(page: Page): Promise<{ tag: string; text: string; testId: string | null }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { tag: el?.tagName.toLowerCase() ?? '', text: (el?.textContent ?? '').trim(), testId: el?.getAttribute('data-testid') ?? null };
  });
}

/**
 * An administrator's two ways into a running web core: an RPC session (setup and checks behind the screen) and the
 * browser, logged in. Close with closeAdminSessions.
 */
export async function openAdminSessions(web: WebMode): Promise<{ rpc: RpcClient; browser: BrowserSession }> {
  await seedAccounts(web.url);
  const rpc = await connectRpc(web.url);
  await rpc.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
  const browser = await launchBrowser();
  await browser.page.goto(web.url);
  await login(browser.page, ADMIN);
  return { rpc, browser };
}

export async function closeAdminSessions(s: { rpc?: RpcClient | undefined; browser?: BrowserSession | undefined; web?: WebMode | undefined }): Promise<void> {
  s.rpc?.close();
  await s.browser?.close();
  await s.web?.stop();
}

/** axe-core's findings on the page as it is now, one readable line per rule with the nodes it names. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `   ${n.target.join(' ')} — ${n.failureSummary?.replace(/\n/g, ' ')}`).join('\n')}`);
}

/** No axe-core violation on the page; `where` names the screen state in the failure. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  expect({ where, violations: await axeViolations(page) }).toEqual({ where, violations: [] });
}

/** Keyboard activation of a control: focus it (as Tab would), then Enter. */
export async function activate(page: Page, locator: ReturnType<Page['locator']>): Promise<void> {
  await locator.focus();
  await page.keyboard.press('Enter');
}
