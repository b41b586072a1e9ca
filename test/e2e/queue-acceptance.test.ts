/**
 * The queue end to end (issue #18, acceptance), in Chromium against one web-mode host:
 * - a kiosk page and a board page are paired as devices (each shows its code; an admin approves it over the contract,
 *   the kiosk with its ticket printer: a loopback ESC/POS peer on 127.0.0.1);
 * - the kiosk issues a ticket from the keyboard: its number shows, and the printer got one complete job carrying it;
 * - a counter (a clerk's WebSocket session) calls it: the board shows the number at that counter (the time from the
 *   call being sent to the number on the board is printed, never asserted) and plays exactly the clips of
 *   announcementClips(number, counter), to their end (Chromium runs with --autoplay-policy=no-user-gesture-required).
 * axe-core passes on the kiosk's ticket and on the board.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '../../core/contract/queue';
import { announcementClips } from '../../core/domain/queue/announcement';
import { launchBrowser, type BrowserSession } from '../helpers/browser';
import { decodeEscpos, startEscposPrinter } from '../helpers/escpos-printer';
import { configureQueue, setupAdmin, type QueueWs } from '../helpers/queue-ws';
import { startWebMode, type WebMode } from '../helpers/web-mode';
import { activate, expectAccessible } from './steps';

const SERVICE = 'QX';
const SERVICE_NAME = 'Tiếp nhận hồ sơ thử nghiệm';
const COUNTER = 3;

/** Waits for the element; a timeout says what the page showed instead. */
async function shown(page: Page, locator: ReturnType<Page['locator']>, what: string, timeout = 15_000): Promise<void> {
  try {
    await locator.first().waitFor({ timeout });
  } catch (e) {
    const text = await page.evaluate(() => document.body.innerText).catch(() => '(unreadable)');
    throw new Error(`${what} not shown within ${timeout} ms; the page shows:\n${text.slice(0, 1500)}`, { cause: e });
  }
}

/** Opens a device screen in its own page and pairs it: the code it shows, approved by the admin. */
async function pairPage(page: Page, url: string, admin: QueueWs, name: string, printerUri?: string): Promise<void> {
  await page.goto(url);
  const codeShown = page.getByTestId('pairing-code');
  await shown(page, codeShown, `the pairing code at ${url}`, 20_000);
  const code = await codeShown.getAttribute('data-code');
  expect(code).toMatch(/^\d{6}$/);
  await admin.must('pairing.approve', { code, name, ...(printerUri ? { printerUri } : {}) });
  await codeShown.waitFor({ state: 'detached', timeout: 15_000 });
}

describe('queue: kiosk → printer → counter → board with its voice', () => {
  let web: WebMode;
  let browser: BrowserSession;
  let admin: QueueWs;

  beforeAll(async () => {
    web = await startWebMode();
    ({ admin } = await setupAdmin(web.url));
    await configureQueue(admin, { code: SERVICE, name: SERVICE_NAME, prefix: 'X', counters: COUNTER });
    browser = await launchBrowser({ args: ['--autoplay-policy=no-user-gesture-required'] });
  });
  afterAll(async () => {
    if (browser?.problems.errors.length) console.log(`queue e2e: page errors:\n${browser.problems.errors.join('\n')}`);
    await admin?.close();
    await browser?.close();
    await web?.stop();
  });

  it('a paired kiosk prints the ticket, a counter calls it, the paired board shows it and announces it with the right clips', async () => {
    const printer = await startEscposPrinter({ status: 'online' });
    const kiosk = browser.page;
    const board = await browser.context.newPage();
    board.on('pageerror', (e) => browser.problems.errors.push(`board pageerror: ${e.message}`));
    await pairPage(board, `${web.url}/#/display`, admin, 'Bảng gọi số tầng 1');
    await pairPage(kiosk, `${web.url}/#/kiosk`, admin, 'Kiosk sảnh chính', printer.uri);

    // The kiosk: the service from the keyboard → the ticket on screen and on paper.
    const service = kiosk.locator(`[data-testid="kiosk-service"][data-code="${SERVICE}"]`);
    await shown(kiosk, service, `the kiosk's service ${SERVICE}`);
    await activate(kiosk, service);
    const numberShown = kiosk.getByTestId('kiosk-ticket-number');
    await shown(kiosk, numberShown, 'the ticket number on the kiosk');
    const number = ((await numberShown.textContent()) ?? '').trim();
    expect(number).toMatch(/^X\d+$/);
    await expect.poll(() => kiosk.getByTestId('kiosk-ticket-print').getAttribute('data-printed'), { timeout: 20_000 }).toBe('true');
    await expectAccessible(kiosk, 'kiosk, ticket issued');
    await printer.settle();
    const paper = await decodeEscpos(printer.printed());
    expect(paper.completeJobs).toBe(1);
    expect(paper.errors).toEqual([]);
    // The printer's default profile prints the number in its own large text (the Vietnamese is raster).
    const numberText = paper.items.find((i) => i.kind === 'text' && i.text.includes(number));
    expect(numberText, `the ticket number ${number} on paper`).toBeDefined();

    // The board is live and has not announced anything yet.
    await shown(board, board.locator(`[data-testid="board-counter"][data-counter="${COUNTER}"]`), 'the board');
    expect(await board.evaluate(() => window.__motcuaBoard?.announcements.length ?? 0)).toBe(0);
    // Stamp (in the page, on the same wall clock as this process) when the called number appears on the board.
    await board.evaluate((n) => {
      const w = window as unknown as { __shownAt?: number };
      const seen = () => [...document.querySelectorAll('[data-testid="board-now"] [data-testid="board-call-number"]')].some((e) => e.textContent?.trim() === n);
      new MutationObserver((_m, obs) => {
        if (w.__shownAt === undefined && seen()) {
          w.__shownAt = performance.timeOrigin + performance.now();
          obs.disconnect();
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    }, number);

    // A counter calls: the ticket the kiosk issued (nobody else waits for this service).
    const sentAt = performance.timeOrigin + performance.now();
    const called = await admin.must<Ticket>('queue.callNext', { counter: COUNTER });
    expect(called.number).toBe(number);
    const shownAt = (await (await board.waitForFunction(() => (window as unknown as { __shownAt?: number }).__shownAt, undefined, { timeout: 15_000 })).jsonValue()) as number;
    console.log(`queue e2e: call sent → number on the board: ${(shownAt - sentAt).toFixed(0)} ms`);
    const now = board.getByTestId('board-now');
    expect((await now.getByTestId('board-call-counter').textContent())?.trim()).toBe(String(COUNTER));
    await expectAccessible(board, 'board, a call shown');

    // The voice: exactly the announcement's clips, each played to its end, none failed.
    const expected = announcementClips(number, COUNTER);
    expect(expected.length).toBeGreaterThan(2);
    await expect
      .poll(() => board.evaluate(() => window.__motcuaBoard?.played.length ?? 0), { timeout: 30_000 })
      .toBeGreaterThanOrEqual(expected.length);
    const log = await board.evaluate(() => window.__motcuaBoard!);
    expect(log.failed).toEqual([]);
    expect(log.played).toEqual(expected);
    expect(log.announcements.map((a) => a.clips)).toEqual([expected]);
    expect(browser.problems.errors).toEqual([]);
    expect(browser.problems.externalRequests).toEqual([]);
  });
});
