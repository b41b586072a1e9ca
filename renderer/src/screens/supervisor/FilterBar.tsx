/**
 * The filter at the top of the dashboard: the period (two dates and the quick choices) and the scope (agency,
 * counter, clerk). A change applies at once; a period whose start is after its end is refused beside the date and
 * not applied.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportFilter } from '../../../../core/contract/reports';
import { Field } from '../../components/Field';
import { SelectField, type SelectOption } from '../../components/SelectField';
import { formatDate } from '../../format/date-time';
import { matchingQuick, parseVnDay, QUICK_PERIODS, quickPeriod, withScope } from './filter-state';

export interface FilterChoices {
  agencies: SelectOption[];
  counters: SelectOption[];
  clerks: SelectOption[];
}

export function FilterBar({ filter, today, choices, onChange }: { filter: ReportFilter; today: string; choices: FilterChoices; onChange(f: ReportFilter): void }) {
  const { t } = useTranslation();
  // The dates as typed (dd/mm/yyyy, the Vietnamese order whatever the system's locale); applied once both are real
  // days in order. They follow the applied period when it changes elsewhere (a quick choice).
  const [from, setFrom] = useState(formatDate(filter.from));
  const [to, setTo] = useState(formatDate(filter.to));
  const [touched, setTouched] = useState({ from: false, to: false });
  const [applied, setApplied] = useState(`${filter.from}|${filter.to}`);
  if (applied !== `${filter.from}|${filter.to}`) {
    setApplied(`${filter.from}|${filter.to}`);
    setFrom(formatDate(filter.from));
    setTo(formatDate(filter.to));
  }

  const fromDay = parseVnDay(from);
  const toDay = parseVnDay(to);
  const badOrder = fromDay !== null && toDay !== null && fromDay > toDay;
  const setDates = (f: string, tt: string) => {
    setFrom(f);
    setTo(tt);
    const a = parseVnDay(f);
    const b = parseVnDay(tt);
    if (a && b && a <= b) onChange({ ...filter, from: a, to: b });
  };
  const dayError = (day: string | null, shown: boolean) => (shown && day === null ? t('supervisorUi.filters.badDay') : undefined);
  const quick = matchingQuick(filter, today);
  const all = { value: '', label: t('supervisorUi.filters.all') };
  // A value in the address that the lists do not know (yet) is still shown as chosen.
  const withCurrent = (list: SelectOption[], v: string | undefined) => (v && !list.some((o) => o.value === v) ? [...list, { value: v, label: v }] : list);

  return (
    <section className="sv-filters" aria-label={t('supervisorUi.filters.legend')} data-testid="sv-filters">
      <div className="sv-filters__quick" role="group" aria-label={t('supervisorUi.filters.quick')}>
        {QUICK_PERIODS.map((k) => (
          <button
            key={k}
            type="button"
            className="btn sv-quick"
            aria-pressed={quick === k}
            data-testid={`sv-quick-${k}`}
            onClick={() => {
              const p = quickPeriod(k, today);
              setTouched({ from: false, to: false });
              setDates(formatDate(p.from), formatDate(p.to));
            }}
          >
            {t(`supervisorUi.filters.${k}`)}
          </button>
        ))}
      </div>
      <div className="sv-filters__fields">
        <Field
          label={t('supervisorUi.filters.from')}
          hint={t('supervisorUi.filters.dayHint')}
          value={from}
          onValue={(v) => setDates(v, to)}
          onBlur={() => setTouched((x) => ({ ...x, from: true }))}
          error={dayError(fromDay, touched.from)}
          inputMode="numeric"
          autoComplete="off"
          data-testid="sv-from"
        />
        <Field
          label={t('supervisorUi.filters.to')}
          hint={t('supervisorUi.filters.dayHint')}
          value={to}
          onValue={(v) => setDates(from, v)}
          onBlur={() => setTouched((x) => ({ ...x, to: true }))}
          error={dayError(toDay, touched.to) ?? (badOrder ? t('supervisorUi.filters.badPeriod') : undefined)}
          inputMode="numeric"
          autoComplete="off"
          data-testid="sv-to"
        />
        <SelectField label={t('supervisorUi.filters.agency')} value={filter.agency ?? ''} onValue={(v) => onChange(withScope(filter, 'agency', v))} options={[all, ...withCurrent(choices.agencies, filter.agency)]} data-testid="sv-agency" />
        <SelectField label={t('supervisorUi.filters.counter')} value={filter.counter ?? ''} onValue={(v) => onChange(withScope(filter, 'counter', v))} options={[all, ...withCurrent(choices.counters, filter.counter)]} data-testid="sv-counter" />
        <SelectField label={t('supervisorUi.filters.clerk')} value={filter.clerk ?? ''} onValue={(v) => onChange(withScope(filter, 'clerk', v))} options={[all, ...withCurrent(choices.clerks, filter.clerk)]} data-testid="sv-clerk" />
      </div>
    </section>
  );
}
