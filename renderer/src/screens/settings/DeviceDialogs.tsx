import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceRecord } from '../../../../core/contract/pairing';
import { api } from '../../bridge';
import { Dialog } from '../../components/Dialog';
import { DialogActions } from '../../components/DialogActions';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { describeError } from '../../i18n/error-text';

function EditForm({ device, onClose, onDone }: { device: DeviceRecord; onClose(): void; onDone(d: DeviceRecord): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(device.name);
  const [printerUri, setPrinterUri] = useState(device.printerUri ?? '');
  const [nameError, setNameError] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (!name.trim()) {
      setNameError(t('kioskUi.devices.nameRequired'));
      nameRef.current?.focus();
      return;
    }
    setNameError(undefined);
    setBusy(true);
    try {
      const input = device.kind === 'kiosk' ? { id: device.id, name: name.trim(), printerUri: printerUri.trim() || null } : { id: device.id, name: name.trim() };
      onDone(await api.call('pairing.update', input));
    } catch (err) {
      setError(describeError(t, err).text);
      setBusy(false);
    }
  };

  return (
    <form className="form" noValidate onSubmit={(e) => void submit(e)} data-testid="device-edit-form">
      <FormError message={error} testId="device-edit-error" />
      <Field label={t('kioskUi.devices.name')} value={name} onValue={setName} error={nameError} inputRef={nameRef} required maxLength={80} autoComplete="off" data-testid="device-edit-name" />
      {device.kind === 'kiosk' && (
        <Field
          label={t('kioskUi.devices.printer')}
          hint={t('kioskUi.devices.printerHint')}
          value={printerUri}
          onValue={setPrinterUri}
          maxLength={500}
          autoComplete="off"
          spellCheck={false}
          data-testid="device-edit-printer"
        />
      )}
      <DialogActions cancelLabel={t('kioskUi.devices.cancel')} onCancel={onClose} label={t('kioskUi.devices.save')} busy={busy} testId="device-edit-save" />
    </form>
  );
}

/** Renames a device, or sets a kiosk's own ticket printer. */
export function EditDeviceDialog({ device, onClose, onDone }: { device: DeviceRecord | null; onClose(): void; onDone(d: DeviceRecord): void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={device !== null} title={device ? t('kioskUi.devices.editTitle', { name: device.name }) : ''} onClose={onClose} testId="device-edit-dialog">
      {device && <EditForm device={device} onClose={onClose} onDone={onDone} />}
    </Dialog>
  );
}

function RevokeForm({ device, onClose, onDone }: { device: DeviceRecord; onClose(): void; onDone(d: DeviceRecord): void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      onDone(await api.call('pairing.revoke', { id: device.id }));
    } catch (err) {
      setError(describeError(t, err).text);
      setBusy(false);
    }
  };
  return (
    <form className="form" noValidate onSubmit={(e) => void submit(e)} data-testid="device-revoke-form">
      <FormError message={error} testId="device-revoke-error" />
      <p>{t('kioskUi.devices.revokeBody', { name: device.name })}</p>
      <DialogActions cancelLabel={t('kioskUi.devices.cancel')} onCancel={onClose} label={t('kioskUi.devices.revokeConfirm')} busy={busy} danger testId="device-revoke-confirm" />
    </form>
  );
}

/** Asks before revoking: the device loses access at once and must be paired again. */
export function RevokeDeviceDialog({ device, onClose, onDone }: { device: DeviceRecord | null; onClose(): void; onDone(d: DeviceRecord): void }) {
  const { t } = useTranslation();
  // Focus starts on Cancel (the first control): Enter on a dialog opened by mistake does not revoke.
  return (
    <Dialog open={device !== null} title={t('kioskUi.devices.revokeTitle')} onClose={onClose} testId="device-revoke-dialog">
      {device && <RevokeForm device={device} onClose={onClose} onDone={onDone} />}
    </Dialog>
  );
}
