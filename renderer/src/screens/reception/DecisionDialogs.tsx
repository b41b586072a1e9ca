/**
 * The two decisions that need words from the clerk: the request to supplement (what to bring, per document)
 * and the refusal (why). Both keep what was typed if the call fails.
 */
import { useRef, useState, type FormEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { DialogActions } from '../../components/DialogActions';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { TextAreaField } from '../../components/TextAreaField';

export interface SupplementLine {
  key: string;
  /** Absent for a request that names no checklist item. */
  itemCode?: string;
  name: string;
  reason: string;
}

export interface SupplementDraft {
  lines: SupplementLine[];
  note: string;
}

export interface SupplementDialogProps {
  open: boolean;
  /** What the clerk has written so far (kept by the screen, so closing the dialog loses nothing). */
  value: SupplementDraft;
  onValue(v: SupplementDraft): void;
  busy: boolean;
  /** Error texts by line key (`items.<key>`), 'note', or '' for the whole form. */
  errors: Record<string, string>;
  onSubmit(v: SupplementDraft): void;
  onClose(): void;
}

let otherSeq = 0;

export function SupplementDialog(props: SupplementDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog open={props.open} title={t('reception.supplementDialog.title')} onClose={props.onClose} className="rx-dialog" testId="supplement-dialog">
      {props.open && <SupplementForm {...props} />}
    </Dialog>
  );
}

function SupplementForm({ value, onValue, busy, errors, onSubmit, onClose }: SupplementDialogProps) {
  const { t } = useTranslation();
  const { lines, note } = value;
  const [local, setLocal] = useState<Record<string, string>>({});
  const setLines = (f: (old: SupplementLine[]) => SupplementLine[]) => onValue({ lines: f(lines), note });
  const setNote = (v: string) => onValue({ lines, note: v });

  const patch = (key: string, p: Partial<SupplementLine>) => {
    setLines((old) => old.map((l) => (l.key === key ? { ...l, ...p } : l)));
    setLocal((old) => {
      const rest = { ...old };
      delete rest[`items.${key}`];
      delete rest[''];
      return rest;
    });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const problems: Record<string, string> = {};
    for (const l of lines) {
      if (!l.itemCode && !l.name.trim()) problems[`items.${l.key}`] = t('reception.validation.itemName');
      else if (!l.reason.trim()) problems[`items.${l.key}`] = t('reception.validation.reason');
    }
    if (!lines.length) problems[''] = t('reception.validation.supplementItems');
    setLocal(problems);
    const first = Object.keys(problems)[0];
    if (first !== undefined) {
      document.querySelector<HTMLElement>(`[data-field="${first || 'supplement.add'}"]`)?.focus();
      return;
    }
    onSubmit(value);
  };

  const errorOf = (key: string) => local[key] ?? errors[key];
  return (
    <form className="rx-form" noValidate onSubmit={submit}>
      <p>{t('reception.supplementDialog.intro')}</p>
      <FormError message={errorOf('') ?? null} testId="supplement-error" />
      <ol className="rx-supplement-lines">
        {lines.map((l) => (
          <li key={l.key} className="rx-supplement-line">
            {l.itemCode ? null : (
              <Field
                label={t('reception.supplementDialog.otherName')}
                data-field={`items.${l.key}.name`}
                value={l.name}
                required
                onValue={(v) => patch(l.key, { name: v })}
                maxLength={500}
              />
            )}
            <TextAreaField
              label={l.itemCode ? t('reception.supplementDialog.reasonFor', { name: l.name }) : t('reception.supplementDialog.otherReason')}
              data-field={`items.${l.key}`}
              rows={2}
              required
              maxLength={1000}
              value={l.reason}
              onValue={(v) => patch(l.key, { reason: v })}
              error={errorOf(`items.${l.key}`)}
            />
            <button type="button" className="btn btn--small" onClick={() => setLines((old) => old.filter((x) => x.key !== l.key))}>
              {t('reception.supplementDialog.removeItem')}
            </button>
          </li>
        ))}
      </ol>
      <div>
        <button
          type="button"
          className="btn"
          data-field="supplement.add"
          onClick={() => setLines((old) => [...old, { key: `other-${++otherSeq}`, name: '', reason: '' }])}
        >
          {t('reception.supplementDialog.addOther')}
        </button>
      </div>
      <TextAreaField label={t('reception.supplementDialog.note')} rows={2} maxLength={1000} value={note} onValue={setNote} error={errorOf('note')} />
      <DialogActions
        cancelLabel={t('reception.supplementDialog.cancel')}
        onCancel={onClose}
        label={t('reception.supplementDialog.submit')}
        busyLabel={t('reception.decision.working')}
        busy={busy}
        testId="supplement-submit"
      />
    </form>
  );
}

export interface RefuseDialogProps {
  open: boolean;
  /** The reason typed so far (kept by the screen). */
  reason: string;
  onReason(v: string): void;
  busy: boolean;
  /** A server error on the reason, or for the whole form (''). */
  errors: Record<string, string>;
  onSubmit(reason: string): void;
  onClose(): void;
}

export function RefuseDialog(props: RefuseDialogProps) {
  const { t } = useTranslation();
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  return (
    <Dialog open={props.open} title={t('reception.refuseDialog.title')} onClose={props.onClose} className="rx-dialog" testId="refuse-dialog" initialFocus={reasonRef}>
      {props.open && <RefuseForm {...props} reasonRef={reasonRef} />}
    </Dialog>
  );
}

function RefuseForm({ reason, onReason, busy, errors, onSubmit, onClose, reasonRef }: RefuseDialogProps & { reasonRef: RefObject<HTMLTextAreaElement | null> }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (reason.trim().length < 3) {
      setProblem(t('reception.validation.reason'));
      reasonRef.current?.focus();
      return;
    }
    onSubmit(reason.trim());
  };
  return (
    <form className="rx-form" noValidate onSubmit={submit}>
      <FormError message={errors[''] ?? null} testId="refuse-error" />
      <TextAreaField
        inputRef={reasonRef}
        label={t('reception.refuseDialog.reason')}
        hint={t('reception.refuseDialog.hint')}
        data-field="reason"
        rows={4}
        required
        maxLength={2000}
        value={reason}
        onValue={(v) => {
          onReason(v);
          setProblem(undefined);
        }}
        error={problem ?? errors.reason}
      />
      <DialogActions
        cancelLabel={t('reception.refuseDialog.cancel')}
        onCancel={onClose}
        label={t('reception.refuseDialog.submit')}
        busyLabel={t('reception.decision.working')}
        busy={busy}
        danger
        testId="refuse-submit"
      />
    </form>
  );
}
