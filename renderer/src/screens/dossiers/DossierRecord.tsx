/** The dossier as recorded: overview, documents received, fees, digitised files, result and history. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { DossierView } from '../../../../core/contract/dossiers';
import { FormError } from '../../components/FormError';
import { Panel } from '../../components/Panel';
import { DocumentViewer, useDocumentOpener } from './DocumentViewer';
import { formatDateTime } from '../../format/date-time';
import { formatMoney, parseActor } from './format';

/** A part of the record: a panel under the detail's heading. */
function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Panel title={title} level={3} className="dossier-section" testId={testId}>
      {children}
    </Panel>
  );
}

function Pair({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="dossier-facts__pair">
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

export function StateBadge({ state }: { state: DossierView['state'] }) {
  const { t } = useTranslation();
  return <span className={`state-badge state-badge--${state}`}>{t(`dossier.states.${state}`)}</span>;
}

export function SummarySection({ view }: { view: DossierView }) {
  const { t } = useTranslation();
  const none = t('dossiersUi.detail.none');
  const a = view.applicant;
  return (
    <Section title={t('dossiersUi.detail.summary')} testId="dossier-summary">
      <dl className="dossier-facts">
        <Pair label={t('dossiersUi.detail.code')} testId="dossier-code">
          {view.code ?? none}
        </Pair>
        <Pair label={t('dossiersUi.detail.state')} testId="dossier-state">
          <StateBadge state={view.state} />
        </Pair>
        <Pair label={t('dossiersUi.detail.applicant')}>{a.fullName}</Pair>
        <Pair label={t('dossiersUi.detail.idNumber')}>{a.idNumber ?? none}</Pair>
        {a.address && <Pair label={t('dossiersUi.detail.address')}>{a.address}</Pair>}
        {a.phone && <Pair label={t('dossiersUi.detail.phone')}>{a.phone}</Pair>}
        {view.submitter && (
          <Pair label={t('dossiersUi.detail.submitter')}>
            {view.submitter.fullName} ({view.submitter.idNumber})
          </Pair>
        )}
        <Pair label={t('dossiersUi.detail.procedure')}>
          {view.procedureCode} — {view.procedureName}
        </Pair>
        <Pair label={t('dossiersUi.detail.agency')}>{view.agencyName}</Pair>
        <Pair label={t('dossiersUi.detail.received')} testId="dossier-received">
          {formatDateTime(view.receivedAt) || none}
        </Pair>
        <Pair label={t('dossiersUi.detail.due')} testId="dossier-due">
          {formatDateTime(view.due) || none}
        </Pair>
        <Pair label={t('dossiersUi.detail.lookupPin')}>{view.lookupPin}</Pair>
        <Pair label={t('dossiersUi.detail.channel')}>{t(`dossiersUi.detail.channels.${view.channel}`)}</Pair>
        <Pair label={t('dossiersUi.detail.resultReturn')}>{t(`dossiersUi.detail.returnMethods.${view.resultReturn}`)}</Pair>
        {view.returnAddress && <Pair label={t('dossiersUi.detail.returnAddress')}>{view.returnAddress}</Pair>}
        {view.summary && <Pair label={t('dossiersUi.detail.summaryText')}>{view.summary}</Pair>}
      </dl>
      {view.warnings.length > 0 && (
        <div className="notice dossier-warnings">
          <strong>{t('dossiersUi.detail.warnings')}: </strong>
          {view.warnings.map((w) => t(`dossier.warnings.${w}`, { defaultValue: w })).join(' ')}
        </div>
      )}
    </Section>
  );
}

export function ChecklistSection({ view }: { view: DossierView }) {
  const { t } = useTranslation();
  const yesNo = (v: boolean) => t(v ? 'dossiersUi.detail.yes' : 'dossiersUi.detail.no');
  return (
    <Section title={t('dossiersUi.detail.checklist')} testId="dossier-checklist">
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('dossiersUi.detail.item')}</th>
              <th scope="col">{t('dossiersUi.detail.required')}</th>
              <th scope="col">{t('dossiersUi.detail.receivedItem')}</th>
              <th scope="col">{t('dossiersUi.detail.mark')}</th>
              <th scope="col">{t('dossiersUi.detail.copies')}</th>
              <th scope="col">{t('dossiersUi.detail.check')}</th>
            </tr>
          </thead>
          <tbody>
            {view.checklist.map((l, i) => (
              <tr key={`${l.itemCode}-${i}`} className={l.required && !l.received ? 'data-table__row--missing' : undefined}>
                <th scope="row" className="data-table__text">
                  {l.name}
                  {l.note && <span className="field__hint"> — {l.note}</span>}
                </th>
                <td>{yesNo(l.required)}</td>
                <td>{yesNo(l.received)}</td>
                <td>{l.mark ? t(`forms.mark.${l.mark}`) : ''}</td>
                <td className="data-table__num">{l.received ? l.copies : ''}</td>
                <td>{l.received ? t(`dossiersUi.detail.checks.${l.check}`) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}

export function FeesSection({ view }: { view: DossierView }) {
  const { t } = useTranslation();
  const money = (n: number) => t('dossiersUi.detail.money', { amount: formatMoney(n) });
  const f = view.fees;
  return (
    <Section title={t('dossiersUi.detail.fees')} testId="dossier-fees">
      <dl className="dossier-facts">
        <Pair label={t('dossiersUi.detail.fee')}>{money(f.fee)}</Pair>
        <Pair label={t('dossiersUi.detail.charge')}>{money(f.charge)}</Pair>
        {f.postage > 0 && <Pair label={t('dossiersUi.detail.postage')}>{money(f.postage)}</Pair>}
        <Pair label={t('dossiersUi.detail.paid')}>{money(f.paid)}</Pair>
        <Pair label={t('dossiersUi.detail.amountDue')} testId="dossier-amount-due">
          {money(f.due)}
        </Pair>
      </dl>
      {f.receipts.length === 0 ? (
        <p className="field__hint">{t('dossiersUi.detail.noReceipts')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="dossier-receipts">
            <caption className="data-table__caption">{t('dossiersUi.detail.receipts')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dossiersUi.detail.receiptNumber')}</th>
                <th scope="col">{t('dossiersUi.detail.amount')}</th>
                <th scope="col">{t('dossiersUi.detail.collectedAt')}</th>
                <th scope="col">{t('dossiersUi.detail.collectedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {f.receipts.map((r) => (
                <tr key={r.number}>
                  <th scope="row" className="data-table__num">
                    {r.number}
                  </th>
                  <td className="data-table__num">{money(r.amount)}</td>
                  <td className="data-table__num">{formatDateTime(r.collectedAt)}</td>
                  <td>{actorText(t, r.collectedBy)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}

export function DocumentsSection({ view }: { view: DossierView }) {
  const { t } = useTranslation();
  const names = new Map(view.checklist.map((l) => [l.itemCode, l.name]));
  const opener = useDocumentOpener();
  return (
    <Section title={t('dossiersUi.detail.documents')} testId="dossier-documents">
      <FormError message={opener.error} testId="document-error" />
      <DocumentViewer file={opener.viewer} onClose={opener.closeViewer} />
      {view.documents.length === 0 ? (
        <p className="field__hint">{t('dossiersUi.detail.noDocuments')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('dossiersUi.detail.fileName')}</th>
                <th scope="col">{t('dossiersUi.detail.item')}</th>
                <th scope="col">{t('dossiersUi.detail.size')}</th>
                <th scope="col">{t('dossiersUi.documents.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {view.documents.map((d) => (
                <tr key={d.id}>
                  <th scope="row" className="data-table__text">
                    {d.fileName}
                  </th>
                  <td>{names.get(d.itemCode) ?? d.itemCode}</td>
                  <td className="data-table__num">{t('dossiersUi.detail.kb', { size: formatMoney(Math.max(1, Math.round(d.bytes / 1024))) })}</td>
                  <td>
                    <button
                      type="button"
                      className="btn"
                      data-document={d.id}
                      aria-busy={opener.busyId === d.id}
                      aria-label={t('dossiersUi.documents.openNamed', { name: d.fileName })}
                      onClick={() => void opener.open(d)}
                    >
                      {t('dossiersUi.documents.open')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}

export function ResultSection({ view }: { view: DossierView }) {
  const { t } = useTranslation();
  const r = view.result;
  if (!r) return null;
  return (
    <Section title={t('dossiersUi.detail.result')} testId="dossier-result">
      <dl className="dossier-facts">
        <Pair label={t('dossiersUi.detail.receiverName')}>{r.receiverName}</Pair>
        {r.receiverIdNumber && <Pair label={t('dossiersUi.detail.receiverId')}>{r.receiverIdNumber}</Pair>}
        <Pair label={t('dossiersUi.detail.returnMethod')}>{t(`dossiersUi.detail.returnMethods.${r.method}`, { defaultValue: r.method })}</Pair>
        <Pair label={t('dossiersUi.detail.returnedAt')}>{formatDateTime(r.returnedAt)}</Pair>
        {r.note && <Pair label={t('dossiersUi.detail.note')}>{r.note}</Pair>}
      </dl>
    </Section>
  );
}

export function actorText(t: TFunction, label: string): string {
  const a = parseActor(label);
  return a.kind === 'system' ? t('dossiersUi.detail.system', { name: a.name }) : a.name;
}

interface Receiver {
  receiverName?: string;
  receiverIdNumber?: string | null;
}

interface HistoryData {
  returnCorrection?: { before?: Receiver; after?: Receiver; reason?: string };
  apology?: { reason?: string; previousDue?: string | null; newDue?: string };
  note?: string | null;
  reason?: string;
  receiverName?: string;
  code?: string;
  items?: { name?: string; reason?: string }[];
}

function historyText(t: TFunction, h: DossierView['history'][number]): string[] {
  const data = (h.data ?? {}) as HistoryData;
  const state = (s: string) => t(`dossier.states.${s}`, { defaultValue: s });
  const lines: string[] = [];
  if (data.returnCorrection) {
    const who = (r: Receiver | undefined) => [r?.receiverName ?? '', r?.receiverIdNumber ?? ''].filter(Boolean).join(', ');
    lines.push(t('dossiersUi.detail.returnCorrected', { before: who(data.returnCorrection.before), after: who(data.returnCorrection.after) }));
    if (data.returnCorrection.reason) lines.push(t('dossiersUi.detail.reason', { reason: data.returnCorrection.reason }));
    return lines;
  }
  if (data.apology) {
    lines.push(
      t('dossiersUi.detail.apology', {
        previous: formatDateTime(data.apology.previousDue) || t('dossiersUi.detail.none'),
        next: formatDateTime(data.apology.newDue),
      }),
    );
    if (data.apology.reason) lines.push(t('dossiersUi.detail.reason', { reason: data.apology.reason }));
    return lines;
  }
  lines.push(h.from === null ? t('dossiersUi.detail.created', { to: state(h.to) }) : t('dossiersUi.detail.moved', { from: state(h.from), to: state(h.to) }));
  if (data.reason) lines.push(t('dossiersUi.detail.reason', { reason: data.reason }));
  for (const item of Array.isArray(data.items) ? data.items : []) {
    if (item.reason) lines.push(t('dossiersUi.detail.missingItem', { name: item.name ?? '', reason: item.reason }));
  }
  if (data.receiverName) lines.push(t('dossiersUi.detail.receiver', { name: data.receiverName }));
  if (data.note) lines.push(t('dossiersUi.detail.noteText', { note: data.note }));
  return lines;
}

export function HistorySection({ view }: { view: DossierView }) {
  const { t } = useTranslation();
  return (
    <Section title={t('dossiersUi.detail.history')} testId="dossier-history">
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('dossiersUi.detail.at')}</th>
              <th scope="col">{t('dossiersUi.detail.change')}</th>
              <th scope="col">{t('dossiersUi.detail.actor')}</th>
            </tr>
          </thead>
          <tbody>
            {view.history.map((h, i) => (
              <tr key={i}>
                <td className="data-table__num">{formatDateTime(h.at)}</td>
                <td className="data-table__text">
                  {historyText(t, h).map((line, j) => (
                    <span key={j} className="history-line">
                      {line}
                    </span>
                  ))}
                </td>
                <td>{actorText(t, h.actor)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}
