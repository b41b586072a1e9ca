/**
 * (d) axe-core finds no accessibility violations on any screen: first run, login (also with errors), every route,
 * the help overlay and the logout dialog, the access-denied and not-found pages, and the English UI.
 * All rules stay on (AxeBuilder's defaults, best practices included).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type BrowserSession } from '../helpers/browser';
import { ADMIN, CLERK, connectRpc, startWebMode, type WebMode } from '../helpers/web-mode';
import { fillLogin, formErrorText, login, loginForm, SCREEN_ORDER, SCREEN_TITLES_VI, setupForm, waitForHeading } from './steps';

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `   ${n.target.join(' ')} — ${n.failureSummary?.replace(/\n/g, ' ')}`).join('\n')}`,
  );
}

describe('accessibility (axe)', () => {
  let web: WebMode;
  let browser: BrowserSession;

  beforeAll(async () => {
    web = await startWebMode();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await web?.stop();
  });

  it('first-run setup page, empty and with errors', async () => {
    const { page } = browser;
    await page.goto(web.url);
    await setupForm(page).waitFor();
    expect(await violations(page)).toEqual([]);

    await page.keyboard.press('Enter');
    await formErrorText(page);
    expect(await violations(page)).toEqual([]);
  });

  it('login page, empty and after a wrong password', async () => {
    const { page } = browser;
    const rpc = await connectRpc(web.url);
    await rpc.call('auth.setupAdmin', ADMIN);
    await rpc.call('users.create', { ...CLERK, role: 'clerk' });
    rpc.close();
    await page.reload();
    await loginForm(page).waitFor();
    expect(await violations(page)).toEqual([]);

    await fillLogin(page, ADMIN.username, 'not-the-password');
    await page.keyboard.press('Enter');
    await formErrorText(page);
    expect(await violations(page)).toEqual([]);
  });

  it('every screen of the app', async () => {
    const { page } = browser;
    await login(page, ADMIN);
    for (const [i, id] of SCREEN_ORDER.entries()) {
      await page.keyboard.press(`Alt+${i + 1}`);
      await waitForHeading(page, SCREEN_TITLES_VI[id]);
      if (id === 'settings') await page.getByTestId('system-info').waitFor();
      expect({ screen: id, violations: await violations(page) }).toEqual({ screen: id, violations: [] });
    }
    // The search in the pages' text (Dossiers), opened with its shortcut.
    await page.keyboard.press('F3');
    await waitForHeading(page, 'Tìm trong nội dung hồ sơ');
    expect({ screen: 'search', violations: await violations(page) }).toEqual({ screen: 'search', violations: [] });
  });

  it('help overlay and logout dialog open', async () => {
    const { page } = browser;
    await page.keyboard.press('Alt+1');
    await waitForHeading(page, SCREEN_TITLES_VI.reception);
    await page.keyboard.press('F1');
    await page.getByTestId('help-overlay').waitFor({ state: 'visible' });
    expect(await violations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByTestId('help-overlay').waitFor({ state: 'hidden' });

    await page.keyboard.press('Control+KeyL');
    await page.getByTestId('logout-dialog').waitFor({ state: 'visible' });
    expect(await violations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await loginForm(page).waitFor();
    expect(await violations(page)).toEqual([]); // with the "logged out" notice
  });

  it('access denied, not found, and the English interface', async () => {
    const { page } = browser;
    await login(page, CLERK);
    await page.goto(`${web.url}/#/supervisor`);
    await waitForHeading(page, 'Không có quyền truy cập');
    expect(await violations(page)).toEqual([]);

    await page.goto(`${web.url}/#/no-such-screen`);
    await waitForHeading(page, 'Không tìm thấy trang');
    expect(await violations(page)).toEqual([]);

    await page.getByRole('button', { name: 'English' }).click();
    await waitForHeading(page, 'Page not found');
    expect(await violations(page)).toEqual([]);
  });
});
