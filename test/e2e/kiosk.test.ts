/**
 * The kiosk side of the queue (issue #18), in Chromium against real web mode, keyboard only:
 * - a kiosk in a fresh browser profile (no login) shows a 6-digit pairing code; the admin approves it in Settings →
 *   Kiosk và bảng hiển thị (in another browser); the kiosk then shows the services by itself;
 * - the kiosk's printer is set in the same tab (edit dialog); a priority ticket is taken by keyboard and printed on a
 *   loopback ESC/POS printer; the confirmation shows the number, 0 ahead; a second ticket (after a CCCD QR typed into
 *   the scan field) shows 1 ahead; a receipt QR goes straight to the open collect service; a ticket issued elsewhere
 *   updates the kiosk's waiting count live;
 * - the phone's tracking page shows the ticket waiting, then called to its counter; an unknown id says so;
 * - after a reload the kiosk resumes with its kept token (no new code); without a printer the ticket says why it was
 *   not printed and shows its tracking QR; once revoked, its next call sends it back to pairing (the token dropped).
 * axe-core passes on the pairing screen, the settings tab and its dialogs, the kiosk, the confirmation, the track page.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceRecord } from '../../core/contract/pairing';
import type { Ticket } from '../../core/contract/queue';
import { launchBrowser, type BrowserSession } from '../helpers/browser';
import { decodeEscpos, startEscposPrinter } from '../helpers/escpos-printer';
import { startWebMode, type RpcClient, type WebMode } from '../helpers/web-mode';
import { activate, closeAdminSessions, expectAccessible, openAdminSessions, SCREEN_TITLES_VI, waitForHeading } from './steps';

const QR = '001185012345|012345678|Huỳnh Thị Ngọc Ánh|15031985|Nữ|Số 12 ngõ 34 phố Đặng Tiến Đông, Phường Đống Đa, Thành phố Hà Nội|10082021';
const KEY_DELAY = 60;
const TOKEN_KEY = 'motcua.deviceToken.kiosk';

describe('queue: the kiosk, pairing and the tracking page', () => {
  let web: WebMode;
  let rpc: RpcClient;
  let admin: BrowserSession;
  let kiosk: BrowserSession;
  let kp: Page;
  let first: Ticket;
  let pushes = 0;

  const tickets = () => rpc.call<Ticket[]>('queue.tickets', {});
  const service = (code: string) => kp.locator(`[data-testid="kiosk-service"][data-code="${code}"]`);
  const kioskToken = () => kp.evaluate((k) => localStorage.getItem(k), TOKEN_KEY);

  beforeAll(async () => {
    web = await startWebMode();
    ({ rpc, browser: admin } = await openAdminSessions(web));
    // Always open, whatever the hour the tests run at; the sample groups follow the calendar (open or not).
    await rpc.call('queue.saveGroup', { code: 'KIOSK', name: 'Tiếp nhận hồ sơ thử', prefix: 'K', hours: { mode: 'always' } });
    await rpc.call('queue.saveGroup', { code: 'TRAKQ', name: 'Trả kết quả thử', prefix: 'T', purpose: 'collect', hours: { mode: 'always' } });
    await rpc.call('queue.saveGroup', { code: 'SHUT', name: 'Dịch vụ tạm ngừng', prefix: 'S', hours: { mode: 'always' }, active: false });
    kiosk = await launchBrowser();
    kp = kiosk.page;
    // Push events the kiosk receives over its WebSocket (the device's subscription is what the live counts ride on).
    kp.on('websocket', (ws) =>
      ws.on('framereceived', (f) => {
        if (typeof f.payload === 'string' && f.payload.includes('"event":"queue.changed"')) pushes += 1;
      }),
    );
  }, 60_000);
  afterAll(async () => {
    await kiosk?.close();
    await closeAdminSessions({ rpc, browser: admin, web });
  });

  it('pairs a kiosk: its code typed in Settings → Kiosk và bảng hiển thị, then it shows the services', async () => {
    await kp.goto(`${web.url}/#/kiosk`);
    const codeBox = kp.getByTestId('pairing-code');
    await codeBox.waitFor({ timeout: 15_000 });
    const code = (await codeBox.getAttribute('data-code'))!;
    expect(code).toMatch(/^\d{6}$/);
    expect(await kp.locator('main').textContent()).toContain('Cài đặt → Kiosk và bảng hiển thị');
    await expectAccessible(kp, 'kiosk pairing screen');

    const page = admin.page;
    await page.keyboard.press('Alt+5');
    await waitForHeading(page, SCREEN_TITLES_VI.settings);
    await activate(page, page.getByRole('tab', { name: 'Kiosk và bảng hiển thị' }));
    const section = page.getByTestId('settings-paired-devices');
    await section.getByTestId('devices-empty').waitFor();
    await expectAccessible(page, 'settings, kiosks and boards, empty');

    // A wrong code is refused beside its field before anything is sent.
    const codeField = section.getByTestId('pair-code');
    await codeField.focus();
    await page.keyboard.type('12345', { delay: KEY_DELAY });
    await page.keyboard.press('Enter');
    await expect.poll(() => codeField.getAttribute('aria-invalid')).toBe('true');
    await codeField.fill('');
    await page.keyboard.type(code, { delay: KEY_DELAY });
    await section.getByTestId('pair-name').focus();
    await page.keyboard.type('Kiosk sảnh', { delay: KEY_DELAY });
    await page.keyboard.press('Enter');
    await section.locator('tr[data-device="Kiosk sảnh"]').waitFor({ timeout: 10_000 });
    expect(await section.locator('tr[data-device="Kiosk sảnh"]').textContent()).toContain('Kiosk lấy số');
    await expectAccessible(page, 'settings, kiosks and boards, one paired');

    // The kiosk claims its token within a few polls and shows the services: open ones, a closed one says why.
    await service('KIOSK').waitFor({ timeout: 15_000 });
    expect(await kioskToken()).toMatch(/.{20,}/);
    expect(await service('SHUT').getAttribute('aria-disabled')).toBe('true');
    expect(await service('SHUT').textContent()).toContain('Tạm ngừng');
    expect(await service('KIOSK').getAttribute('aria-disabled')).toBeNull();
    await expectAccessible(kp, 'kiosk, services');
  }, 90_000);

  it("takes a priority ticket by keyboard, printed on the kiosk's own printer; the confirmation shows number and people ahead", async () => {
    const printer = await startEscposPrinter();
    // The kiosk's printer, set in the edit dialog of its row.
    const page = admin.page;
    const section = page.getByTestId('settings-paired-devices');
    await activate(page, section.getByRole('button', { name: 'Sửa Kiosk sảnh' }));
    const dialog = page.getByTestId('device-edit-dialog');
    await dialog.getByTestId('device-edit-form').waitFor();
    await expectAccessible(page, 'settings, device edit dialog');
    await dialog.getByTestId('device-edit-printer').focus();
    await page.keyboard.type(printer.uri, { delay: KEY_DELAY });
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await rpc.call<DeviceRecord[]>('pairing.list', {}))[0]?.printerUri, { timeout: 10_000 }).toBe(printer.uri);

    // Priority first (a toggle), then the service: Space and Enter as a keyboard user presses them.
    const elderly = kp.locator('[data-testid="kiosk-priority"][data-reason="elderly"]');
    await elderly.focus();
    await kp.keyboard.press('Space');
    expect(await elderly.getAttribute('aria-pressed')).toBe('true');
    await activate(kp, service('KIOSK'));
    const number = kp.getByTestId('kiosk-ticket-number');
    await number.waitFor({ timeout: 15_000 });
    expect(await number.textContent()).toMatch(/^K\d+$/);
    expect(await kp.getByTestId('kiosk-ticket-ahead').getAttribute('data-ahead')).toBe('0');
    expect(await kp.getByTestId('kiosk-ticket-service').textContent()).toBe('Tiếp nhận hồ sơ thử');
    await expect.poll(() => kp.getByTestId('kiosk-ticket-print').getAttribute('data-printed')).toBe('true');
    await expectAccessible(kp, 'kiosk, ticket confirmation');
    first = (await tickets())[0]!;
    expect(first).toMatchObject({ number: await number.textContent(), service: 'KIOSK', priority: 'elderly', state: 'waiting' });
    await printer.settle();
    const printed = await Promise.all(printer.connections.map((c) => decodeEscpos(c.printed)));
    expect(printed.reduce((n, d) => n + d.completeJobs, 0)).toBe(1);

    // Any key goes back to step 1, with the priority cleared.
    await kp.keyboard.press('Escape');
    await service('KIOSK').waitFor();
    expect(await elderly.getAttribute('aria-pressed')).toBe('false');

    // A CCCD QR typed into the scan field (as a scanner that types slowly does), then the service: one person ahead now.
    await kp.getByTestId('kiosk-scan').focus();
    await kp.keyboard.type(QR, { delay: KEY_DELAY });
    await kp.keyboard.press('Enter');
    await expect.poll(() => kp.getByTestId('kiosk-scan-note').textContent()).toContain('Huỳnh Thị Ngọc Ánh');
    expect(await kp.getByTestId('kiosk-scan').inputValue()).toBe('');
    await activate(kp, service('KIOSK'));
    await number.waitFor({ timeout: 15_000 });
    expect(await kp.getByTestId('kiosk-ticket-ahead').getAttribute('data-ahead')).toBe('1');
    const second = (await tickets()).find((t) => t.id !== first.id && t.service === 'KIOSK');
    expect(second?.applicant).toEqual({ idNumber: '001185012345', fullName: 'Huỳnh Thị Ngọc Ánh' });
    await kp.getByTestId('kiosk-ticket-done').click();
    await service('KIOSK').waitFor();

    // A receipt QR typed into the scan field: a ticket for the open collect service at once.
    await kp.getByTestId('kiosk-scan').focus();
    await kp.keyboard.type('HS-2026-000123', { delay: KEY_DELAY });
    await kp.keyboard.press('Enter');
    await number.waitFor({ timeout: 15_000 });
    expect(await number.textContent()).toMatch(/^T\d+$/);
    expect((await tickets()).find((t) => t.service === 'TRAKQ')).toMatchObject({ purpose: 'collect', receiptCode: 'HS-2026-000123' });
    await activate(kp, kp.getByTestId('kiosk-ticket-done'));
    await service('KIOSK').waitFor();

    // Live counts: a ticket issued elsewhere (a clerk's) shows on the kiosk by the push channel, long before its 30 s re-read.
    const info = service('KIOSK').getByTestId('kiosk-service-info');
    await expect.poll(() => info.textContent()).toContain('2 người đang chờ');
    const pushed = pushes;
    await rpc.call('queue.issue', { service: 'KIOSK', print: false });
    await expect.poll(() => pushes, { timeout: 10_000 }).toBeGreaterThan(pushed);
    await expect.poll(() => info.textContent(), { timeout: 10_000 }).toContain('3 người đang chờ');
  }, 120_000);

  it("the phone's tracking page: waiting with people ahead, then called to a counter; an unknown id says so", async () => {
    const phone = await kiosk.context.newPage();
    try {
      await phone.goto(`${web.url}/#/track/${first.trackingId}`);
      await phone.getByTestId('track-number').waitFor({ timeout: 15_000 });
      expect(await phone.getByTestId('track-number').textContent()).toContain(first.number);
      expect(await phone.getByTestId('track-state').getAttribute('data-state')).toBe('waiting');
      expect(await phone.getByTestId('track-ahead').textContent()).toContain('0');
      await expectAccessible(phone, 'track page, waiting');

      const called = await rpc.call<Ticket>('queue.callNext', { counter: 3 });
      expect(called.id).toBe(first.id); // the priority ticket goes first
      await activate(phone, phone.getByTestId('track-refresh'));
      await expect.poll(() => phone.getByTestId('track-state').getAttribute('data-state')).toBe('called');
      expect(await phone.getByTestId('track-counter').textContent()).toContain('3');
      await expectAccessible(phone, 'track page, called');

      await phone.goto(`${web.url}/#/track/khong-co-so-nay-0000`);
      await phone.getByTestId('track-not-found').waitFor({ timeout: 15_000 });
      await expectAccessible(phone, 'track page, unknown');
    } finally {
      await phone.close();
    }
  }, 60_000);

  it('a reload resumes with the kept token; revoking the kiosk sends it back to the pairing screen', async () => {
    const token = await kioskToken();
    await kp.reload();
    await service('KIOSK').waitFor({ timeout: 15_000 });
    expect(await kioskToken()).toBe(token);

    // No printer for the kiosk now (nor a ticket printer on the host): the ticket stands, the screen says why it was
    // not printed, keeps the number and shows the tracking QR instead.
    const [device] = await rpc.call<DeviceRecord[]>('pairing.list', {});
    await rpc.call('pairing.update', { id: device!.id, printerUri: null });
    await activate(kp, service('KIOSK'));
    await kp.getByTestId('kiosk-ticket-number').waitFor({ timeout: 15_000 });
    const print = kp.getByTestId('kiosk-ticket-print');
    expect(await print.getAttribute('data-printed')).toBe('false');
    expect(await print.textContent()).toContain('Không in được phiếu');
    expect(await print.textContent()).toContain(await kp.getByTestId('kiosk-ticket-number').textContent());
    await kp.getByTestId('kiosk-ticket-qr').waitFor();
    await expectAccessible(kp, 'kiosk, ticket not printed');
    await activate(kp, kp.getByTestId('kiosk-ticket-done'));
    await service('KIOSK').waitFor();

    const page = admin.page;
    const section = page.getByTestId('settings-paired-devices');
    await activate(page, section.getByRole('button', { name: 'Thu hồi Kiosk sảnh' }));
    const dialog = page.getByTestId('device-revoke-dialog');
    await dialog.getByTestId('device-revoke-form').waitFor();
    await expectAccessible(page, 'settings, revoke dialog');
    await activate(page, dialog.getByTestId('device-revoke-confirm'));
    await expect.poll(() => section.locator('tr[data-device="Kiosk sảnh"]').getAttribute('data-revoked'), { timeout: 10_000 }).toBe('true');

    // Its next call is refused: the kiosk checks its token, which is revoked, and pairs again.
    await activate(kp, service('KIOSK'));
    await kp.getByTestId('pairing-revoked').waitFor({ timeout: 15_000 });
    await kp.getByTestId('pairing-code').waitFor({ timeout: 15_000 });
    expect(await kioskToken()).toBeNull();
    await expectAccessible(kp, 'kiosk pairing screen after revoke');
    expect(kiosk.problems.errors).toEqual([]);
    expect(admin.problems.errors).toEqual([]);
  }, 60_000);
});
