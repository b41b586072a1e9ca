/**
 * A small editor of the documents received: per item a "received" checkbox, the copy type (only the types
 * the procedure accepts) and the number of copies. Rows are plain form controls, so Tab walks through them.
 */
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../components/CheckboxField';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/SelectField';

export interface EditorItem {
  itemCode: string;
  name: string;
  required: boolean;
  acceptedMarks: readonly number[];
  received: boolean;
  mark: number;
  copies: string;
}

export function ChecklistEditor({ items, onChange, errors }: { items: readonly EditorItem[]; onChange(items: EditorItem[]): void; errors: Record<string, string> }) {
  const { t } = useTranslation();
  const update = (i: number, patch: Partial<EditorItem>) => onChange(items.map((it, j) => (j === i ? { ...it, ...patch } : it)));
  return (
    <ul className="checklist-editor" data-testid="checklist-editor">
      {items.map((it, i) => (
        <li key={it.itemCode + i} className="checklist-editor__item" data-item={it.itemCode}>
          <CheckboxField
            label={`${t('dossiersUi.supplement.itemReceived', { name: it.name })}${it.required ? ` ${t('dossiersUi.supplement.requiredTag')}` : ''}`}
            checked={it.received}
            onChecked={(v) => update(i, { received: v })}
          />
          {it.received && (
            <div className="checklist-editor__detail">
              <SelectField label={t('dossiersUi.supplement.mark', { name: it.name })} value={String(it.mark)} onValue={(v) => update(i, { mark: Number(v) })}>
                {it.acceptedMarks.map((m) => (
                  <option key={m} value={m}>
                    {t(`forms.mark.${m}`)}
                  </option>
                ))}
              </SelectField>
              <Field
                label={t('dossiersUi.supplement.copies', { name: it.name })}
                inputMode="numeric"
                autoComplete="off"
                value={it.copies}
                onValue={(v) => update(i, { copies: v })}
                error={errors[`copies.${i}`]}
              />
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
