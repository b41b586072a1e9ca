/**
 * The display board (issue #18) in Chromium against real web mode, autoplay allowed: a counter calls a ticket over
 * RPC, the board shows "Số 1023 → Quầy 3" (time measured, not asserted) and plays exactly announcementClips(1023, 3)
 * from the served clips; never the citizen's name or ID number. Then the board's WebSocket is cut (routed through
 * Playwright, which refuses reconnects meanwhile): the board says it lost the connection; two calls are made while
 * it is away; when the link is back it shows both and announces only the newest. axe-core passes in both states.
 */
import type { Page, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '../../core/contract/queue';
import { announcementClips } from '../../core/domain/queue/announcement';
import { launchBrowser, type BrowserSession } from '../helpers/browser';
import { ADMIN, connectRpc, seedAccounts, startWebMode, type RpcClient, type WebMode } from '../helpers/web-mode';
import { expectAccessible, login, SCREEN_TITLES_VI, waitForHeading } from './steps';

const QR = '001185012345|012345678|Huỳnh Thị Ngọc Ánh|15031985|Nữ|Số 12 ngõ 34 phố Đặng Tiến Đông, Phường Đống Đa, Thành phố Hà Nội|10082021';
const COUNTER = 3;

interface Played {
  played: string[];
  announcements: { seq: number; clips: string[] }[];
  failed: string[];
}
const playedLog = (page: Page) => page.evaluate(() => (window as unknown as { __motcuaBoard?: Played }).__motcuaBoard ?? { played: [], announcements: [], failed: [] });
const boardNow = (page: Page) => page.getByTestId('board-now');

describe('display board', () => {
  let web: WebMode;
  let rpc: RpcClient;
  let browser: BrowserSession;
  let page: Page;
  /** The board's socket as Playwright forwards it; `cut` refuses new ones. */
  const link: { current: WebSocketRoute | null; cut: boolean } = { current: null, cut: false };

  const callNext = async (): Promise<Ticket> => {
    const t = await rpc.call<Ticket | { number: null }>('queue.callNext', { counter: COUNTER });
    if (t.number === null) throw new Error('nobody waiting');
    return t as Ticket;
  };

  beforeAll(async () => {
    web = await startWebMode();
    await seedAccounts(web.url);
    rpc = await connectRpc(web.url);
    await rpc.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
    // Numbers without a prefix from 1023, the example; the counter serves only this group.
    await rpc.call('queue.saveGroup', { code: 'BRD', name: 'Bảng thử', prefix: '', startNumber: 1023, hours: { mode: 'always' } });
    await rpc.call('queue.saveCounter', { number: COUNTER, name: null, groups: ['BRD'] });

    browser = await launchBrowser({ args: ['--autoplay-policy=no-user-gesture-required'] });
    page = browser.page;
    await page.routeWebSocket(/\/rpc$/, (ws) => {
      if (link.cut) {
        ws.close({ code: 1001, reason: 'cut by the test' });
        return;
      }
      ws.connectToServer();
      link.current = ws;
    });
    await page.goto(web.url);
    await login(page, ADMIN);
    await page.goto(`${web.url}/#/display`);
    await waitForHeading(page, SCREEN_TITLES_VI.display);
    await page.locator(`[data-testid="board-counter"][data-counter="${COUNTER}"]`).waitFor({ timeout: 15_000 });
  }, 90_000);

  afterAll(async () => {
    rpc?.close();
    await browser?.close();
    await web?.stop();
  });

  it('shows a call and plays its clip sequence, with no name or ID on the board', async () => {
    await expectAccessible(page, 'display board, nothing called');
    const ticket = await rpc.call<Ticket>('queue.issue', { service: 'BRD', cccdQr: QR, print: false });
    expect(ticket.number).toBe('1023');
    const pressed = performance.now();
    await callNext();
    await boardNow(page).filter({ hasText: '1023' }).waitFor({ timeout: 10_000 });
    console.log(`call pressed → board updated: ${Math.round(performance.now() - pressed)} ms`);
    // "Số 1023 → Quầy 3" (the arrow is read as "đến" by screen readers).
    expect(await boardNow(page).getByTestId('board-call-number').innerText()).toBe('1023');
    expect(await boardNow(page).getByTestId('board-call-counter').innerText()).toBe(String(COUNTER));
    expect((await boardNow(page).innerText()).replace(/\s+/g, ' ')).toMatch(/^Số 1023 → (đến )?Quầy 3$/);
    expect(await page.locator(`[data-testid="board-counter"][data-counter="${COUNTER}"]`).innerText()).toContain('1023');

    const expected = announcementClips('1023', COUNTER);
    await expect.poll(async () => (await playedLog(page)).played.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(expected.length);
    const log = await playedLog(page);
    expect(log.played).toEqual(expected);
    expect(log.failed).toEqual([]);

    const text = await page.locator('main').innerText();
    expect(text).not.toContain('Ngọc Ánh');
    expect(text).not.toContain('001185012345');
    expect(browser.problems.errors).toEqual([]);
  });

  it('says it lost the connection, and catches up when it is back: missed calls shown, only the newest announced', async () => {
    await rpc.call('queue.issue', { service: 'BRD', print: false });
    await rpc.call('queue.issue', { service: 'BRD', print: false });
    link.cut = true;
    await link.current!.close({ code: 1001, reason: 'cut by the test' });
    const offline = page.getByTestId('board-offline');
    await offline.waitFor({ timeout: 10_000 });
    expect(await offline.innerText()).toBe('Mất kết nối — đang kết nối lại');
    await expectAccessible(page, 'display board, connection lost');

    expect((await callNext()).number).toBe('1024');
    expect((await callNext()).number).toBe('1025');
    link.cut = false;

    await offline.waitFor({ state: 'detached', timeout: 20_000 });
    await boardNow(page).filter({ hasText: '1025' }).waitFor({ timeout: 15_000 });
    const listed = await page.getByTestId('board-last-calls').locator('li').allInnerTexts();
    expect(listed.map((l) => /\d{4}/.exec(l)?.[0])).toEqual(['1025', '1024', '1023']);

    const expected = [...announcementClips('1023', COUNTER), ...announcementClips('1025', COUNTER)];
    await expect.poll(async () => (await playedLog(page)).played.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(expected.length);
    const log = await playedLog(page);
    expect(log.played).toEqual(expected);
    expect(log.announcements.map((a) => a.clips)).toEqual([announcementClips('1023', COUNTER), announcementClips('1025', COUNTER)]);
  });
});
