/**
 * The clerk's side of the queue (issue #18), keyboard only, in Chromium against real web mode: a service group
 * (always open) and a counter set up in Settings → Queue; tickets issued over RPC (one with a CCCD scanned at the
 * kiosk, one priority); on the Queue screen F2 calls the priority ticket first, Alt+R recalls it, Alt+V marks it
 * absent, a number is called by typing it, Alt+T transfers it to another counter, F2 calls the last one and Alt+H
 * takes it to Reception, where the ticket and the applicant are filled in; receiving the dossier finishes the
 * ticket with the dossier's id. A counter with nobody waiting says so; a wrong number is refused in Vietnamese; a
 * clerk sees the queue settings read-only. axe-core passes on the settings tab, its dialog, the queue screen and the
 * transfer dialog.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '../../core/contract/queue';
import type { BrowserSession } from '../helpers/browser';
import { CLERK, startWebMode, type RpcClient, type WebMode } from '../helpers/web-mode';
import { activate, closeAdminSessions, expectAccessible, login, openAdminSessions, SCREEN_TITLES_VI, waitForHeading } from './steps';

const QR = '001185012345|012345678|Huỳnh Thị Ngọc Ánh|15031985|Nữ|Số 12 ngõ 34 phố Đặng Tiến Đông, Phường Đống Đa, Thành phố Hà Nội|10082021';
const NAME = 'Huỳnh Thị Ngọc Ánh';
const KEY_DELAY = 60;

/** Replaces a field's text the way a person does: focus, select all, type. */
async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await field.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text, { delay: KEY_DELAY });
}

const currentNumber = (page: Page) => page.getByTestId('queue-current-number').textContent();

