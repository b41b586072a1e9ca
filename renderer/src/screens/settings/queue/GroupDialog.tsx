import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueConfig, ServiceGroup } from '../../../../../core/contract/queue';
import type { MethodOutput } from '../../../../../core/contract/index';
import { api } from '../../../bridge';
import { CheckboxField } from '../../../components/CheckboxField';
import { Dialog } from '../../../components/Dialog';
import { DialogActions } from '../../../components/DialogActions';
import { Field } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
import { RadioGroup } from '../../../components/RadioGroup';
import { SelectField } from '../../../components/SelectField';
import { describeError } from '../../../i18n/error-text';
import { draftToGroup, emptyGroupDraft, groupToDraft, WEEKDAYS, type GroupDraft } from './group-draft';

type Agency = MethodOutput<'catalogue.agencies'>[number];

/** The form field a core error names: "hours.windows.1.0" → "windows.1", "fieldCodes.3" → "fieldCodes". */
function formField(field: string | undefined): string | null {
  if (!field) return null;
  const w = /^hours\.windows\.(\d)/.exec(field);
  if (w) return `windows.${w[1]}`;
  const top = field.split('.')[0]!;
  return ['code', 'name', 'prefix', 'startNumber', 'agencyCode', 'fieldCodes', 'procedureCodes', 'dailyCap', 'sort'].includes(top) ? top : null;
}

function GroupForm({ group, onClose, onSaved }: { group: ServiceGroup | null; onClose(): void; onSaved(c: QueueConfig, g: ServiceGroup): void }) {
  const { t } = useTranslation();
  const [d, setD] = useState<GroupDraft>(() => (group ? groupToDraft(group) : emptyGroupDraft()));
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    api.call('catalogue.agencies').then(setAgencies, () => undefined); // without the list the agency is typed as a code
  }, []);

  const set = <K extends keyof GroupDraft>(k: K, v: GroupDraft[K]) => {
    setD((old) => ({ ...old, [k]: v }));
    setErrors((old) => {
      if (!(k in old)) return old;
      const copy = { ...old };
      delete copy[k];
      return copy;
    });
  };
  const focusField = (field: string) => requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>(`[data-field="${CSS.escape(field)}"]`)?.focus());

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const out = draftToGroup(d);
    if ('problem' in out) {
      setErrors({ [out.problem.field]: t(`queueUi.settings.problems.${out.problem.message}`) });
      setFormError(t('ui.validation.summary'));
      focusField(out.problem.field);
      return;
    }
    setBusy(true);
    setErrors({});
    setFormError(null);
    try {
      onSaved(await api.call('queue.saveGroup', out.group), out.group);
    } catch (err) {
      const shown = describeError(t, err);
      const field = formField(shown.field);
      const text = shown.code === 'RPC_INVALID_INPUT' ? t('queueUi.settings.problems.invalid') : shown.text;
      if (field) {
        setErrors({ [field]: text });
        setFormError(t('ui.validation.summary'));
        focusField(field);
      } else setFormError(text);
      setBusy(false);
    }
  };

  const text = (field: 'code' | 'name' | 'prefix' | 'startNumber' | 'fieldCodes' | 'procedureCodes' | 'dailyCap' | 'sort', extra: { hint?: string; required?: boolean; readOnly?: boolean; inputMode?: 'numeric' } = {}) => (
    <Field
      label={t(`queueUi.settings.group.${field}`)}
      value={d[field]}
      onValue={(v) => set(field, v)}
      error={errors[field]}
      data-field={field}
      autoComplete="off"
      {...extra}
    />
  );

  return (
    <form ref={formRef} className="form queue-group-form" noValidate onSubmit={(e) => void submit(e)} data-testid="queue-group-form">
      <FormError message={formError} testId="queue-group-error" />
      {text('code', { hint: t('queueUi.settings.group.codeHint'), required: true, readOnly: group !== null })}
      {text('name', { required: true })}
      {text('prefix', { hint: t('queueUi.settings.group.prefixHint') })}
      {text('startNumber', { inputMode: 'numeric' })}
      <SelectField label={t('queueUi.settings.group.purpose')} value={d.purpose} onValue={(v) => set('purpose', v as GroupDraft['purpose'])}>
        <option value="submit">{t('queueUi.purpose.submit')}</option>
        <option value="collect">{t('queueUi.purpose.collect')}</option>
      </SelectField>
      <SelectField label={t('queueUi.settings.group.agency')} value={d.agencyCode} onValue={(v) => set('agencyCode', v)} error={errors.agencyCode} data-field="agencyCode">
        <option value="">{t('queueUi.settings.group.anyAgency')}</option>
        {d.agencyCode && !agencies.some((a) => a.code === d.agencyCode) && <option value={d.agencyCode}>{d.agencyCode}</option>}
        {agencies.map((a) => (
          <option key={a.code} value={a.code}>
            {a.name}
          </option>
        ))}
      </SelectField>
      {text('fieldCodes', { hint: t('queueUi.settings.group.codesHint') })}
      {text('procedureCodes', { hint: t('queueUi.settings.group.codesHint') })}
      <RadioGroup
        legend={t('queueUi.settings.group.hours')}
        name="hours"
        value={d.hoursMode}
        onValue={(v) => set('hoursMode', v)}
        options={(['calendar', 'always', 'windows'] as const).map((m) => ({ value: m, label: t(`queueUi.settings.hours.${m}`) }))}
      />
      {d.hoursMode === 'windows' && (
        <fieldset className="queue-windows">
          <legend className="field__label">{t('queueUi.settings.group.windows')}</legend>
          <p className="field__hint">{t('queueUi.settings.group.windowsHint')}</p>
          {WEEKDAYS.map((day) => (
            <Field
              key={day}
              label={t(`settingsUi.windows.weekdays.${day}`)}
              value={d.windows[day] ?? ''}
              onValue={(v) => {
                setD((old) => ({ ...old, windows: { ...old.windows, [day]: v } }));
                setErrors((old) => Object.fromEntries(Object.entries(old).filter(([k]) => k !== `windows.${day}`)));
              }}
              error={errors[`windows.${day}`]}
              data-field={`windows.${day}`}
              autoComplete="off"
            />
          ))}
          <CheckboxField label={t('queueUi.settings.group.openOnHolidays')} checked={d.openOnHolidays} onChecked={(v) => set('openOnHolidays', v)} />
        </fieldset>
      )}
      {text('dailyCap', { hint: t('queueUi.settings.group.dailyCapHint'), inputMode: 'numeric' })}
      {text('sort', { inputMode: 'numeric' })}
      <CheckboxField label={t('queueUi.settings.group.active')} checked={d.active} onChecked={(v) => set('active', v)} />
      <DialogActions cancelLabel={t('queueUi.cancel')} onCancel={onClose} label={t('queueUi.settings.save')} busy={busy} />
    </form>
  );
}

/** Adds a service group (group null) or changes one; the code names it and cannot change. */
export function GroupDialog({ open, group, onClose, onSaved }: { open: boolean; group: ServiceGroup | null; onClose(): void; onSaved(c: QueueConfig, g: ServiceGroup): void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} title={group ? t('queueUi.settings.group.editTitle', { name: group.name }) : t('queueUi.settings.group.addTitle')} onClose={onClose} testId="queue-group-dialog" className="queue-settings-dialog">
      {open && <GroupForm key={group?.code ?? ''} group={group} onClose={onClose} onSaved={onSaved} />}
    </Dialog>
  );
}
