import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnouncer } from '../../a11y/Announcer';
import { api } from '../../bridge';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { Panel } from '../../components/Panel';
import { SubmitButton } from '../../components/SubmitButton';
import { describeError } from '../../i18n/error-text';
import { FeeReceiptSection } from './FeeReceiptSection';
import { useRoles } from './useRoles';

type Key = 'counter.id' | 'forms.lookupUrl' | 'forms.place';
const KEYS: readonly Key[] = ['counter.id', 'forms.lookupUrl', 'forms.place'];
type Values = Record<Key, string>;

const EMPTY: Values = { 'counter.id': '', 'forms.lookupUrl': '', 'forms.place': '' };
const LABEL: Record<Key, string> = {
  'counter.id': 'counterId',
  'forms.lookupUrl': 'lookupUrl',
  'forms.place': 'place',
};
// Mirrors the core's rules so mistakes show before saving; the core checks again.
const COUNTER_ID = /^[A-Z][A-Z0-9]{1,9}$/;
const HTTP_URL = /^https?:\/\/\S+$/;

/** What is stored for a field: the counter id upper-cased, empty text as null (unset). */
function stored(key: Key, text: string): string | null {
  const v = text.trim();
  if (key === 'counter.id') return v.toUpperCase();
  return v === '' ? null : v;
}

/** Counter id (in offline codes and receipt numbers), QR lookup address, and the place printed on forms (the line above each agency is the catalogue's). */
export function CounterSection() {
  const { t } = useTranslation();
  const announce = useAnnouncer();
  const { canEdit } = useRoles();
  const [values, setValues] = useState<Values>(EMPTY);
  const [saved, setSaved] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<Key, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const refs: Record<Key, RefObject<HTMLInputElement | null>> = {
    'counter.id': useRef<HTMLInputElement>(null),
    'forms.lookupUrl': useRef<HTMLInputElement>(null),
    'forms.place': useRef<HTMLInputElement>(null),
  };

  useEffect(() => {
    let cancelled = false;
    Promise.all(KEYS.map((key) => api.call('settings.get', { key }))).then(
      (rows) => {
        if (cancelled) return;
        const v = { ...EMPTY };
        for (const r of rows) v[r.key as Key] = typeof r.value === 'string' ? r.value : '';
        setValues(v);
        setSaved(v);
      },
      (e: unknown) => !cancelled && setFormError(describeError(t, e).text),
    );
    return () => {
      cancelled = true;
    };
  }, [t]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || !canEdit) return;
    const found: Partial<Record<Key, string>> = {};
    const id = stored('counter.id', values['counter.id']) ?? '';
    // Unset until the first dossier (the core then makes one up): leaving it empty is not an error.
    if (id !== (stored('counter.id', saved['counter.id']) ?? '') && !COUNTER_ID.test(id)) found['counter.id'] = t('errors.DOSSIER_BAD_COUNTER_ID', { id: values['counter.id'].trim() });
    const url = stored('forms.lookupUrl', values['forms.lookupUrl']);
    if (url !== null && !HTTP_URL.test(url)) found['forms.lookupUrl'] = t('settingsUi.counter.badUrl');
    setErrors(found);
    setFormError(null);
    const first = KEYS.find((k) => found[k]);
    if (first) {
      refs[first].current?.focus();
      return;
    }
    setBusy(true);
    for (const key of KEYS) {
      if (stored(key, values[key]) === stored(key, saved[key])) continue;
      try {
        await api.call('settings.set', { key, value: stored(key, values[key]) });
        setSaved((old) => ({ ...old, [key]: stored(key, values[key]) ?? '' }));
      } catch (err) {
        const shown = describeError(t, err);
        // The core names the field 'value': it is the setting being written.
        if (shown.field === 'value') {
          setErrors({ [key]: shown.text });
          refs[key].current?.focus();
        } else setFormError(shown.text);
        setBusy(false);
        return;
      }
    }
    setValues((old) => ({ ...old, 'counter.id': id }));
    setBusy(false);
    announce(t('settingsUi.counter.saved'));
  };

  const field = (key: Key, extra: { hint: string; spellCheck?: boolean; inputMode?: 'url' }) => (
    <Field
      label={t(`settingsUi.counter.${LABEL[key]}`)}
      name={key}
      autoComplete="off"
      readOnly={!canEdit}
      value={values[key]}
      onValue={(v) => setValues((old) => ({ ...old, [key]: v }))}
      error={errors[key]}
      inputRef={refs[key]}
      {...extra}
    />
  );

  return (
    <>
      <Panel title={t('settingsUi.counter.title')} className="settings-panel" testId="settings-counter">
        {!canEdit && <p className="notice">{t('settingsUi.readOnly')}</p>}
        <FormError message={formError} testId="counter-error" />
        <form className="form" noValidate onSubmit={(e) => void submit(e)}>
          {field('counter.id', { hint: t('settingsUi.counter.counterIdHint'), spellCheck: false })}
          {field('forms.lookupUrl', { hint: t('settingsUi.counter.lookupUrlHint'), spellCheck: false, inputMode: 'url' })}
          {field('forms.place', { hint: t('settingsUi.counter.placeHint') })}
          {canEdit && (
            <div className="button-row">
              <SubmitButton label={t('settingsUi.save')} busy={busy} busyLabel={t('settingsUi.saving')} />
            </div>
          )}
        </form>
      </Panel>
      <FeeReceiptSection />
    </>
  );
}