describe('queue: the clerk', () => {
  let web: WebMode;
  let rpc: RpcClient;
  let browser: BrowserSession;
  let page: Page;
  /** Issued in this order: ordinary with a CCCD, priority, ordinary. */
  let withCard: Ticket;
  let priority: Ticket;
  let plain: Ticket;

  const ticketNow = async (id: string): Promise<Ticket> => {
    const all = await rpc.call<Ticket[]>('queue.tickets', {});
    return all.find((t) => t.id === id)!;
  };

  beforeAll(async () => {
    web = await startWebMode();
    ({ rpc, browser } = await openAdminSessions(web));
    page = browser.page;
  }, 60_000);
  afterAll(async () => {
    await closeAdminSessions({ rpc, browser, web });
  });

  it('sets up a service group and a counter in Settings → Queue by keyboard', async () => {
    await page.keyboard.press('Alt+5');
    await waitForHeading(page, SCREEN_TITLES_VI.settings);
    await activate(page, page.getByRole('tab', { name: 'Hàng đợi' }));
    const section = page.getByTestId('settings-queue');
    await section.getByTestId('queue-groups-table').waitFor();
    await expectAccessible(page, 'settings, queue tab');

    await activate(page, section.getByTestId('queue-add-group'));
    const group = page.getByTestId('queue-group-dialog');
    await group.getByTestId('queue-group-form').waitFor();
    await typeInto(page, group.getByLabel('Mã nhóm'), 'E2E');
    await typeInto(page, group.getByLabel('Tên nhóm'), 'Nhóm thử');
    // "A" is the prefix of the first sample group: refused beside the field, in Vietnamese, focus taken there.
    await typeInto(page, group.getByLabel('Chữ đầu số'), 'A');
    await group.getByLabel('Luôn mở').focus();
    await page.keyboard.press('Space');
    expect(await group.getByLabel('Luôn mở').isChecked()).toBe(true);
    await group.getByLabel('Tên nhóm').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => group.locator('.field__error').first().textContent(), { timeout: 10_000 }).toContain('Tiền tố "A"');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('A');
    await expectAccessible(page, 'settings, group dialog with an error');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('X', { delay: KEY_DELAY });
    await page.keyboard.press('Enter');
    await section.locator('tr[data-group="E2E"]').waitFor({ timeout: 10_000 });
    expect(await section.locator('tr[data-group="E2E"]').textContent()).toContain('Luôn mở');

    await activate(page, section.getByTestId('queue-add-counter'));
    const counter = page.getByTestId('queue-counter-dialog');
    await counter.getByTestId('queue-counter-form').waitFor();
    await typeInto(page, counter.getByLabel('Số quầy'), '7');
    await typeInto(page, counter.getByLabel('Tên quầy'), 'Quầy thử');
    await counter.getByLabel('Nhóm thử (E2E)').focus();
    await page.keyboard.press('Space');
    await counter.getByLabel('Tên quầy').focus();
    await page.keyboard.press('Enter');
    await section.locator('tr[data-counter="7"]').waitFor({ timeout: 10_000 });

    const config = await rpc.call<{ groups: { code: string; hours: unknown }[]; counters: { number: number; groups: string[] }[] }>('queue.config', {});
    expect(config.groups.find((g) => g.code === 'E2E')?.hours).toEqual({ mode: 'always' });
    expect(config.counters.find((c) => c.number === 7)?.groups).toEqual(['E2E']);
    // The counter the ticket is transferred to later on.
    await rpc.call('queue.saveCounter', { number: 8, name: null, groups: ['E2E'] });
  }, 90_000);

  it('calls the priority ticket first with F2, recalls it, marks it absent', async () => {
    withCard = await rpc.call<Ticket>('queue.issue', { service: 'E2E', cccdQr: QR, print: false });
    priority = await rpc.call<Ticket>('queue.issue', { service: 'E2E', priority: 'elderly', print: false });
    plain = await rpc.call<Ticket>('queue.issue', { service: 'E2E', print: false });

    await page.keyboard.press('Alt+2');
    await waitForHeading(page, SCREEN_TITLES_VI.queue);
    // The screen's keys are in the F1 help while it is open.
    await page.keyboard.press('F1');
    const help = page.getByTestId('help-overlay');
    await help.waitFor({ state: 'visible' });
    expect(await help.locator('tr[data-shortcut="queue.callNext"]').textContent()).toContain('F2');
    expect(await help.locator('tr[data-shortcut^="queue."]').count()).toBe(8);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
    // This machine is counter 7 (chosen once, kept in the browser).
    const picker = page.getByLabel('Quầy của máy này');
    await picker.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => picker.inputValue()).toBe('7');
    await expect.poll(() => page.getByTestId('queue-counter-shown').textContent()).toContain('Quầy 7');
    const waiting = page.getByTestId('queue-waiting').locator('[data-service="E2E"] tbody tr[data-ticket]');
    await expect.poll(() => waiting.count(), { timeout: 10_000 }).toBe(3);

    await page.keyboard.press('F2');
    await expect.poll(() => currentNumber(page), { timeout: 10_000 }).toBe(priority.number);
    expect(await page.getByTestId('queue-current').textContent()).toContain('Người cao tuổi');
    expect(await page.getByTestId('queue-status').textContent()).toContain(`Đã gọi số ${priority.number}`);
    await expect.poll(() => waiting.count()).toBe(2);
    await expectAccessible(page, 'queue, a ticket called');

    await page.keyboard.press('Alt+R');
    await expect.poll(async () => (await ticketNow(priority.id)).calls, { timeout: 10_000 }).toBe(2);
    await expect.poll(() => page.getByTestId('queue-status').textContent()).toContain(`Đã gọi lại số ${priority.number}`);

    await page.keyboard.press('Alt+V');
    await expect.poll(async () => (await ticketNow(priority.id)).state, { timeout: 10_000 }).toBe('no_show');
    await page.getByTestId('queue-current-none').waitFor();
  }, 60_000);

  it('calls a number typed in, refuses an unknown one in Vietnamese, transfers to another counter', async () => {
    await page.keyboard.press('Alt+S');
    await page.keyboard.type('Z999', { delay: KEY_DELAY });
    await page.keyboard.press('Enter');
    const error = page.getByTestId('queue-error');
    await expect.poll(() => error.textContent(), { timeout: 10_000 }).toMatch(/Z999/);
    expect(await error.textContent()).not.toContain('QUEUE_');

    await page.keyboard.press('Alt+S');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(plain.number, { delay: KEY_DELAY });
    await page.keyboard.press('Enter');
    await expect.poll(() => currentNumber(page), { timeout: 10_000 }).toBe(plain.number);
    expect(await error.textContent()).toBe('');

    await page.keyboard.press('Alt+T');
    const dialog = page.getByTestId('queue-transfer-dialog');
    await dialog.getByTestId('queue-transfer-form').waitFor();
    await dialog.getByLabel('Quầy khác').focus();
    await page.keyboard.press('Space');
    expect(await dialog.getByLabel('Quầy', { exact: true }).inputValue()).toBe('8');
    await expectAccessible(page, 'queue, transfer dialog');
    await activate(page, dialog.getByRole('button', { name: 'Chuyển', exact: true }));
    await expect.poll(async () => ({ ...(await ticketNow(plain.id)) }), { timeout: 10_000 }).toMatchObject({ state: 'waiting', targetCounter: 8, transfers: 1 });
    await page.getByTestId('queue-current-none').waitFor();
  }, 60_000);

  it('takes the called ticket to Reception; the received dossier finishes it', async () => {
    await page.keyboard.press('F2');
    // The transferred ticket waits for counter 8 only: counter 7 gets the one with the CCCD.
    await expect.poll(() => currentNumber(page), { timeout: 10_000 }).toBe(withCard.number);
    expect(await page.getByTestId('queue-current-applicant').textContent()).toContain(NAME);

    await page.keyboard.press('Alt+H');
    await waitForHeading(page, SCREEN_TITLES_VI.reception);
    expect((await ticketNow(withCard.id)).state).toBe('serving');
    await expect.poll(() => page.getByLabel('Số thứ tự', { exact: true }).inputValue(), { timeout: 10_000 }).toBe(withCard.number);
    const applicant = page.getByTestId('applicant-block');
    const field = (label: string) => applicant.getByLabel(new RegExp(`^${label}( \\(bắt buộc\\))?$`));
    await expect.poll(() => field('Họ và tên').inputValue(), { timeout: 10_000 }).toBe(NAME);
    expect(await field('Số CCCD').inputValue()).toBe('001185012345');

    await typeInto(page, field('Ngày sinh'), '15/03/1985');
    await typeInto(page, field('Ngày cấp'), '10/08/2021');
    await page.keyboard.press('Enter');
    const step = () => page.getByTestId('reception-step').getAttribute('data-step');
    await expect.poll(step, { timeout: 10_000 }).toBe('procedure');
    await page.keyboard.type('khai bao tam vang', { delay: KEY_DELAY });
    const options = page.getByTestId('procedure-results').getByRole('option');
    await expect.poll(async () => (await options.first().textContent()) ?? '', { timeout: 10_000 }).toMatch(/^Khai báo tạm vắng/);
    await page.keyboard.press('Enter');
    await expect.poll(step, { timeout: 10_000 }).toBe('checklist');
    await activate(page, page.getByRole('button', { name: 'Đánh dấu đã nhận mọi thành phần bắt buộc' }));
    await activate(page, page.getByRole('button', { name: 'Tiếp tục' }));
    await expect.poll(step).toBe('documents');
    await activate(page, page.getByRole('button', { name: 'Tiếp tục' }));
    await expect.poll(step).toBe('review');
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('done').waitFor({ timeout: 15_000 });
    const code = ((await page.getByTestId('dossier-code').textContent()) ?? '').trim();
    const dossier = await rpc.call<{ id: string }>('dossiers.get', { code });

    await expect.poll(async () => ({ ...(await ticketNow(withCard.id)) }), { timeout: 10_000 }).toMatchObject({ state: 'done', dossierId: dossier.id });
    expect(await page.getByTestId('reception-error').textContent()).toBe('');
  }, 90_000);

  it('says plainly that nobody is waiting', async () => {
    await page.keyboard.press('Alt+2');
    await waitForHeading(page, SCREEN_TITLES_VI.queue);
    await page.getByTestId('queue-current-none').waitFor();
    await page.keyboard.press('F2');
    await expect.poll(() => page.getByTestId('queue-status').textContent(), { timeout: 10_000 }).toContain('Không có ai đang chờ');
    expect(await page.getByTestId('queue-error').textContent()).toBe('');
  }, 30_000);

  it('shows a clerk the queue settings read-only', async () => {
    await rpc.call('users.create', { ...CLERK, role: 'clerk' });
    await page.keyboard.press('Control+KeyL');
    await page.getByTestId('logout-dialog').waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await login(page, CLERK);
    await page.keyboard.press('Alt+5');
    await waitForHeading(page, SCREEN_TITLES_VI.settings);
    await activate(page, page.getByRole('tab', { name: 'Hàng đợi' }));
    const section = page.getByTestId('settings-queue');
    await section.locator('tr[data-group="E2E"]').waitFor({ timeout: 10_000 });
    expect(await section.textContent()).toContain('Chỉ quản trị viên hoặc giám sát viên');
    expect(await section.getByRole('button').count()).toBe(0);
    expect(await section.getByLabel(/Gọi một số thường sau/).getAttribute('readonly')).not.toBeNull();
    expect(browser.problems.errors).toEqual([]);
  }, 30_000);
});
