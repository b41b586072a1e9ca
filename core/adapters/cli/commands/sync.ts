/**
 * `motcua sync enrol --central URL --token TOKEN`, `motcua sync [--once] [--central URL]` and
 * `motcua sync status [--json]` (issue #17). Without --once the worker runs until SIGINT/SIGTERM (progress lines on
 * stderr); with --once every pending item is tried at once (backoff ignored, as "retry now" does), changes are pulled
 * and what they create here is pushed in the same run: exit 0 when the outbox is empty afterwards (with a warning when
 * the central could not be reached to pull), 3 when items remain (pending — also when unreachable — or rejected).
 * enrol: 0 enrolled; 2 a bad URL or a token the central refused; 1 the central unreachable.
 * Not enrolled → SYNC_NOT_ENROLLED, exit 1. --central overrides the enrolled URL for that run.
 */
import type { Command } from 'commander';
import type { SyncStatus } from '../../../contract/sync';
import { t } from '../../../i18n/translate';
import { validateCentralUrl } from '../../../services/sync/central-url';
import { followEvents } from '../follow';
import { registerSyncSupervisorCommands } from './sync-supervise';
import { cliFailure, EXIT_DEVICE_UNAVAILABLE, EXIT_OK, printJson, withCore } from '../runtime';

type Run = (fn: () => Promise<number | void>) => Promise<void>;

const HELP = `
Lệnh / commands:
  motcua sync enrol --central URL --token MÃ [--force]  đăng ký quầy (--force: thành quầy khác) / enrol (--force: as another counter)
  motcua sync [--once] [--central URL]          đồng bộ (không có --once: chạy tới khi Ctrl+C) / sync (until stopped)
  motcua sync status [--json]                   {"pendingDossiers","pendingEvents","pendingBytes","rejected","lastSuccessAt","errors":[…],…}
  motcua sync retry [--item ID] [--json]        thử lại ngay (bị từ chối → chờ) / retry now (rejected → pending)
  motcua sync outbox [--state S] [--json]       hàng đợi (S: pending | sent | rejected) / the outbox
  motcua sync changes [--json]                  thay đổi nhận từ trung tâm / changes pulled from the central
Mã thoát / exit codes:
  0 xong (--once: hàng đợi trống; nếu không kết nối được trung tâm thì cảnh báo là chưa nhận thay đổi) / done (--once:
    outbox empty; if the central was unreachable, a warning says changes were not pulled);
  3 còn mục chưa gửi: chờ (kể cả vì không kết nối được trung tâm) hoặc bị từ chối / items remain: pending (also
    because the central is unreachable) or rejected;
  2 sai tham số, địa chỉ hoặc mã đăng ký bị từ chối / bad arguments, URL or a refused token;
  1 lỗi khác (chưa đăng ký; enrol: không kết nối được trung tâm) / other failure (not enrolled; enrol: unreachable).`;

/** The URL as the enrolment checks it (SYNC_CENTRAL_BAD_URL, exit 2), before the core opens. */
export function centralUrlArgument(value: string | undefined): string {
  return validateCentralUrl(value ?? '');
}

export function registerSyncCommands(program: Command, run: Run): void {
  const sync = program
    .command('sync')
    .description('Đồng bộ với hệ thống Một cửa trung tâm / sync with the central one-stop system')
    .option('--once', 'gửi mọi mục đang chờ ngay một lần rồi thoát / try every pending item now, then exit')
    .option('--central <url>', 'dùng địa chỉ này thay địa chỉ đã đăng ký (lần chạy này) / use this central URL for this run')
    .addHelpText('after', HELP)
    .action((opts: { once?: boolean; central?: string }) => run(() => syncCommand(opts)));

  sync
    .command('enrol')
    .description('Đăng ký quầy với hệ thống trung tâm bằng mã một lần / enrol this counter with a one-time token')
    .option('--central <url>', 'địa chỉ hệ thống trung tâm / central URL')
    .option('--token <token>', 'mã đăng ký một lần / one-time enrolment token')
    .option('--force', 'đăng ký thành một quầy khác dù máy đã là một quầy / re-enrol as another counter on purpose')
    .option('--json', 'in JSON: tình trạng đồng bộ sau khi đăng ký / print the sync status as JSON')
    .action((opts: { central?: string; token?: string; json?: boolean; force?: boolean }, cmd: Command) =>
      run(() => enrolCommand({ central: opts.central ?? cmd.parent?.opts<{ central?: string }>().central, token: opts.token, json: Boolean(opts.json), force: Boolean(opts.force) })),
    );

  sync
    .command('status')
    .description('Tình trạng đồng bộ: hồ sơ, dung lượng chờ gửi, lần thành công cuối, lỗi / sync status')
    .option('--json', 'in JSON / print JSON')
    .action((opts: { json?: boolean }) => run(() => statusCommand(Boolean(opts.json))));

  registerSyncSupervisorCommands(sync, run);
}

