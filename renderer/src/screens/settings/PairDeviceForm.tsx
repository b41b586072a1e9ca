import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceRecord } from '../../../../core/contract/pairing';
import { api } from '../../bridge';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { SubmitButton } from '../../components/SubmitButton';
import { describeError } from '../../i18n/error-text';

type FieldName = 'code' | 'name' | 'printerUri';

/**
 * Approving a device: the 6-digit code it shows, a name, and for a kiosk optionally its own ticket printer. The code
 * and name are checked here first (said beside the field, focus goes there); the core's refusal (unknown or expired
 * code) comes back beside the field it names.
 */
export function PairDeviceForm({ onPaired }: { onPaired(d: DeviceRecord): void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [printerUri, setPrinterUri] = useState('');
  const [problems, setProblems] = useState<Partial<Record<FieldName, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const printerRef = useRef<HTMLInputElement>(null);
  const focus = (f: FieldName) => ({ code: codeRef, name: nameRef, printerUri: printerRef })[f].current?.focus();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const found: Partial<Record<FieldName, string>> = {};
    const digits = code.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(digits)) found.code = t('kioskUi.devices.codeFormat');
    if (!name.trim()) found.name = t('kioskUi.devices.nameRequired');
    setProblems(found);
    setError(null);
    const first = (['code', 'name', 'printerUri'] as const).find((f) => found[f]);
    if (first) {
      focus(first);
      return;
    }
    setBusy(true);
    try {
      const device = await api.call('pairing.approve', { code: digits, name: name.trim(), ...(printerUri.trim() ? { printerUri: printerUri.trim() } : {}) });
      setCode('');
      setName('');
      setPrinterUri('');
      onPaired(device);
    } catch (err) {
      const shown = describeError(t, err);
      const field = (['code', 'name', 'printerUri'] as const).find((f) => f === shown.field);
      if (field) {
        setProblems({ [field]: shown.text });
        focus(field);
      } else setError(shown.text);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="settings-subsection" aria-labelledby={headingId}>
      <h3 id={headingId} className="settings-subtitle">
        {t('kioskUi.devices.approveTitle')}
      </h3>
      <FormError message={error ?? (Object.keys(problems).length > 0 ? t('ui.validation.summary') : null)} testId="pair-error" />
      <form className="form" noValidate onSubmit={(e) => void submit(e)} data-testid="pair-form">
        <Field
          label={t('kioskUi.devices.code')}
          hint={t('kioskUi.devices.codeHint')}
          value={code}
          onValue={setCode}
          error={problems.code}
          inputRef={codeRef}
          required
          inputMode="numeric"
          autoComplete="off"
          maxLength={12}
          data-testid="pair-code"
        />
        <Field label={t('kioskUi.devices.name')} hint={t('kioskUi.devices.nameHint')} value={name} onValue={setName} error={problems.name} inputRef={nameRef} required maxLength={80} autoComplete="off" data-testid="pair-name" />
        <Field
          label={t('kioskUi.devices.printer')}
          hint={t('kioskUi.devices.printerHint')}
          value={printerUri}
          onValue={setPrinterUri}
          error={problems.printerUri}
          inputRef={printerRef}
          maxLength={500}
          autoComplete="off"
          spellCheck={false}
          data-testid="pair-printer"
        />
        <div className="button-row">
          <SubmitButton label={t('kioskUi.devices.approve')} busy={busy} testId="pair-submit" />
        </div>
      </form>
    </section>
  );
}
