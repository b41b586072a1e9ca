/**
 * Step 3: the documents handed in, one row per checklist item: received (Space), kind of copy (only the marks
 * the item accepts), copies, check result; extra documents (KHAC) can be added by name. Arrow up/down on a
 * "received" box moves to the next row's box.
 */
import { useId, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistRow, Check, Draft, Mark } from './draft';
import { missingRequired } from './draft';

export interface ChecklistStepProps {
  draft: Draft;
  errorOf(key: string): string | undefined;
  onRow(key: string, patch: Partial<ChecklistRow>): void;
  onTickRequired(): void;
  onAddExtra(): void;
  onRemoveExtra(key: string): void;
  onNext(): void;
}

function moveBetweenRows(e: KeyboardEvent<HTMLInputElement>): void {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const boxes = [...document.querySelectorAll<HTMLInputElement>('input[data-row-received]')];
  const i = boxes.indexOf(e.currentTarget);
  const next = boxes[i + (e.key === 'ArrowDown' ? 1 : -1)];
  if (next) {
    e.preventDefault();
    next.focus();
  }
}

export function ChecklistStep({ draft, errorOf, onRow, onTickRequired, onAddExtra, onRemoveExtra, onNext }: ChecklistStepProps) {
  const { t } = useTranslation();
  const id = useId();
  const rows = draft.checklist;
  const missing = missingRequired(rows);
  const received = rows.filter((r) => r.received).length;

  if (!draft.procedure) return <p className="notice">{t('reception.checklist.noProcedure')}</p>;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onNext();
  };

  const cellError = (key: string) => {
    const text = errorOf(key);
    return text ? (
      <p id={`${id}-${key}`} className="field__error">
        {text}
      </p>
    ) : null;
  };
  const describedBy = (key: string) => (errorOf(key) ? `${id}-${key}` : undefined);

  return (
    <form className="rx-form" noValidate onSubmit={submit} data-testid="checklist-form">
      <p className="rx-muted">{t('reception.checklist.intro')}</p>
      <div className="rx-table-wrap">
        <table className="rx-table rx-checklist" data-testid="checklist">
          <caption className="visually-hidden">{t('reception.checklist.caption', { name: draft.procedure.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reception.checklist.received')}</th>
              <th scope="col">{t('reception.checklist.item')}</th>
              <th scope="col">{t('reception.checklist.mark')}</th>
              <th scope="col">{t('reception.checklist.copies')}</th>
              <th scope="col">{t('reception.checklist.check')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const name = r.extra ? r.name || t('reception.checklist.extraPlaceholder') : r.name;
              const k = (part: string) => `checklist.${r.key}.${part}`;
              return (
                <tr key={r.key} className={r.received ? 'rx-row rx-row--received' : 'rx-row'} data-item={r.itemCode}>
                  <td className="rx-checklist__tick">
                    <input
                      type="checkbox"
                      data-row-received=""
                      data-field={k('received')}
                      checked={r.received}
                      aria-label={t('reception.checklist.receivedItem', { name })}
                      onChange={(e) => onRow(r.key, { received: e.target.checked })}
                      onKeyDown={moveBetweenRows}
                    />
                  </td>
                  <td className="rx-checklist__name">
                    {r.extra ? (
                      <div className="rx-extra">
                        <input
                          type="text"
                          className="field__input"
                          data-field={k('name')}
                          aria-label={t('reception.checklist.extraName')}
                          aria-invalid={errorOf(k('name')) ? true : undefined}
                          aria-describedby={describedBy(k('name'))}
                          placeholder={t('reception.checklist.extraPlaceholder')}
                          value={r.name}
                          maxLength={500}
                          onChange={(e) => onRow(r.key, { name: e.target.value })}
                        />
                        <button type="button" className="btn btn--small" onClick={() => onRemoveExtra(r.key)}>
                          {t('reception.checklist.removeExtra')}
                        </button>
                        {cellError(k('name'))}
                      </div>
                    ) : (
                      <>
                        {r.name}
                        {r.required && <span className="rx-badge">{t('reception.checklist.required')}</span>}
                      </>
                    )}
                  </td>
                  <td>
                    <select
                      className="field__input"
                      data-field={k('mark')}
                      value={String(r.mark)}
                      disabled={!r.received}
                      aria-label={t('reception.checklist.markFor', { name })}
                      aria-invalid={errorOf(k('mark')) ? true : undefined}
                      aria-describedby={describedBy(k('mark'))}
                      onChange={(e) => onRow(r.key, { mark: Number(e.target.value) as Mark })}
                    >
                      {r.acceptedMarks.map((m) => (
                        <option key={m} value={m}>
                          {t(`forms.mark.${m}`)}
                        </option>
                      ))}
                    </select>
                    {cellError(k('mark'))}
                  </td>
                  <td>
                    <input
                      type="number"
                      className="field__input rx-copies"
                      data-field={k('copies')}
                      min={1}
                      max={100}
                      step={1}
                      value={r.copies}
                      disabled={!r.received}
                      aria-label={t('reception.checklist.copiesFor', { name })}
                      aria-invalid={errorOf(k('copies')) ? true : undefined}
                      aria-describedby={describedBy(k('copies'))}
                      onChange={(e) => onRow(r.key, { copies: e.target.value })}
                    />
                    {cellError(k('copies'))}
                  </td>
                  <td>
                    <select
                      className="field__input"
                      data-field={k('check')}
                      value={String(r.check)}
                      disabled={!r.received}
                      aria-label={t('reception.checklist.checkFor', { name })}
                      onChange={(e) => onRow(r.key, { check: Number(e.target.value) as Check })}
                    >
                      {([1, 2, 0] as const).map((c) => (
                        <option key={c} value={c}>
                          {t(`reception.checklist.checks.${c}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className={missing.length ? 'rx-status rx-status--warn' : 'rx-status rx-status--ok'} data-testid="checklist-status">
        {t('reception.checklist.status', { received, total: rows.length })}{' '}
        {missing.length ? t('reception.checklist.missing', { count: missing.length }) : t('reception.checklist.complete')}
      </p>
      <div className="rx-actions">
        <button type="button" className="btn" onClick={onTickRequired}>
          {t('reception.checklist.tickRequired')}
        </button>
        <button type="button" className="btn" data-field="checklist-add" onClick={onAddExtra}>
          {t('reception.checklist.addExtra')}
        </button>
        <button type="submit" className="btn btn--primary">
          {t('reception.nav.next')}
        </button>
      </div>
    </form>
  );
}
