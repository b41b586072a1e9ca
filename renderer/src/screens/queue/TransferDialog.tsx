import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueConfig, Ticket } from '../../../../core/contract/queue';
import { Dialog } from '../../components/Dialog';
import { DialogActions } from '../../components/DialogActions';
import { FormError } from '../../components/FormError';
import { RadioGroup } from '../../components/RadioGroup';
import { SelectField } from '../../components/SelectField';

export type TransferTarget = { toService: string } | { toCounter: number };

function TransferForm({ config, ticket, counter, busy, error, onSubmit, onClose }: TransferDialogProps & { ticket: Ticket }) {
  const { t } = useTranslation();
  const [to, setTo] = useState<'service' | 'counter'>('service');
  const services = config.groups.filter((g) => g.active && g.code !== ticket.service);
  const counters = config.counters.filter((c) => c.active && c.number !== counter);
  const [service, setService] = useState(services[0]?.code ?? '');
  const [target, setTarget] = useState(counters[0] ? String(counters[0].number) : '');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const value = to === 'service' ? service : target;
    if (!value) {
      setProblem(t(to === 'service' ? 'queueUi.transfer.noService' : 'queueUi.transfer.noCounter'));
      return;
    }
    setProblem(null);
    onSubmit(to === 'service' ? { toService: value } : { toCounter: Number(value) });
  };

  return (
    <form className="form" noValidate onSubmit={submit} data-testid="queue-transfer-form">
      <FormError message={problem ?? error} testId="queue-transfer-error" />
      <RadioGroup<'service' | 'counter'>
        legend={t('queueUi.transfer.to')}
        name="transfer-to"
        value={to}
        onValue={setTo}
        options={[
          { value: 'service', label: t('queueUi.transfer.toService') },
          { value: 'counter', label: t('queueUi.transfer.toCounter') },
        ]}
      />
      {to === 'service' ? (
        <SelectField label={t('queueUi.transfer.service')} value={service} onValue={setService} options={services.map((g) => ({ value: g.code, label: `${g.name} (${g.code})` }))} />
      ) : (
        <SelectField
          label={t('queueUi.transfer.counter')}
          value={target}
          onValue={setTarget}
          options={counters.map((c) => ({ value: String(c.number), label: c.name ? t('queueUi.counter.named', { number: c.number, name: c.name }) : t('queueUi.counter.numbered', { number: c.number }) }))}
        />
      )}
      <DialogActions cancelLabel={t('queueUi.cancel')} onCancel={onClose} label={t('queueUi.transfer.submit')} busy={busy} />
    </form>
  );
}

export interface TransferDialogProps {
  config: QueueConfig;
  ticket: Ticket | null;
  counter: number | null;
  busy: boolean;
  error: string | null;
  onSubmit(to: TransferTarget): void;
  onClose(): void;
}

/** Sends the current ticket back to waiting for another service or another counter (it keeps its number and place). */
export function TransferDialog(props: TransferDialogProps & { open: boolean }) {
  const { t } = useTranslation();
  const { open, ticket, onClose } = props;
  return (
    <Dialog open={open && ticket !== null} title={ticket ? t('queueUi.transfer.title', { number: ticket.number }) : ''} onClose={onClose} testId="queue-transfer-dialog">
      {ticket && <TransferForm {...props} ticket={ticket} />}
    </Dialog>
  );
}