async function enrolCommand(opts: { central?: string | undefined; token?: string | undefined; json: boolean; force: boolean }): Promise<number> {
  if ((opts.central ?? '').trim() === '') throw cliFailure('CLI_SYNC_NO_CENTRAL', t('cliSync.centralRequired'));
  const central = centralUrlArgument(opts.central);
  const token = (opts.token ?? '').trim();
  if (token === '') throw cliFailure('CLI_SYNC_NO_TOKEN', t('cliSync.tokenRequired'));
  if (token.length < 8 || token.length > 200) throw cliFailure('CLI_SYNC_BAD_TOKEN', t('cliSync.tokenMalformed', { length: token.length }));
  return withCore(async (s) => {
    const st = await s.call('sync.enrol', { central, token, ...(opts.force ? { force: true } : {}) });
    if (opts.json) printJson(st);
    else process.stdout.write(`${t('cliSync.enrolled', { counterId: st.counterId ?? '', central: st.central ?? central })}\n`);
    return EXIT_OK;
  });
}

async function syncCommand(opts: { once?: boolean | undefined; central?: string | undefined }): Promise<number> {
  const centralUrl = opts.central !== undefined ? centralUrlArgument(opts.central) : undefined;
  return withCore(
    async (s) => {
      // Not enrolled: said at once (the same refusal sync.now gives).
      const first = await s.call('sync.status', {});
      if (!first.enrolled) await s.call('sync.now', {});
      if (opts.once) {
        const r = await s.call('sync.now', {});
        // The counts are read once, after the round: the summary, the remaining line and the exit code agree even
        // when another process sends at the same time.
        const st = await s.call('sync.status', {});
        const remaining = st.pendingEvents + st.rejected;
        process.stderr.write(`${t('cliSync.summary', { sent: r.sent, pending: st.pendingEvents, dossiers: st.pendingDossiers, rejected: st.rejected, pulled: r.pulled })}\n`);
        if (remaining === 0) {
          process.stderr.write(`${t('cliSync.allSent')}\n`);
          // Nothing waits here, but the central's changes (and the audit anchor) were not reached: said, exit 0.
          if (!r.centralReached) process.stderr.write(`${t('cliSync.notPulled')}\n`);
          // A lasting audit finding (log cut, head disputed) is said even when everything was sent.
          for (const line of errorLines(st.errors.filter((e) => e.itemId === null && e.code.startsWith('AUDIT_')))) process.stderr.write(`${line}\n`);
          return EXIT_OK;
        }
        for (const line of errorLines(st.errors).slice(0, 10)) process.stderr.write(`${line}\n`);
        process.stderr.write(`${t('cliSync.remaining', { remaining })}\n`);
        return EXIT_DEVICE_UNAVAILABLE;
      }
      process.stderr.write(`${t('cliSync.running', { central: first.central ?? '' })}\n`);
      let last = '';
      const stop = await followEvents(s.core, s.conn, ['sync.changed'], (json) => {
        const line = progressLine((JSON.parse(json) as { data: ProgressData }).data);
        if (line !== last) process.stderr.write(`${line}\n`);
        last = line;
      });
      s.core.services.sync.start();
      await new Promise<void>((resolve) => {
        const done = (): void => {
          process.off('SIGINT', done);
          process.off('SIGTERM', done);
          resolve();
        };
        process.on('SIGINT', done);
        process.on('SIGTERM', done);
      });
      // The item in flight finishes (or is left pending, settled by a lookup next time) before the core closes.
      await s.core.services.sync.close();
      await stop();
      process.stderr.write(`${t('cliSync.stopped')}\n`);
      return EXIT_OK;
    },
    centralUrl ? { centralUrl } : {},
  );
}

type ProgressData = { activity: SyncStatus['activity']; pendingDossiers: number; pendingBytes: number; rejected: number; error: { code: string; message: string } | null };

function progressLine(d: ProgressData): string {
  return t('cliSync.progress', {
    at: new Date().toISOString().slice(11, 19),
    activity: t(`cliSync.activity.${d.activity}`),
    pending: d.pendingDossiers,
    bytes: d.pendingBytes,
    rejected: d.rejected,
    error: d.error ? ` — [${d.error.code}] ${d.error.message}` : '',
  });
}

function errorLine(e: SyncStatus['errors'][number]): string {
  const kind = t(`cliSync.kind.${e.kind}`);
  // An error of no dossier (the central unreachable, changes not pulled, the audit anchor): no empty slot.
  if (!e.dossierCode) return t('cliSync.errorLineGeneral', { kind, code: e.code, message: e.message });
  return t('cliSync.errorLine', { kind, dossier: e.dossierCode, code: e.code, message: e.message });
}

/** Each error once (the offline spell and a failed pull say the same thing). */
function errorLines(errors: SyncStatus['errors']): string[] {
  return [...new Set(errors.map(errorLine))];
}

async function statusCommand(json: boolean): Promise<void> {
  const st = await withCore((s) => s.call('sync.status', {}));
  if (json) {
    printJson(st);
    return;
  }
  process.stdout.write(
    `${t('cliSync.statusLine', { ...st, lastSuccessAt: st.lastSuccessAt ?? '-', activity: t(`cliSync.activity.${st.activity}`) })}\n`,
  );
  for (const line of errorLines(st.errors)) process.stdout.write(`${line}\n`);
}
