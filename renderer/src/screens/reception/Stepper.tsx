/**
 * The steps of the reception flow as an ordered list of buttons: where the clerk is (aria-current="step"),
 * which steps were filled in or need fixing, and a way back to any of them.
 */
import { useTranslation } from 'react-i18next';
import type { StepId } from './draft';

export interface StepperProps {
  steps: readonly StepId[];
  current: StepId;
  visited: ReadonlySet<StepId>;
  invalid(step: StepId): boolean;
  onGo(step: StepId): void;
}

export function Stepper({ steps, current, visited, invalid, onGo }: StepperProps) {
  const { t } = useTranslation();
  const currentIndex = steps.indexOf(current);
  return (
    // A list, not a <nav>: the app has one navigation landmark, and these are steps of one form.
    <div className="rx-stepper">
      <ol aria-label={t('reception.steps.label')}>
        {steps.map((s, i) => {
          const bad = invalid(s);
          const state = bad ? 'invalid' : s === current ? 'current' : visited.has(s) && i < currentIndex ? 'done' : 'todo';
          return (
            <li key={s} className={`rx-stepper__item rx-stepper__item--${state}`}>
              <button type="button" className="rx-stepper__button" aria-current={s === current ? 'step' : undefined} data-step={s} onClick={() => onGo(s)}>
                <span className="rx-stepper__num" aria-hidden="true">
                  {bad ? '!' : state === 'done' ? '✓' : i + 1}
                </span>
                <span className="rx-stepper__label">{t(`reception.steps.${s}`)}</span>
                {bad ? <span className="visually-hidden"> ({t('reception.steps.invalid')})</span> : state === 'done' ? <span className="visually-hidden"> ({t('reception.steps.done')})</span> : null}
              </button>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
