/**
 * Printing from the UI, keyboard only, in Chromium against real web mode and a loopback ESC/POS printer on
 * 127.0.0.1 (test/helpers/escpos-printer.ts, which captures and decodes the bytes):
 * - Settings → Printers: a bad address is refused before saving, one the core refuses shows beside its field; the
 *   receipt printer typed as a clerk types; the test page's preview is the printer's raster; the test page prints.
 * - Reception: Ctrl+Enter receives and prints the receipt (the printer gets one complete job with a raster); Alt+P
 *   prints it again while the printer drops after half the bytes → the question opens by itself (Esc leaves it unanswered, the header keeps
 *   it); "not printed — print again" → exactly one complete job more.
 * - The dossier record lists the dossier's jobs and reprints one, marked as a reprint.
 * axe-core passes in every state. Each test starts its own printer (the helper closes printers after each test).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrintJob, PrintingSettings, PrintQueueCounts } from '../../core/contract/printing';
import type { BrowserSession } from '../helpers/browser';
import { decodeEscpos, startEscposPrinter, type LoopbackPrinter } from '../helpers/escpos-printer';
import { startWebMode, type RpcClient, type WebMode } from '../helpers/web-mode';
import { activate, closeAdminSessions, expectAccessible, focusedSummary, openAdminSessions, SCREEN_TITLES_VI, waitForHeading } from './steps';

const QR = '001185012345|012345678|Huỳnh Thị Ngọc Ánh|15031985|Nữ|Số 12 ngõ 34 phố Đặng Tiến Đông, Phường Đống Đa, Thành phố Hà Nội|10082021';
/** A clerk types: at least 60 ms between keys (faster is a barcode wedge's burst, which the app takes). */
const CLERK_KEY_MS = 60;

async function typeAsClerk(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text, { delay: CLERK_KEY_MS });
}

/** What the printer put on paper: decoded per connection (one job per connection). */
async function paper(printer: LoopbackPrinter) {
  await printer.settle();
  return Promise.all(printer.connections.map((c) => decodeEscpos(c.printed)));
}

const completeJobs = async (printer: LoopbackPrinter) => (await paper(printer)).reduce((n, d) => n + d.completeJobs, 0);

