/**
 * Settings → "Quầy và biểu mẫu": the fee receipt form number and series per agency (hardening #13, item 15).
 * An admin enters them for the ward police, a half-filled or malformed entry is refused beside its field before
 * anything is saved, and the core holds what was saved; the screen stays axe-clean.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type BrowserSession } from '../helpers/browser';
import { ADMIN, connectRpc, seedAccounts, startWebMode, type RpcClient, type WebMode } from '../helpers/web-mode';
import { login, SCREEN_TITLES_VI, waitForHeading } from './steps';

const WARD_POLICE = 'G01.27.10.H12';

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}`);
}

describe('fee receipt series in Settings', () => {
  let web: WebMode;
  let browser: BrowserSession;
  let rpc: RpcClient;

  beforeAll(async () => {
    web = await startWebMode();
    await seedAccounts(web.url);
    rpc = await connectRpc(web.url);
    await rpc.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    rpc?.close();
    await browser?.close();
    await web?.stop();
  });

  it('saves the form number and series of one agency, refusing a half-filled or malformed entry', async () => {
    const { page } = browser;
    await page.goto(web.url);
    await login(page, ADMIN);
    await page.keyboard.press('Alt+5');
    await waitForHeading(page, SCREEN_TITLES_VI.settings);
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
});
