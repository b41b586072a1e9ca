/**
 * Sync from the UI, keyboard only, in Chromium against real web mode and the reference central server started in
 * this test (PostgreSQL from the run's private cluster, 127.0.0.1):
 * - Not enrolled: the header says so. Settings → Đồng bộ: an address that is not one is refused beside its field
 *   before sending; a token the central does not know is refused beside the token field; the central's one-time
 *   token enrols the counter and the status shows the central and the counter id.
 * - With the central stopped, a dossier received (RPC) waits: the header counts it; "Đồng bộ ngay" finds the
 *   central unreachable — the header says offline, the dialog gives the reason in Vietnamese, the outbox lists the
 *   dossier's items with it. With the central back, "Đồng bộ ngay" drains the outbox, the central holds the dossier,
 *   the header shows the last success.
 * - A clerk sees the status and "Đồng bộ ngay", not enrolment nor the outbox (the contract's access).
 * axe-core passes in every state.
 */
import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCentralServer, type CentralServer } from '../../central/server/index';
import { createPool, type Db } from '../../central/store/db';
import { createEnrolToken } from '../../central/store/devices';
import { listDossiers } from '../../central/store/dossiers';
import type { BrowserSession } from '../helpers/browser';
import { NGUYEN_THI_HUYNH, personInput } from '../helpers/people';
import { createTestDatabase, dropTestDatabase, pgAvailable } from '../helpers/postgres';
import { CLERK, makeTempDir, startWebMode, type RpcClient, type WebMode } from '../helpers/web-mode';
import { activate, closeAdminSessions, expectAccessible, login, openAdminSessions, SCREEN_TITLES_VI, waitForHeading } from './steps';

const WARD = '000.27.10.H12';
const PARENTAGE = '1.001695';
const COUNTER = 'Q07';

const text = async (l: ReturnType<Page['locator']>) => ((await l.textContent()) ?? '').replace(/\s+/g, ' ').trim();

