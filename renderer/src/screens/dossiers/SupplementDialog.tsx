import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierView } from '../../../../core/contract/dossiers';
import { EXTRA_ITEM_CODE } from '../../../../core/domain/dossier/checklist';
import { api } from '../../bridge';
import { Dialog } from '../../components/Dialog';
import { DialogActions } from '../../components/DialogActions';
import { FormError } from '../../components/FormError';
import { formatDateTime } from '../../format/date-time';
import { ChecklistEditor, type EditorItem } from './ChecklistEditor';
import { NO_ERROR, placeError, type PlacedError } from './shown-error';
import type { ActionDialogProps } from './TransitionDialog';

const ALL_MARKS = [1, 2, 3, 4] as const;

/** Editor rows: the procedure's items from the catalogue, with what the dossier already records. */
function editorItems(view: DossierView, procedure: { checklist: { code: string; name: string; required: boolean; acceptedMarks: number[]; copies: number }[] } | null): EditorItem[] {
  const lines = new Map(view.checklist.map((l) => [l.itemCode, l]));
  if (!procedure) {
    return view.checklist.map((l) => ({
      itemCode: l.itemCode,
      name: l.name,
      required: l.required,
      acceptedMarks: ALL_MARKS,
      received: l.received,
      mark: l.mark ?? 1,
      copies: String(l.copies || 1),
    }));
  }
  const known = new Set(procedure.checklist.map((i) => i.code));
  return [
    ...procedure.checklist.map((item) => {
      const line = lines.get(item.code);
      const mark = line?.mark && item.acceptedMarks.includes(line.mark) ? line.mark : item.acceptedMarks[0]!;
      return {
        itemCode: item.code,
        name: item.name,
        required: item.required,
        acceptedMarks: item.acceptedMarks,
        received: line?.received ?? false,
        mark,
        copies: String(line?.received ? line.copies : item.copies),
      };
    }),
    // Extra documents (outside the procedure's list) recorded earlier stay as they were.
    ...view.checklist
      .filter((l) => !known.has(l.itemCode))
      .map((l) => ({ itemCode: l.itemCode, name: l.name, required: false, acceptedMarks: ALL_MARKS, received: l.received, mark: l.mark ?? 1, copies: String(l.copies || 1) })),
  ];
}

function SupplementForm({ view, onClose, onDone }: Omit<ActionDialogProps, 'open'>) {
  const { t } = useTranslation();
  const [items, setItems] = useState<EditorItem[] | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<PlacedError>(NO_ERROR);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let cancelled = false;
    api.call('catalogue.get', { agencyCode: view.agencyCode, code: view.procedureCode }).then(
      (p) => !cancelled && setItems(editorItems(view, p)),
      // The procedure may have left the catalogue since: edit the dossier's own list then.
      () => !cancelled && setItems(editorItems(view, null)),
    );
    return () => {
      cancelled = true;
    };
  }, [view]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || !items) return;
    const errors: Record<string, string> = {};
    items.forEach((it, i) => {
      const copies = /^\d{1,3}$/.test(it.copies.trim()) ? Number(it.copies) : 0;
      if (it.received && (copies < 1 || copies > 100)) errors[`copies.${i}`] = t('dossiersUi.validation.copies');
    });
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) {
      setError({ fields: {}, form: t('dossiersUi.validation.summary') });
      return;
    }
    const received = items.filter((it) => it.received);
    if (received.length === 0) {
      setError({ fields: {}, form: t('dossiersUi.supplement.nothing') });
      return;
    }
    setBusy(true);
    setError(NO_ERROR);
    try {
      const next = await api.call('dossiers.completeSupplement', {
        id: view.id,
        checklist: received.map((it) => ({
          itemCode: it.itemCode,
          mark: it.mark as 1 | 2 | 3 | 4,
          copies: Number(it.copies),
          check: 1 as const,
          ...(it.itemCode === EXTRA_ITEM_CODE ? { name: it.name } : {}),
        })),
      });
      onDone(next, t('dossiersUi.supplement.done', { code: next.code ?? next.id, due: formatDateTime(next.due) }));
    } catch (err) {
      setError(placeError(t, err, []));
      setBusy(false);
    }
  };

  return (
    <form className="form" noValidate onSubmit={(e) => void submit(e)}>
      <p>{t('dossiersUi.supplement.intro')}</p>
      <FormError message={error.form} testId="supplement-error" />
      {items === null ? <p>{t('dossiersUi.supplement.loading')}</p> : <ChecklistEditor items={items} onChange={setItems} errors={fieldErrors} />}
      <DialogActions cancelLabel={t('dossiersUi.actions.cancel')} onCancel={onClose} label={t('dossiersUi.supplement.submit')} busy={busy} disabled={items === null} />
    </form>
  );
}

/** The applicant brought what was missing: mark the documents, and the dossier is received from now. */
export function SupplementDialog({ open, view, onClose, onDone }: ActionDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} title={t('dossiersUi.supplement.title', { code: view.code ?? view.id })} onClose={onClose} testId="supplement-dialog" className="dialog--wide">
      <SupplementForm view={view} onClose={onClose} onDone={onDone} />
    </Dialog>
  );
}
