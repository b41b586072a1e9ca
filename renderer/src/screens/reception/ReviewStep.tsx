/**
 * Step 5: what will be recorded, the fees to collect (with the clerk's confirmation), how the result goes back,
 * and the decision: receive, request a supplement, or refuse. When the core finds required documents missing,
 * they are listed here with the offer to issue the request to supplement.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../core/contract/index';
import { CheckboxField } from '../../components/CheckboxField';
import { Field } from '../../components/Field';
import { TextAreaField } from '../../components/TextAreaField';
import type { Decision, Draft } from './draft';
import { feeTotal, missingRequired } from './draft';
import { formatMoney } from './format';

type Agency = MethodOutput<'catalogue.agencies'>[number];

export interface MissingItem {
  itemCode: string;
  name: string;
  reason: 'absent' | 'failed';
}

export interface ReviewStepProps {
  draft: Draft;
  agencies: readonly Agency[];
  busy: Decision | null;
  incomplete: MissingItem[] | null;
  errorOf(key: string): string | undefined;
  onChange(patch: Partial<Draft>): void;
  onDecide(decision: Decision): void;
  /** The counter's receipt printer, when it has one: receiving then prints the receipt (and fee receipt). */
  receiptPrinter?: string | null;
}

export function ReviewStep({ draft, agencies, busy, incomplete, errorOf, onChange, onDecide, receiptPrinter = null }: ReviewStepProps) {
  const { t } = useTranslation();
  const id = useId();
  const p = draft.procedure;
  const total = feeTotal(p);
  const received = draft.checklist.filter((r) => r.received);
  const missing = missingRequired(draft.checklist);
  const returns = p?.resultReturn?.length ? p.resultReturn : (['counter', 'post'] as const);
  const money = (n: number) => t('reception.fees.money', { amount: formatMoney(n) });
  const none = <span className="rx-muted">{t('reception.review.none')}</span>;

  return (
    <div className="rx-form rx-review">
      <p className="rx-muted">{t('reception.review.intro')}</p>
      <dl className="rx-facts rx-facts--wide" data-testid="review-summary">
        <dt>{t('reception.review.applicant')}</dt>
        <dd>{draft.applicant.fullName ? `${draft.applicant.fullName} — ${draft.applicant.idNumber}` : none}</dd>
        {draft.submitterDiffers && (
          <>
            <dt>{t('reception.review.submitter')}</dt>
            <dd>{draft.submitter.fullName ? `${draft.submitter.fullName} — ${draft.submitter.idNumber}` : none}</dd>
          </>
        )}
        <dt>{t('reception.review.procedure')}</dt>
        <dd>{p ? `${p.name} (${p.code})` : none}</dd>
        {p && (
          <>
            <dt>{t('reception.review.agency')}</dt>
            <dd>{agencies.find((a) => a.code === p.agencyCode)?.name ?? p.agencyCode}</dd>
            <dt>{t('reception.review.processing')}</dt>
            <dd>{t('reception.procedure.processing', { amount: p.processing.amount, unit: t(`dossier.units.${p.processing.unit}`) })}</dd>
          </>
        )}
        <dt>{t('reception.review.received')}</dt>
        <dd>
          {received.length ? (
            <ul className="rx-plain-list">
              {received.map((r) => (
                <li key={r.key}>
                  {r.name || t('reception.checklist.extraPlaceholder')} — {t(`forms.mark.${r.mark}`)}, {r.copies}
                </li>
              ))}
            </ul>
          ) : (
            none
          )}
        </dd>
        <dt>{t('reception.review.attachments')}</dt>
        <dd>{draft.attachments.length ? t('reception.documents.count', { count: draft.attachments.length }) : none}</dd>
      </dl>
      {p && missing.length > 0 && !incomplete && (
        <p className="rx-warnings" data-testid="missing-warning">
          {t('reception.review.missingWarning', { items: missing.map((m) => m.row.name).join('; ') })}
        </p>
      )}

      <section className="rx-section" aria-labelledby={`${id}-fees`} data-testid="fees">
        <h3 id={`${id}-fees`} className="rx-section__title">
          {t('reception.fees.title')}
        </h3>
        {p && total > 0 ? (
          <>
            <table className="rx-table rx-fees">
              <tbody>
                <tr>
                  <th scope="row">{t('reception.fees.fee')}</th>
                  <td>{money(p.fees.fee)}</td>
                </tr>
                <tr>
                  <th scope="row">{t('reception.fees.charge')}</th>
                  <td>{money(p.fees.charge)}</td>
                </tr>
                <tr className="rx-fees__total">
                  <th scope="row">{t('reception.fees.total')}</th>
                  <td>{money(total)}</td>
                </tr>
              </tbody>
            </table>
            {p.fees.note && <p className="rx-muted">{p.fees.note}</p>}
            <div className="rx-grid">
              <Field
                label={t('reception.fees.collected')}
                hint={t('reception.fees.collectedHint')}
                name="fee-collected"
                data-field="fees.collected"
                inputMode="numeric"
                autoComplete="off"
                value={draft.feeCollected}
                onValue={(v) => onChange({ feeCollected: v })}
                error={errorOf('fees.collected')}
              />
            </div>
            <CheckboxField
              label={t('reception.fees.confirm')}
              checked={draft.feeConfirmed}
              onChecked={(v) => onChange({ feeConfirmed: v })}
              error={errorOf('fees.confirmed')}
              data-field="fees.confirmed"
              className="rx-check"
            />
          </>
        ) : (
          <p>{t('reception.fees.none')}</p>
        )}
      </section>

      <fieldset className="rx-section rx-radios">
        <legend className="rx-section__title">{t('reception.result.title')}</legend>
        {returns.map((r) => (
          <label key={r} className="rx-radio">
            <input
              type="radio"
              name={`${id}-return`}
              value={r}
              checked={draft.resultReturn === r}
              data-field={`resultReturn.${r}`}
              onChange={() => onChange({ resultReturn: r, ...(r === 'post' && !draft.returnAddress ? { returnAddress: draft.applicant.address } : {}) })}
            />
            {t(`reception.result.${r}`)}
          </label>
        ))}
        {draft.resultReturn === 'post' && (
          <Field
            label={t('reception.result.address')}
            name="return-address"
            data-field="returnAddress"
            required
            value={draft.returnAddress}
            onValue={(v) => onChange({ returnAddress: v })}
            error={errorOf('returnAddress')}
            maxLength={500}
          />
        )}
      </fieldset>

      <TextAreaField
        label={t('reception.review.summaryLabel')}
        hint={t('reception.review.summaryHint')}
        data-field="summary"
        rows={2}
        maxLength={1000}
        value={draft.summary}
        onValue={(v) => onChange({ summary: v })}
        error={errorOf('summary')}
      />

      {incomplete && (
        <section className="rx-incomplete" aria-labelledby={`${id}-incomplete`} data-testid="incomplete" tabIndex={-1} data-field="incomplete">
          <h3 id={`${id}-incomplete`} className="rx-section__title">
            {t('reception.incomplete.title')}
          </h3>
          <p>{t('reception.incomplete.intro')}</p>
          <ul>
            {incomplete.map((m) => (
              <li key={m.itemCode}>
                {m.name} — {t(`reception.incomplete.${m.reason}`)}
              </li>
            ))}
          </ul>
          <p>{t('reception.incomplete.offer')}</p>
          <button type="button" className="btn btn--primary" data-field="decision.supplementOffer" onClick={() => onDecide('supplement')}>
            {t('reception.decision.supplement')}
          </button>
        </section>
      )}

      <div className="rx-decisions" role="group" aria-label={t('reception.decision.group')}>
        <button
          type="button"
          className="btn btn--primary btn--large"
          data-field="decision.receive"
          aria-busy={busy === 'receive'}
          aria-keyshortcuts="Control+Enter"
          aria-describedby={receiptPrinter ? `${id}-prints` : undefined}
          onClick={() => onDecide('receive')}
        >
          {busy === 'receive' ? t('reception.decision.working') : receiptPrinter ? t('printingUi.reception.receiveAndPrint') : t('reception.decision.receive')}
          <kbd className="rx-key">{t('reception.decision.receiveKey')}</kbd>
        </button>
        <button type="button" className="btn" aria-busy={busy === 'supplement'} onClick={() => onDecide('supplement')}>
          {t('reception.decision.supplement')}
        </button>
        <button type="button" className="btn btn--danger" aria-busy={busy === 'refuse'} onClick={() => onDecide('refuse')}>
          {t('reception.decision.refuse')}
        </button>
      </div>
      {receiptPrinter && (
        <p id={`${id}-prints`} className="rx-muted" data-testid="receive-prints">
          {t('printingUi.reception.receivePrints', { uri: receiptPrinter })}
        </p>
      )}
    </div>
  );
}
