/**
 * The words of the sync status, pure (tested without a browser): bytes in human units in the clerk's language
 * ("3,4 MB"), times of today as HH:mm and older ones with their date (Vietnam time), the header line's parts, and
 * what is worth saying to a screen reader when the status moves (only the turns a clerk acts on, not every count).
 */
import type { TFunction } from 'i18next';
import type { OutboxItem, SyncError, SyncStatus } from '../../../../core/contract/sync';
import { formatDateTime } from '../../format/date-time';

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;
const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

export function formatBytes(bytes: number, lng: string): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 ? 0 : 1;
  const text = value.toLocaleString(lng === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  return `${text} ${UNITS[unit]}`;
}

const vietnamDay = (ms: number) => new Date(ms + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);

/** An instant as the header says it: "10:42" today (Vietnam time), "06/12/2026 10:42" another day. */
export function formatSyncTime(iso: string, now: Date = new Date()): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const full = formatDateTime(iso);
  return vietnamDay(at) === vietnamDay(now.getTime()) ? full.slice(-5) : full;
}

/** What the header shows: not enrolled, the status, or nothing readable (the core has no sync service). */
export type SyncView = { kind: 'not_enrolled' } | { kind: 'unreadable' } | { kind: 'status'; status: SyncStatus };

export type Tone = 'ok' | 'warn' | 'off';

export interface HeaderLine {
  parts: string[];
  /** Errors to show apart (highlighted), with their count. */
  errors: string | null;
  tone: Tone;
}

export function headerLine(t: TFunction, view: SyncView, lng: string, now: Date = new Date()): HeaderLine {
  if (view.kind === 'unreadable') return { parts: [t('syncUi.header.unreadable')], errors: null, tone: 'warn' };
  const waiting = (s: SyncStatus) => {
    const bytes = s.pendingBytes > 0 ? ` · ${formatBytes(s.pendingBytes, lng)}` : '';
    return `${t('syncUi.header.waitingDossiers', { count: s.pendingDossiers })}${bytes} ${t('syncUi.header.waitingSuffix')}`;
  };
  if (view.kind === 'not_enrolled') return { parts: [t('syncUi.header.notEnrolled')], errors: null, tone: 'off' };
  const s = view.status;
  // Not enrolled yet: what the counter keeps for later is still said.
  if (!s.enrolled) return { parts: [t('syncUi.header.notEnrolled'), ...(s.pendingDossiers > 0 ? [waiting(s)] : [])], errors: null, tone: 'off' };
  const parts: string[] = [];
  parts.push(s.pendingDossiers > 0 ? waiting(s) : t('syncUi.header.allSent'));
  if (s.activity === 'offline') parts.push(t('syncUi.header.offline'));
  else if (s.activity === 'sending') parts.push(t('syncUi.header.sending'));
  parts.push(s.lastSuccessAt ? t('syncUi.header.lastSuccess', { at: formatSyncTime(s.lastSuccessAt, now) }) : t('syncUi.header.never'));
  const errorCount = distinctErrors(s.errors).length;
  const tone: Tone = s.activity === 'offline' || s.rejected > 0 || errorCount > 0 ? 'warn' : 'ok';
  return { parts, errors: errorCount > 0 ? t('syncUi.header.errors', { count: errorCount }) : null, tone };
}

/** The part of the status that matters to a listener; a change of anything else is not announced. */
export interface Heard {
  kind: SyncView['kind'];
  offline: boolean;
  pending: number;
  rejected: number;
}

export function heardOf(view: SyncView): Heard {
  if (view.kind !== 'status') return { kind: view.kind, offline: false, pending: 0, rejected: 0 };
  const s = view.status;
  return { kind: s.enrolled ? 'status' : 'not_enrolled', offline: s.activity === 'offline', pending: s.pendingDossiers, rejected: s.rejected };
}

/**
 * What to announce (politely) going from one status to the next, or null: the central lost or back, everything
 * sent, new refusals. The first read, and counts merely moving, say nothing.
 */
export function announcement(t: TFunction, before: Heard | null, after: Heard, reason: string | null): string | null {
  if (!before || before.kind !== 'status' || after.kind !== 'status') return null;
  if (!before.offline && after.offline) return reason ? t('syncUi.announce.offline', { reason }) : t('syncUi.announce.offlineNoReason');
  if (after.rejected > before.rejected) return t('syncUi.announce.rejected', { count: after.rejected - before.rejected });
  // Back from offline with everything sent (perhaps while still shown offline): "all sent" says the central is back too.
  if (before.offline && !after.offline) return after.pending === 0 ? t('syncUi.announce.drained') : t('syncUi.announce.online');
  if (!after.offline && before.pending > 0 && after.pending === 0) return t('syncUi.announce.drained');
  return null;
}

/** One outbox row's words: its state, why (a refusal says it is the central server's reason) and its action. */
export function outboxRowText(t: TFunction, item: OutboxItem, noCode: string): { state: string; reason: string; action: string; actionLabel: string; rejected: boolean } {
  const rejected = item.state === 'rejected';
  const code = item.dossierCode ?? noCode;
  return {
    rejected,
    state: t(`syncUi.outbox.states.${item.state}`),
    reason: item.error ? (rejected ? t('syncUi.outbox.rejectedReason', { message: item.error.message }) : item.error.message) : '',
    action: t(rejected ? 'syncUi.outbox.resend' : 'syncUi.outbox.retry'),
    actionLabel: t(rejected ? 'syncUi.outbox.resendNamed' : 'syncUi.outbox.retryNamed', { seq: item.seq, code }),
  };
}

/**
 * The errors a person reads: one outage reaches the status as several entries with the same words (the link, the
 * pull); the same dossier, kind and reason are said once, the newest kept (the list comes newest first).
 */
export function distinctErrors(errors: readonly SyncError[]): SyncError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.dossierId ?? ''}|${e.kind}|${e.code}|${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
