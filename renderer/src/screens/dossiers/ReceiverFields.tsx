/**
 * Who collects a result (name, ID number), as asked by the dialogs that record a return and correct one: the two
 * fields, what they send, where a placed error puts focus, and a scanned CCCD filling both (useReceiverCardScan).
 */
import { useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import { NO_ERROR, type PlacedError } from './shown-error';
import { useReceiverCardScan } from './useReceiverCardScan';

export function useReceiver(initial: { name: string; idNumber: string }, setError: Dispatch<SetStateAction<PlacedError>>) {
  const { t } = useTranslation();
  const [name, setName] = useState(initial.name);
  const [idNumber, setIdNumber] = useState(initial.idNumber);
  const nameRef = useRef<HTMLInputElement>(null);
  const idRef = useRef<HTMLInputElement>(null);
  useReceiverCardScan(
    (scannedName, scannedId) => {
      setName(scannedName);
      setIdNumber(scannedId);
      setError(NO_ERROR);
    },
    (message) => setError({ fields: {}, form: message }),
  );
  return {
    name,
    setName,
    idNumber,
    setIdNumber,
    nameRef,
    idRef,
    /** The message beside an empty name, or null when a name is given. */
    nameMissing: (): string | null =>
      name.trim() ? null : t('dossiersUi.validation.required', { field: t('dossiersUi.returnResult.receiverName').toLocaleLowerCase() }),
    /** The receiver part of the call's input; an empty ID number is left out. */
    input: () => ({ receiverName: name.trim(), ...(idNumber.trim() ? { receiverIdNumber: idNumber.trim() } : {}) }),
    /** Focuses the receiver field a placed error names; false when it names neither. */
    focusPlaced: (placed: PlacedError): boolean => {
      const ref = placed.fields.receiverName ? nameRef : placed.fields.receiverIdNumber ? idRef : null;
      ref?.current?.focus();
      return ref !== null;
    },
  };
}

export type Receiver = ReturnType<typeof useReceiver>;

export function ReceiverFields({ receiver, errors, nameHint }: { receiver: Receiver; errors: PlacedError['fields']; nameHint?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Field
        label={t('dossiersUi.returnResult.receiverName')}
        name="receiverName"
        required
        autoComplete="off"
        hint={nameHint}
        value={receiver.name}
        onValue={receiver.setName}
        error={errors.receiverName}
        inputRef={receiver.nameRef}
        maxLength={200}
      />
      <Field
        label={t('dossiersUi.returnResult.receiverId')}
        name="receiverIdNumber"
        autoComplete="off"
        hint={t('dossiersUi.returnResult.receiverIdHint')}
        value={receiver.idNumber}
        onValue={receiver.setIdNumber}
        error={errors.receiverIdNumber}
        inputRef={receiver.idRef}
        maxLength={20}
      />
    </>
  );
}
