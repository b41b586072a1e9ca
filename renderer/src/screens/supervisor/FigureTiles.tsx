/**
 * The dashboard's figures as tiles, in the agencies' report order (received; resolved early, on time, late; pending
 * within or past due; withdrawn), then digitisation, OCR, the queue and sync. A tile with rows behind it is a
 * button that opens them.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard, DrillFigure } from '../../../../core/contract/reports';
import { formatDateTime } from '../../format/date-time';
import type { DrillTarget } from './chart-data';
import { formatAge, formatCount, formatDuration, formatShare } from './figure-format';
import { formatBytes } from '../sync/sync-text';

type Tone = 'good' | 'bad' | 'warn';

interface TileProps {
  id: string;
  label: string;
  value: string;
  note?: ReactNode;
  tone?: Tone | undefined;
  figure?: DrillFigure;
  onDrill(target: DrillTarget, label: string): void;
}

function Tile({ id, label, value, note, tone, figure, onDrill }: TileProps) {
  const className = ['sv-tile', tone ? `sv-tile--${tone}` : ''].filter(Boolean).join(' ');
  const body = (
    <>
      <span className="sv-tile__label">{label}</span>
      <span className="sv-tile__value" data-testid={`sv-value-${id}`}>
        {value}
      </span>
      {note && <span className="sv-tile__note">{note}</span>}
    </>
  );
  return (
    <li className="sv-tiles__item">
      {figure ? (
        <button type="button" className={`${className} sv-tile--button`} data-testid={`sv-tile-${id}`} onClick={() => onDrill({ figure }, label)}>
          {body}
        </button>
      ) : (
        <div className={className} data-testid={`sv-tile-${id}`}>
          {body}
        </div>
      )}
    </li>
  );
}

function Group({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <section className="sv-group" aria-label={title} data-testid={testId}>
      <h2 className="sv-group__title">{title}</h2>
      {children}
    </section>
  );
}

export function FigureTiles({ data, now, onDrill }: { data: Dashboard; now: Date; onDrill(target: DrillTarget, label: string): void }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const n = (v: number) => formatCount(v, lng);
  const c = data.counts;
  const r = (k: string) => t(`supervisorUi.report.${k}`);
  const tile = (id: string, label: string, value: string, more: Partial<TileProps> = {}) => <Tile key={id} id={id} label={label} value={value} onDrill={onDrill} {...more} />;
  const q = data.queue;
  const s = data.sync;
  return (
    <div className="sv-figures">
      <Group title={r('title')} testId="sv-group-report">
        <ul className="sv-tiles">
          {tile('received', r('received'), n(c.received), { figure: 'received', note: t('supervisorUi.report.receivedNote', { carried: n(c.carriedOver), fresh: n(c.newlyReceived) }) })}
          {tile('resolved', r('resolved'), n(c.resolved), { note: `${r('onTimeRate')}: ${formatShare(c.onTimeRate, lng)}` })}
          {tile('resolvedEarly', r('resolvedEarly'), n(c.resolvedEarly), { figure: 'resolvedEarly', tone: 'good' })}
          {tile('resolvedOnTime', r('resolvedOnTime'), n(c.resolvedOnTime), { figure: 'resolvedOnTime', tone: 'good' })}
          {tile('resolvedLate', r('resolvedLate'), n(c.resolvedLate), { figure: 'resolvedLate', tone: c.resolvedLate > 0 ? 'bad' : undefined })}
          {tile('pendingWithin', r('pendingWithin'), n(c.pendingWithin), { figure: 'pendingWithin' })}
          {tile('pendingOverdue', r('pendingOverdue'), n(c.pendingOverdue), { figure: 'pendingOverdue', tone: c.pendingOverdue > 0 ? 'bad' : undefined })}
          {tile('dueSoon', r('dueSoon'), n(data.dueSoon), { figure: 'dueSoon', tone: data.dueSoon > 0 ? 'warn' : undefined })}
          {tile('withdrawn', r('withdrawn'), n(c.withdrawn), { figure: 'withdrawn' })}
        </ul>
      </Group>
      <Group title={t('supervisorUi.digitisation.title')} testId="sv-group-digitisation">
        <ul className="sv-tiles">
          {tile('pagesDigitised', t('supervisorUi.digitisation.pages'), n(c.pagesDigitised), { figure: 'pagesDigitised' })}
          {tile('dossiersDigitised', t('supervisorUi.digitisation.dossiers'), n(c.dossiersDigitised), { figure: 'dossiersDigitised' })}
          {tile('documentsDigitised', t('supervisorUi.digitisation.documents'), formatShare(c.digitisedRate, lng), {
            figure: 'documentsNotDigitised',
            tone: c.digitisedRate !== null && c.digitisedRate < 1 ? 'warn' : undefined,
            note: (
              <>
                {t('supervisorUi.digitisation.documentsOf', { done: n(c.documentsDigitised), all: n(c.documentsReceived) })} · {t('supervisorUi.digitisation.target')}
                <span className="sv-bar" aria-hidden="true">
                  <span className="sv-bar__fill" style={{ width: `${Math.round((c.digitisedRate ?? 0) * 100)}%` }} />
                </span>
              </>
            ),
          })}
        </ul>
      </Group>
      <Group title={t('supervisorUi.ocr.title')} testId="sv-group-ocr">
        <ul className="sv-tiles">
          {tile('meanOcrConfidence', t('supervisorUi.ocr.meanConfidence'), c.meanOcrConfidence === null ? '—' : `${c.meanOcrConfidence.toLocaleString(lng === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 })}%`, {
            note: `${t('supervisorUi.ocr.pagesRead')}: ${n(c.pagesRead)}`,
          })}
          {tile('pagesFlagged', t('supervisorUi.ocr.flagged'), n(c.pagesFlagged), { figure: 'pagesFlagged', note: `${t('supervisorUi.ocr.flaggedUnreviewed')}: ${n(data.ocr.flaggedUnreviewed)}` })}
          {tile('ocrBacklog', t('supervisorUi.ocr.backlog'), n(data.ocr.waiting + data.ocr.running), {
            figure: 'ocrBacklog',
            tone: data.ocr.failed > 0 ? 'bad' : undefined,
            note: t('supervisorUi.ocr.backlogNote', { waiting: n(data.ocr.waiting), running: n(data.ocr.running), failed: n(data.ocr.failed) }),
          })}
        </ul>
      </Group>
      <Group title={t('supervisorUi.queue.title')} testId="sv-group-queue">
        {q.available ? (
          <ul className="sv-tiles">
            {tile('ticketsIssued', t('supervisorUi.queue.issued'), n(q.issued), { figure: 'ticketsIssued' })}
            {tile('ticketsServed', t('supervisorUi.queue.served'), n(q.served))}
            {tile('ticketsNoShow', t('supervisorUi.queue.noShow'), n(q.noShow), { figure: 'ticketsNoShow' })}
            {tile('meanWait', t('supervisorUi.queue.meanWait'), formatDuration(q.meanWaitSeconds, t, lng), { note: `${t('supervisorUi.queue.maxWait')}: ${formatDuration(q.maxWaitSeconds, t, lng)}` })}
            {tile('meanService', t('supervisorUi.queue.meanService'), formatDuration(q.meanServiceSeconds, t, lng))}
          </ul>
        ) : (
          <p className="sv-unavailable" data-testid="sv-queue-unavailable">
            {t('supervisorUi.queue.unavailable')}
          </p>
        )}
      </Group>
      <Group title={t('supervisorUi.sync.title')} testId="sv-group-sync">
        <ul className="sv-tiles">
          {tile('syncBacklog', t('supervisorUi.sync.pendingDossiers'), n(s.pendingDossiers), { figure: 'syncBacklog', note: `${t('supervisorUi.sync.pendingItems')}: ${n(s.pendingItems)} · ${formatBytes(s.pendingBytes, lng)}` })}
          {tile('syncOldest', t('supervisorUi.sync.oldest'), s.oldestPendingAt === null ? t('supervisorUi.sync.none') : formatAge(s.oldestPendingAt, now, t, lng))}
          {tile('syncRejected', t('supervisorUi.sync.rejected'), n(s.rejected), { tone: s.rejected > 0 ? 'bad' : undefined })}
          {tile('syncLast', t('supervisorUi.sync.lastSuccess'), s.lastSuccessAt === null ? t('supervisorUi.sync.never') : formatDateTime(s.lastSuccessAt))}
        </ul>
      </Group>
    </div>
  );
}
