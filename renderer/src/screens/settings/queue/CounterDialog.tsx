import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CounterConfig, QueueConfig } from '../../../../../core/contract/queue';
import { api } from '../../../bridge';
import { CheckboxField } from '../../../components/CheckboxField';
import { Dialog } from '../../../components/Dialog';
import { DialogActions } from '../../../components/DialogActions';
import { Field } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
import { describeError } from '../../../i18n/error-text';

function CounterForm({ config, counter, onClose, onSaved }: { config: QueueConfig; counter: CounterConfig | null; onClose(): void; onSaved(c: QueueConfig, saved: CounterConfig): void }) {
  const { t } = useTranslation();
  const [number, setNumber] = useState(counter ? String(counter.number) : '');
  const [name, setName] = useState(counter?.name ?? '');
  const [groups, setGroups] = useState<string[]>(counter?.groups ?? []);
  const [active, setActive] = useState(counter?.active ?? true);
  const [errors, setErrors] = useState<{ number?: string; name?: string; groups?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const numberRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const groupsRef = useRef<HTMLFieldSetElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const n = /^\s*\d{1,3}\s*$/.test(number) ? Number(number) : Number.NaN;
    if (!(n >= 1 && n <= 999)) {
      setErrors({ number: t('queueUi.settings.problems.counterNumber') });
      setFormError(t('ui.validation.summary'));
      numberRef.current?.focus();
      return;
    }
    const saved: CounterConfig = { number: n, name: name.trim() || null, groups, active };
    setBusy(true);
    setErrors({});
    setFormError(null);
    try {
      onSaved(await api.call('queue.saveCounter', saved), saved);
    } catch (err) {
      const shown = describeError(t, err);
      const field = shown.field?.split('.')[0];
      const text = shown.code === 'RPC_INVALID_INPUT' ? t('queueUi.settings.problems.invalid') : shown.text;
      if (field === 'number' || field === 'name' || field === 'groups') {
        setErrors({ [field]: text });
        setFormError(t('ui.validation.summary'));
        (field === 'number' ? numberRef : field === 'name' ? nameRef : groupsRef).current?.focus();
      } else setFormError(text);
      setBusy(false);
    }
  };

  return (
    <form className="form" noValidate onSubmit={(e) => void submit(e)} data-testid="queue-counter-form">
      <FormError message={formError} testId="queue-counter-error" />
      <Field label={t('queueUi.settings.counter.number')} value={number} onValue={setNumber} error={errors.number} inputRef={numberRef} required readOnly={counter !== null} inputMode="numeric" autoComplete="off" />
      <Field label={t('queueUi.settings.counter.name')} hint={t('queueUi.settings.counter.nameHint')} value={name} onValue={setName} error={errors.name} inputRef={nameRef} autoComplete="off" />
      <fieldset className="queue-counter-groups" ref={groupsRef} tabIndex={-1} aria-describedby={errors.groups ? 'queue-counter-groups-error' : undefined}>
        <legend className="field__label">{t('queueUi.settings.counter.groups')}</legend>
        {config.groups.length === 0 && <p>{t('queueUi.settings.counter.noGroupsYet')}</p>}
        {config.groups.map((g) => (
          <CheckboxField
            key={g.code}
            label={`${g.name} (${g.code})`}
            checked={groups.includes(g.code)}
            onChecked={(on) => setGroups((old) => (on ? [...old, g.code] : old.filter((c) => c !== g.code)))}
          />
        ))}
        {errors.groups && (
          <p id="queue-counter-groups-error" className="field__error">
            {errors.groups}
          </p>
        )}
      </fieldset>
      <CheckboxField label={t('queueUi.settings.counter.active')} checked={active} onChecked={setActive} />
      <DialogActions cancelLabel={t('queueUi.cancel')} onCancel={onClose} label={t('queueUi.settings.save')} busy={busy} />
    </form>
  );
}

/** Adds a counter (counter null) or changes one: its name and the service groups it calls from. */
export function CounterDialog({ open, config, counter, onClose, onSaved }: { open: boolean; config: QueueConfig; counter: CounterConfig | null; onClose(): void; onSaved(c: QueueConfig, saved: CounterConfig): void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} title={counter ? t('queueUi.settings.counter.editTitle', { number: counter.number }) : t('queueUi.settings.counter.addTitle')} onClose={onClose} testId="queue-counter-dialog" className="queue-settings-dialog">
      {open && <CounterForm key={counter?.number ?? 0} config={config} counter={counter} onClose={onClose} onSaved={onSaved} />}
    </Dialog>
  );
}
