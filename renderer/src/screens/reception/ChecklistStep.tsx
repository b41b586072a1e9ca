/**
 * Step 3: the documents handed in, one row per checklist item: received (Space), kind of copy (only the marks
 * the item accepts), copies, check result; extra documents (KHAC) can be added by name. Arrow up/down on a
 * "received" box moves to the next row's box.
 */
import { useId, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldAria } from '../../components/field-aria';
import { FieldNotes } from '../../components/FieldNotes';
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

/** A select in a checklist cell, named by its aria-label (the column header says what it is). */
function CellSelect(props: {
  field: string;
  label: string;
  value: string;
  disabled: boolean;
  options: readonly { value: string | number; label: string }[];
  onValue(v: string): void;
  aria?: ReturnType<typeof fieldAria>;
}) {
  return (
    <select
      className="field__input"
      data-field={props.field}
      value={props.value}
      disabled={props.disabled}
      aria-label={props.label}
      {...props.aria}
      onChange={(e) => props.onValue(e.target.value)}
    >
      {props.options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
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

  // A cell's error sits under its control, tied to it like a Field's.
  const cellAria = (key: string) => fieldAria(`${id}-${key}`, undefined, errorOf(key));
  const cellError = (key: string) => <FieldNotes id={`${id}-${key}`} error={errorOf(key)} />;

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
                          {...cellAria(k('name'))}
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
                    <CellSelect
                      field={k('mark')}
                      label={t('reception.checklist.markFor', { name })}
                      value={String(r.mark)}
                      disabled={!r.received}
                      options={r.acceptedMarks.map((m) => ({ value: m, label: t(`forms.mark.${m}`) }))}
                      onValue={(v) => onRow(r.key, { mark: Number(v) as Mark })}
                      aria={cellAria(k('mark'))}
                    />
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
                      {...cellAria(k('copies'))}
                      onChange={(e) => onRow(r.key, { copies: e.target.value })}
                    />
                    {cellError(k('copies'))}
                  </td>
                  <td>
                    <CellSelect
                      field={k('check')}
                      label={t('reception.checklist.checkFor', { name })}
                      value={String(r.check)}
                      disabled={!r.received}
                      options={([1, 2, 0] as const).map((c) => ({ value: c, label: t(`reception.checklist.checks.${c}`) }))}
                      onValue={(v) => onRow(r.key, { check: Number(v) as Check })}
                    />
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