describe.skipIf(!pgAvailable)('sync in the UI (reference central server on 127.0.0.1)', () => {
  let web: WebMode;
  let browser: BrowserSession;
  let rpc: RpcClient;
  let databaseUrl = '';
  let blobDir = '';
  let central: CentralServer | null = null;
  let db: Db;
  let port = 0;

  beforeAll(async () => {
    databaseUrl = await createTestDatabase('syncui');
    blobDir = makeTempDir('motcua-central-');
    central = await startCentralServer({ databaseUrl, blobDir, port: 0, host: '127.0.0.1' });
    port = central.port;
    db = createPool(databaseUrl, 2);
    web = await startWebMode();
    ({ rpc, browser } = await openAdminSessions(web));
  });
  afterAll(async () => {
    await closeAdminSessions({ rpc, browser, web });
    await central?.close();
    await db?.end();
    if (databaseUrl) await dropTestDatabase(databaseUrl);
    if (blobDir) rmSync(blobDir, { recursive: true, force: true });
  });

  const header = () => browser.page.getByTestId('sync-status');
  const section = () => browser.page.getByTestId('settings-sync');

  it('says "not enrolled" in the header; enrolment refuses a bad address and an unknown token beside their fields, then enrols', async () => {
    const { page } = browser;
    await expect.poll(() => header().getAttribute('data-state'), { timeout: 10_000 }).toBe('not_enrolled');
    expect(await text(header())).toBe('Đồng bộ: quầy chưa đăng ký');

    // Settings → Đồng bộ by the keyboard: the tabs' last is Printers, Sync is just before it.
    await page.keyboard.press('Alt+5');
    await waitForHeading(page, SCREEN_TITLES_VI.settings);
    await page.getByRole('tab', { selected: true }).focus();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    expect(await page.getByRole('tab', { selected: true }).textContent()).toBe('Đồng bộ');
    await section().getByTestId('sync-enrol-form').waitFor();
    expect(await text(section().getByTestId('sync-overview'))).toContain('Quầy chưa đăng ký với hệ thống Một cửa trung tâm');
    await expectAccessible(page, 'header and settings, sync, not enrolled');

    const address = section().getByLabel('Địa chỉ máy chủ trung tâm');
    const token = section().getByLabel('Mã đăng ký dùng một lần');
    const fieldError = (l: ReturnType<Page['locator']>) => l.locator('xpath=ancestor::div[contains(@class,"field")][1]').locator('.field__error');
    // Not an address (no http://): refused before sending, beside the field, which gets focus.
    // Addresses and tokens are pasted (Ctrl+V), as a clerk does with a token sent to them: fill() is the paste.
    await address.fill(`127.0.0.1:${port}`);
    await token.fill('khong-phai-ma-that');
    await token.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => address.getAttribute('aria-invalid')).toBe('true');
    expect(await text(fieldError(address))).toContain('Địa chỉ không đúng dạng');
    await expect.poll(() => address.evaluate((el) => el === document.activeElement)).toBe(true);

    // A real central, a token it never issued: the core's refusal shows beside the token.
    await address.fill(central!.url);
    await page.keyboard.press('Enter');
    await expect.poll(() => token.getAttribute('aria-invalid'), { timeout: 15_000 }).toBe('true');
    expect(await address.getAttribute('aria-invalid')).toBeNull();
    const refused = await text(fieldError(token));
    expect(refused).toMatch(/mã đăng ký/i);
    await expectAccessible(page, 'settings, sync, token refused');

    // The central's one-time token (as `npm run central -- token --counter Q07` prints it) enrols the counter.
    const issued = await createEnrolToken(db, COUNTER);
    await token.fill(issued);
    await token.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('live-polite').textContent(), { timeout: 15_000 }).toContain(`Đã đăng ký quầy ${COUNTER}`);
    await expect.poll(() => section().getByTestId('sync-counter').textContent()).toBe(COUNTER);
    expect(await section().getByTestId('sync-central').textContent()).toBe(central!.url);
    await expect.poll(() => header().getAttribute('data-state')).not.toBe('not_enrolled');
    expect(await text(header())).not.toContain('chưa đăng ký');
    // The status as the core has it: enrolled with this central.
    expect(await rpc.call('sync.status', {})).toMatchObject({ enrolled: true, counterId: COUNTER, central: central!.url });
    expect(browser.problems.errors).toEqual([]);
  });

  it('a dossier received while the central is down waits (offline, with the reason in Vietnamese); "Đồng bộ ngay" drains it once the central is back', async () => {
    const { page } = browser;
    await central!.close();
    central = null;
    const dossier = await rpc.call<{ id: string; code: string }>('dossiers.receive', {
      agencyCode: WARD,
      procedureCode: PARENTAGE,
      applicant: personInput(NGUYEN_THI_HUYNH),
      checklist: [
        { itemCode: 'TP1', mark: 3 },
        { itemCode: 'TP2', mark: 2 },
      ],
    });
    // The header counts it as waiting (live from sync.changed).
    await expect.poll(() => header().getAttribute('data-pending'), { timeout: 15_000 }).toBe('1');
    expect(await text(header())).toContain('1 hồ sơ');
    expect(await text(header())).toContain('chờ gửi');

    // "Đồng bộ ngay" with the central stopped: offline, with the reason.
    await activate(page, section().getByTestId('sync-now'));
    await expect.poll(() => header().getAttribute('data-state'), { timeout: 20_000 }).toBe('offline');
    await expect.poll(() => page.getByTestId('live-polite').textContent(), { timeout: 20_000 }).toMatch(/^Đồng bộ xong: đã gửi 0, còn \d+/);
    expect(await text(header())).toContain('mất kết nối trung tâm');
    expect(Number(await header().getAttribute('data-errors'))).toBeGreaterThan(0);
    // The outbox (an admin sees it) lists the dossier's items, pending, with the reason.
    const rows = section().getByTestId('sync-outbox-items').locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await text(rows.first().locator('th'))).toBe(dossier.code);
    expect(await rows.first().getAttribute('data-state')).toBe('pending');
    await expect.poll(() => text(rows.first().getByTestId('sync-item-reason'))).toMatch(/trung tâm/);
    expect(await rows.first().getByRole('button', { name: `Thử lại ngay mục 1 của hồ sơ ${dossier.code}` }).count()).toBe(1);

    // The header opens the dialog by the keyboard: the reason in Vietnamese.
    await activate(page, header());
    const dialog = page.getByTestId('sync-dialog');
    await dialog.waitFor({ state: 'visible' });
    expect(await text(dialog.getByTestId('sync-activity'))).toBe('Mất kết nối máy chủ trung tâm');
    const reasons = await text(dialog.getByTestId('sync-errors'));
    expect(reasons).toContain('Sẽ thử lại');
    expect(reasons).toMatch(/trung tâm/);
    await expectAccessible(page, 'sync dialog, offline');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    // The central is back (same address): "Đồng bộ ngay" from the dialog drains the outbox.
    central = await startCentralServer({ databaseUrl, blobDir, port, host: '127.0.0.1' });
    await activate(page, header());
    await dialog.waitFor({ state: 'visible' });
    await activate(page, dialog.getByTestId('sync-now'));
    await expect.poll(() => header().getAttribute('data-pending'), { timeout: 30_000 }).toBe('0');
    await expect.poll(() => header().getAttribute('data-state'), { timeout: 10_000 }).toBe('idle');
    // The errors of the offline spell are gone with it (the status is read again after the last event).
    await expect.poll(() => text(header()), { timeout: 10_000 }).toMatch(/^Đồng bộ: đã gửi hết · Đồng bộ lần cuối \d\d:\d\d$/);
    expect(await text(dialog.getByTestId('sync-waiting'))).toBe('Không còn gì chờ gửi');
    await expect.poll(() => page.getByTestId('live-polite').textContent(), { timeout: 10_000 }).toMatch(/Đồng bộ xong|Đã gửi hết/);
    const held = await listDossiers(db);
    expect(held.map((d) => d.code)).toEqual([dossier.code]);
    await expectAccessible(page, 'sync dialog, all sent');
    await page.keyboard.press('Escape');
    await expect.poll(() => text(section().getByTestId('sync-outbox-count'))).toBe('Không có mục nào chờ gửi hoặc bị từ chối.');
    expect(browser.problems.errors).toEqual([]);
  });

  it('shows a clerk the status and "Đồng bộ ngay", without enrolment or the outbox', async () => {
    const { page } = browser;
    await rpc.call('users.create', { ...CLERK, role: 'clerk' });
    await page.keyboard.press('Control+KeyL');
    await page.getByTestId('logout-dialog').waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await login(page, CLERK);
    await expect.poll(() => text(header())).toMatch(/^Đồng bộ: đã gửi hết · Đồng bộ lần cuối/);
    await page.keyboard.press('Alt+5');
    await waitForHeading(page, SCREEN_TITLES_VI.settings);
    await page.getByRole('tab', { selected: true }).focus();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    expect(await page.getByRole('tab', { selected: true }).textContent()).toBe('Đồng bộ');
    await expect.poll(() => section().getByTestId('sync-counter').textContent()).toBe(COUNTER);
    expect(await section().getByTestId('sync-now').count()).toBe(1);
    expect(await section().getByTestId('sync-enrol-form').count()).toBe(0);
    expect(await section().getByTestId('sync-outbox').count()).toBe(0);
    expect(browser.problems.errors).toEqual([]);
  });
});
