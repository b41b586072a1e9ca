/**
 * Supervisor commands for a counter without the app (issue #17): `motcua sync retry [--item ID] [--json]` (a rejected
 * item goes back to pending, a pending one is due now; every item when no --item), `motcua sync outbox
 * [--state pending|sent|rejected] [--json]` (pending and rejected by default) and `motcua sync changes [--json]`
 * (the changes pulled from the central, with what each changed here). The same `sync` methods the app calls.
 */
import type { Command } from 'commander';
import { outboxStateSchema, type AppliedChange, type OutboxItem, type OutboxState } from '../../../contract/sync';
import { t } from '../../../i18n/translate';
import { cliFailure, EXIT_OK, printJson, withCore } from '../runtime';

type Run = (fn: () => Promise<number | void>) => Promise<void>;

export function registerSyncSupervisorCommands(sync: Command, run: Run): void {
  sync
    .command('retry')
    .description('Thử lại ngay: mục bị từ chối trở lại hàng chờ, mục đang chờ được gửi ngay / retry now')
    .option('--item <id>', 'chỉ mục này (số trong motcua sync outbox) / only this item')
    .option('--json', 'in JSON / print JSON')
    .action((opts: { item?: string; json?: boolean }) => run(() => retryCommand(opts.item, Boolean(opts.json))));

  sync
    .command('outbox')
    .description('Hàng đợi đồng bộ: mục đang chờ và bị từ chối (mặc định) / the sync outbox')
    .option('--state <state>', 'pending | sent | rejected')
    .option('--json', 'in JSON / print JSON')
    .action((opts: { state?: string; json?: boolean }) => run(() => outboxCommand(opts.state, Boolean(opts.json))));

  sync
    .command('changes')
    .description('Thay đổi nhận từ hệ thống trung tâm và những gì đã đổi tại quầy / changes pulled from the central')
    .option('--json', 'in JSON / print JSON')
    .action((opts: { json?: boolean }) => run(() => changesCommand(Boolean(opts.json))));
}

async function retryCommand(item: string | undefined, json: boolean): Promise<number> {
  const itemId = item === undefined ? undefined : Number(item.trim());
  if (item !== undefined && !/^\d{1,15}$/.test(item.trim())) throw cliFailure('CLI_SYNC_BAD_ITEM', t('cliSync.badItem', { item: item.slice(0, 40) }));
  return withCore(async (s) => {
    const r = await s.call('sync.retry', itemId === undefined ? {} : { itemId });
    // A named item that is neither pending nor rejected (sent, or no such number) is the user's to fix.
    if (itemId !== undefined && r.due === 0) throw cliFailure('CLI_SYNC_ITEM_NOT_RETRYABLE', t('cliSync.itemNotRetryable', { item: itemId }));
    if (json) printJson(r);
    else process.stdout.write(`${t('cliSync.retried', { due: r.due })}\n`);
    return EXIT_OK;
  });
}

async function outboxCommand(state: string | undefined, json: boolean): Promise<number> {
  let parsed: OutboxState | undefined;
  if (state !== undefined) {
    const v = outboxStateSchema.safeParse(state.trim());
    if (!v.success) throw cliFailure('CLI_SYNC_BAD_STATE', t('cliSync.badState', { state: state.slice(0, 40) }));
    parsed = v.data;
  }
  return withCore(async (s) => {
    const items = await s.call('sync.outbox', { limit: 1000, ...(parsed ? { state: parsed } : {}) });
    if (json) printJson(items);
    else if (items.length === 0) process.stdout.write(`${t('cliSync.outboxEmpty')}\n`);
    else for (const i of items) process.stdout.write(`${outboxLine(i)}\n`);
    return EXIT_OK;
  });
}

function outboxLine(i: OutboxItem): string {
  return t('cliSync.outboxLine', {
    id: i.id,
    dossier: i.dossierCode ?? i.dossierId,
    seq: i.seq,
    kind: i.kind,
    state: t(`cliSync.itemState.${i.state}`),
    attempts: i.attempts,
    error: i.error ? ` — [${i.error.code}] ${i.error.message}` : '',
  });
}

async function changesCommand(json: boolean): Promise<number> {
  return withCore(async (s) => {
    const changes = await s.call('sync.changes', { limit: 500 });
    if (json) printJson(changes);
    else if (changes.length === 0) process.stdout.write(`${t('cliSync.changesNone')}\n`);
    else for (const c of changes) process.stdout.write(changeLines(c).join('\n') + '\n');
    return EXIT_OK;
  });
}

function changeLines(c: AppliedChange): string[] {
  const head = t('cliSync.changeLine', { at: c.appliedAt, kind: c.kind, dossier: c.dossierCode ? ` ${c.dossierCode}` : '', outcome: t(`cliSync.outcome.${c.outcome}`) });
  return [head, ...c.diff.map((d) => `  ${d}`), ...(c.error ? [`  [${c.error.code}] ${c.error.message}`] : [])];
}
