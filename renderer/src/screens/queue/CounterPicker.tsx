import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueConfig } from '../../../../core/contract/queue';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { chooseCounter } from './counter-choice';

export function counterLabel(t: (k: string, o?: Record<string, unknown>) => string, config: QueueConfig | null, n: number): string {
  const name = config?.counters.find((c) => c.number === n)?.name;
  return name ? t('queueUi.counter.named', { number: n, name }) : t('queueUi.counter.numbered', { number: n });
}

/**
 * Which counter this machine is. With counters configured: one of them (a select, chosen on change); before that
 * any number (every counter serves every group then).
 */
export function CounterPicker({ config, counter }: { config: QueueConfig; counter: number | null }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState(counter === null ? '' : String(counter));
  const [problem, setProblem] = useState<string | undefined>(undefined);

  if (config.countersConfigured) {
    const listed = config.counters.some((c) => c.number === counter);
    return (
      <SelectField
        className="queue-counter-picker"
        label={t('queueUi.counter.label')}
        hint={t('queueUi.counter.hint')}
        value={listed ? String(counter) : ''}
        onValue={(v) => chooseCounter(v ? Number(v) : null)}
        data-testid="queue-counter"
      >
        {!listed && <option value="">{t('queueUi.counter.choose')}</option>}
        {config.counters.map((c) => (
          <option key={c.number} value={String(c.number)} disabled={!c.active}>
            {counterLabel(t, config, c.number)}
          </option>
        ))}
      </SelectField>
    );
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(typed.trim());
    if (!Number.isInteger(n) || n < 1 || n > 999) {
      setProblem(t('queueUi.counter.invalid'));
      return;
    }
    setProblem(undefined);
    chooseCounter(n);
  };
  return (
    <form className="queue-counter-picker queue-inline-form" noValidate onSubmit={submit}>
      <Field label={t('queueUi.counter.label')} hint={t('queueUi.counter.hintAny')} error={problem} value={typed} onValue={setTyped} inputMode="numeric" autoComplete="off" maxLength={3} data-testid="queue-counter" />
      <button type="submit" className="btn">
        {t('queueUi.counter.use')}
      </button>
    </form>
  );
}
