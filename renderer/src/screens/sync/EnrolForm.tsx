/**
 * Enrolment with a central server (admins): its address and the one-time token it issued. Problems show beside
 * their field, which gets focus: an address that is not one before sending; what the core answers (unreachable,
 * not a central server, token used, expired or unknown) beside the field it is about.
 */
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../../core/contract/sync';
import { useAnnouncer } from '../../a11y/Announcer';
import { api, ApiError } from '../../bridge';
import { Field } from '../../components/Field';
import { SubmitButton } from '../../components/SubmitButton';
import { describeError } from '../../i18n/error-text';
import { checkEnrol, enrolFieldOf, type EnrolField } from './enrol-check';

export function EnrolForm({ enrolled, onEnrolled }: { enrolled: boolean; onEnrolled(s: SyncStatus): void }) {
  const { t } = useTranslation();
  const announce = useAnnouncer();
  const [central, setCentral] = useState('');
  const [token, setToken] = useState('');
  const [errors, setErrors] = useState<Partial<Record<EnrolField, string>>>({});
  const [busy, setBusy] = useState(false);
  const centralInput = useRef<HTMLInputElement>(null);
  const tokenInput = useRef<HTMLInputElement>(null);

  const showErrors = (found: Partial<Record<EnrolField, string>>) => {
    setErrors(found);
    const first = (['central', 'token'] as const).find((f) => found[f]);
    if (first) (first === 'central' ? centralInput : tokenInput).current?.focus();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const problems = checkEnrol({ central, token });
    if (Object.keys(problems).length > 0) {
      showErrors(Object.fromEntries(Object.entries(problems).map(([f, key]) => [f, t(key)])));
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      const status = await api.call('sync.enrol', { central: central.trim(), token: token.trim() });
      setToken('');
      announce(t('syncUi.announce.enrolled', { counter: status.counterId ?? '', central: status.central ?? central.trim() }));
      onEnrolled(status);
    } catch (err) {
      const shown = describeError(t, err);
      showErrors({ [enrolFieldOf(shown.code, shown.field, err instanceof ApiError ? err.params : {})]: shown.text });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form sync-enrol" noValidate onSubmit={(e) => void submit(e)} data-testid="sync-enrol-form">
      <p className="field__hint">{t('syncUi.enrol.lead')}</p>
      <Field
        label={t('syncUi.enrol.central')}
        hint={t('syncUi.enrol.centralHint')}
        error={errors.central}
        value={central}
        onValue={(v) => {
          setCentral(v);
          setErrors((x) => ({ ...x, central: undefined }));
        }}
        inputRef={centralInput}
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        required
        data-testid="sync-enrol-central"
      />
      <Field
        label={t('syncUi.enrol.token')}
        hint={t('syncUi.enrol.tokenHint')}
        error={errors.token}
        value={token}
        onValue={(v) => {
          setToken(v);
          setErrors((x) => ({ ...x, token: undefined }));
        }}
        inputRef={tokenInput}
        autoComplete="off"
        spellCheck={false}
        required
        data-testid="sync-enrol-token"
      />
      <div className="button-row">
        <SubmitButton label={enrolled ? t('syncUi.enrol.reTitle') : t('syncUi.enrol.submit')} busy={busy} busyLabel={t('syncUi.enrol.busy')} testId="sync-enrol-submit" />
      </div>
    </form>
  );
}