describe('printing', () => {
  let web: WebMode;
  let browser: BrowserSession;
  let rpc: RpcClient;

  const jobsOf = (dossierId: string) => rpc.call<{ jobs: PrintJob[]; counts: PrintQueueCounts }>('printing.jobs', { dossierId });
  const useReceiptPrinter = (uri: string) => rpc.call<PrintingSettings>('printing.configure', { receipt: { uri }, ticket: null, a4: null, receiptCopies: 1 });

  beforeAll(async () => {
    web = await startWebMode();
    ({ rpc, browser } = await openAdminSessions(web));
  });
  afterAll(async () => {
    await closeAdminSessions({ rpc, browser, web });
  });

  it('Settings → Printers: refuses bad addresses beside the field, saves the receipt printer, previews and prints the test page', async () => {
    const { page } = browser;
    const printer = await startEscposPrinter();
    await page.keyboard.press('Alt+5');
    await waitForHeading(page, SCREEN_TITLES_VI.settings);
    // The tabs: the selected one is in the Tab order; End selects the last one, Printers.
    await page.getByRole('tab', { selected: true }).focus();
    await page.keyboard.press('End');
    expect(await page.getByRole('tab', { selected: true }).textContent()).toBe('Máy in');
    const form = page.getByTestId('printers-form');
    await form.waitFor();
    await expectAccessible(page, 'settings, printers, empty');

    const uri = page.getByTestId('printer-uri-receipt');
    const receipt = page.getByTestId('printer-receipt');
    const save = page.getByTestId('printers-save');
    // Not a printer address at all: refused before saving, beside the field, which gets focus.
    await uri.focus();
    await typeAsClerk(page, '127.0.0.1:9100');
    await activate(page, save);
    await expect.poll(() => uri.getAttribute('aria-invalid')).toBe('true');
    expect(await receipt.locator('.field__error').first().textContent()).toContain('không đúng dạng');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('printer-uri-receipt');
    // Well-formed but refused by the core (the port is out of range): its error comes back beside the same field.
    await uri.fill('');
    await typeAsClerk(page, 'escpos+tcp://127.0.0.1:99999');
    expect(await uri.getAttribute('aria-invalid')).toBeNull();
    await activate(page, save);
    await expect.poll(() => uri.getAttribute('aria-invalid'), { timeout: 10_000 }).toBe('true');
    expect(await receipt.locator('.field__error').first().textContent()).toContain('99999');
    await expectAccessible(page, 'settings, printers, core error');

    await uri.fill('');
    await typeAsClerk(page, printer.uri);
    expect(await uri.inputValue()).toBe(printer.uri); // every key reached the field
    // A thermal printer: its profile shows, 80 mm by default; the cut is set to a full cut.
    const profile = receipt.locator('fieldset.print-profile');
    await profile.waitFor();
    expect(await profile.getByLabel('80 mm (576 điểm mỗi dòng)').isChecked()).toBe(true);
    await profile.getByLabel('Cắt giấy').selectOption('full');
    await activate(page, save);
    await expect.poll(() => page.getByTestId('live-polite').textContent(), { timeout: 10_000 }).toContain('Đã lưu cấu hình máy in');
    const saved = await rpc.call<PrintingSettings>('printing.settings', {});
    expect(saved.receipt?.uri).toBe(printer.uri);
    expect(saved.receipt?.profile).toMatchObject({ paperWidthMm: 80, cut: 'full' });
    expect(saved.ticket).toBeNull();

    // The preview is the raster the printer gets: 576 dots wide on 80 mm paper.
    await activate(page, page.getByTestId('print-preview-receipt'));
    const image = page.getByTestId('print-preview-image-receipt');
    await image.waitFor({ timeout: 20_000 });
    await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(576);
    expect(await image.getAttribute('alt')).toContain('Phiếu tiếp nhận');

    await activate(page, page.getByTestId('print-testpage-receipt'));
    const state = page.getByTestId('print-test-state-receipt');
    await expect.poll(() => state.textContent(), { timeout: 20_000 }).toContain('Đã in');
    const decoded = await paper(printer);
    expect(decoded).toHaveLength(1);
    expect(decoded[0]!.completeJobs).toBe(1);
    expect(decoded[0]!.items.some((i) => i.kind === 'raster' && i.width === 576)).toBe(true);
    expect(decoded[0]!.items.filter((i) => i.kind === 'cut')).toEqual([{ kind: 'cut', mode: 'full' }]);
    await expectAccessible(page, 'settings, printers, test page printed');
    expect(browser.problems.errors).toEqual([]);
  }, 90_000);

  let dossierId = '';
  let dossierCode = '';

  it('receives with Ctrl+Enter and prints the receipt; a printer that drops halfway asks the clerk, and "not printed" prints it once more', async () => {
    const { page } = browser;
    const printer = await startEscposPrinter();
    await useReceiptPrinter(printer.uri);

    await page.keyboard.press('Alt+1');
    await waitForHeading(page, SCREEN_TITLES_VI.reception);
    await page.getByTestId('applicant-form').waitFor();
    // The CCCD QR from the card scanner (a wedge burst), with nothing focused.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.type(QR, { delay: 5 });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-field')), { timeout: 10_000 }).toBe('applicant.phone');
    await typeAsClerk(page, '0912345678');
    await page.keyboard.press('Enter');

    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-field')), { timeout: 10_000 }).toBe('procedure');
    await typeAsClerk(page, 'dang ky ket hon');
    const options = page.getByTestId('procedure-results').getByRole('option');
    await expect.poll(async () => (await options.first().textContent()) ?? '', { timeout: 10_000 }).toMatch(/^Đăng ký kết hôn/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('reception-step').getAttribute('data-step')).toBe('checklist');
    await activate(page, page.getByRole('button', { name: 'Đánh dấu đã nhận mọi thành phần bắt buộc' }));
    await activate(page, page.getByRole('button', { name: 'Tiếp tục' }));
    await expect.poll(() => page.getByTestId('reception-step').getAttribute('data-step')).toBe('documents');
    await activate(page, page.getByRole('button', { name: 'Tiếp tục' }));
    await expect.poll(() => page.getByTestId('reception-step').getAttribute('data-step')).toBe('review');
    // The counter has a receipt printer: receiving prints, and the screen says so before.
    await expect.poll(() => page.getByTestId('receive-prints').textContent()).toContain(printer.uri);
    expect(await page.locator('[data-field="decision.receive"]').textContent()).toContain('Tiếp nhận và in phiếu');
    await expectAccessible(page, 'review, receive and print');
    await page.keyboard.press('Control+Enter');

    const done = page.getByTestId('done');
    await done.waitFor({ timeout: 15_000 });
    dossierCode = ((await page.getByTestId('dossier-code').textContent()) ?? '').trim();
    const slips = page.getByTestId('slip-jobs');
    await expect.poll(() => slips.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-state'))), { timeout: 20_000 }).toEqual(['printed']);
    const first = (await rpc.call<{ jobs: PrintJob[] }>('printing.jobs', { states: ['printed'] })).jobs.find((j) => j.dossierCode === dossierCode)!;
    dossierId = first.dossierId!;
    expect(first).toMatchObject({ kind: 'form', form: 'receipt', printerUri: printer.uri, reprint: false });
    // One job reached the printer, whole, with its text as a raster; the PDF downloads are still offered.
    const once = await paper(printer);
    expect(once.map((d) => d.completeJobs)).toEqual([1]);
    expect(once[0]!.items.filter((i) => i.kind === 'raster').length).toBeGreaterThan(0);
    expect(await done.locator('button[data-form="receipt"][data-layout="a4"]').count()).toBe(1);
    await expectAccessible(page, 'done, receipt printed');

    // The printer takes half of the next job and drops the connection.
    printer.set({ closeAfterJobBytes: Math.floor(printer.connections[0]!.received.length / 2) });
    // Alt+P (the done view's shortcut, also on its button) prints the slips again: a reprint, since it printed.
    expect(await page.getByTestId('print-slips').textContent()).toContain('In lại');
    expect(await page.getByTestId('print-slips').getAttribute('aria-keyshortcuts')).toBe('Alt+P');
    await page.keyboard.press('Alt+P');
    const question = page.getByTestId('print-uncertain-dialog');
    await question.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await page.getByTestId('print-uncertain-question').textContent()).toBe('Máy in có thể đã in một phần phiếu này. Phiếu đã được in ra đầy đủ chưa?');
    // Focus is on the question, not on an answer (an Enter out of habit answers nothing).
    await expect.poll(() => focusedSummary(page)).toMatchObject({ testId: 'print-uncertain-question' });
    await expectAccessible(page, 'uncertain question');
    const uncertain = (await jobsOf(dossierId)).jobs.filter((j) => j.state === 'uncertain');
    expect(uncertain).toHaveLength(1);
    expect(uncertain[0]!.reprint).toBe(true);

    // Esc closes without answering: the job stays uncertain and nothing is resent; the header keeps the count.
    await page.keyboard.press('Escape');
    await question.waitFor({ state: 'hidden' });
    const header = page.getByTestId('print-queue');
    await expect.poll(() => header.getAttribute('data-uncertain')).toBe('1');
    expect((await jobsOf(dossierId)).jobs.find((j) => j.id === uncertain[0]!.id)?.state).toBe('uncertain');
    expect(printer.connections).toHaveLength(2);

    // From the header: the queue lists the job with its reason; "Answer" asks again.
    await activate(page, header);
    const list = page.getByTestId('print-queue-dialog');
    await list.waitFor({ state: 'visible' });
    const row = list.locator(`tr[data-job="${uncertain[0]!.id}"]`);
    expect(await row.getAttribute('data-state')).toBe('uncertain');
    expect(await row.textContent()).toContain('Cần xác nhận đã in chưa');
    await expectAccessible(page, 'print queue');
    await activate(page, row.getByRole('button', { name: /^Trả lời/ }));
    await question.waitFor({ state: 'visible' });
    expect(await completeJobs(printer)).toBe(1); // the half job did not reach its cut

    printer.set({ closeAfterJobBytes: null });
    await activate(page, page.getByTestId('print-answer-not-printed'));
    await question.waitFor({ state: 'hidden', timeout: 10_000 });
    await expect.poll(async () => (await jobsOf(dossierId)).jobs.find((j) => j.id === uncertain[0]!.id)?.state, { timeout: 20_000 }).toBe('printed');
    // Exactly one complete job more: the first receipt and the one sent again, the half one in between.
    const after = await paper(printer);
    expect(after.map((d) => d.completeJobs)).toEqual([1, 0, 1]);
    await expect.poll(() => list.locator('tbody tr').count()).toBe(0);
    expect(await header.getAttribute('data-uncertain')).toBe('0');
    await page.keyboard.press('Escape');
    await list.waitFor({ state: 'hidden' });
    await expectAccessible(page, 'done, after the answer');
    expect(browser.problems.errors).toEqual([]);
  }, 90_000);

  it('the dossier record lists its print jobs and reprints one, marked as a reprint, on the counter printer', async () => {
    expect(dossierId).not.toBe('');
    const { page } = browser;
    const printer = await startEscposPrinter();
    await useReceiptPrinter(printer.uri);

    await page.keyboard.press('Alt+3');
    await waitForHeading(page, SCREEN_TITLES_VI.dossiers);
    await page.keyboard.press('F2');
    await typeAsClerk(page, dossierCode);
    await page.keyboard.press('Enter');
    const panel = page.getByTestId('dossier-printing');
    await panel.waitFor({ timeout: 10_000 });
    const rows = panel.getByTestId('dossier-print-jobs').locator('[data-job]');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(2);
    expect(await rows.evaluateAll((rs) => rs.map((r) => [r.getAttribute('data-state'), r.getAttribute('data-reprint')]))).toEqual([
      ['printed', 'true'],
      ['printed', 'false'],
    ]);
    await expectAccessible(page, 'dossier record, print jobs');

    const original = (await jobsOf(dossierId)).jobs.find((j) => !j.reprint)!;
    await activate(page, panel.locator(`[data-job="${original.id}"]`).getByRole('button', { name: /^In lại/ }));
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(3);
    await expect.poll(() => rows.first().getAttribute('data-state'), { timeout: 20_000 }).toBe('printed');
    expect(await rows.first().textContent()).toContain('bản in lại');
    const reprint = (await jobsOf(dossierId)).jobs[0]!;
    expect(reprint).toMatchObject({ reprint: true, reprintOf: original.id, form: 'receipt', printerUri: printer.uri });
    const decoded = await paper(printer);
    expect(decoded.map((d) => d.completeJobs)).toEqual([1]);
    await expectAccessible(page, 'dossier record, reprinted');
    expect(browser.problems.errors).toEqual([]);
  }, 90_000);
});
