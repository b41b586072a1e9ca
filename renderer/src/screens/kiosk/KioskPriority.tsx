import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { priorityReasonSchema, type PriorityReason } from '../../../../core/contract/queue';

const REASONS = priorityReasonSchema.options;

/** The optional priority reason: toggle buttons, at most one pressed (pressing it again clears it). */
export function KioskPriority({ value, onChange }: { value: PriorityReason | null; onChange(v: PriorityReason | null): void }) {
  const { t } = useTranslation();
  const hintId = useId();
  return (
    <fieldset className="kiosk-priority" aria-describedby={hintId}>
      <legend className="kiosk-priority__legend">{t('kioskUi.kiosk.priority.legend')}</legend>
      <p id={hintId} className="kiosk-hint">
        {t('kioskUi.kiosk.priority.hint')}
      </p>
      <div className="kiosk-priority__options">
        {REASONS.map((r) => (
          <button
            key={r}
            type="button"
            className="kiosk-toggle"
            aria-pressed={value === r}
            data-testid="kiosk-priority"
            data-reason={r}
            onClick={() => onChange(value === r ? null : r)}
          >
            {t(`kioskUi.kiosk.priority.${r}`)}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
