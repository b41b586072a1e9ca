import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarConfig } from '../../../../core/contract/calendar';
import type { MethodOutput } from '../../../../core/contract/index';
import { api } from '../../bridge';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { Panel } from '../../components/Panel';
import { formatDate, weekdayOf } from '../../format/date-time';
import { describeError } from '../../i18n/error-text';

type YearData = MethodOutput<'calendar.holidays'>;

function currentVietnamYear(): number {
  return new Date(Date.now() + 7 * 3600_000).getUTCFullYear();
}

/** A year's days off (with their names) and make-up working days; reloads when the calendar changes. */
export function HolidayYear({ config }: { config: CalendarConfig }) {
  const { t, i18n } = useTranslation();
  const [yearText, setYearText] = useState(String(currentVietnamYear()));
  const [data, setData] = useState<{ year: number; value: YearData } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const year = /^\d{4}$/.test(yearText.trim()) ? Number(yearText) : NaN;
  const validYear = year >= 1900 && year <= 2199;

  useEffect(() => {
    if (!validYear) return;
    let cancelled = false;
    api.call('calendar.holidays', { year }).then(
      (value) => {
        if (cancelled) return;
        setData({ year, value });
        setError(null);
      },
      (e: unknown) => !cancelled && setError(e),
    );
    return () => {
      cancelled = true;
    };
  }, [year, validYear, config]);

  const weekday = (date: string) => t(`settingsUi.windows.weekdays.${weekdayOf(date)}`);
  const english = i18n.language === 'en';
  const step = (delta: number) => setYearText(String((validYear ? year : currentVietnamYear()) + delta));

  return (
    <Panel title={t('settingsUi.year.title')} level={3} className="settings-panel" testId="settings-year">
      <div className="year-picker">
        <button type="button" className="btn" onClick={() => step(-1)}>
          ← {t('settingsUi.year.prev')}
        </button>
        <Field
          label={t('settingsUi.year.year')}
          name="year"
          inputMode="numeric"
          autoComplete="off"
          maxLength={4}
          value={yearText}
          onValue={setYearText}
          error={validYear ? undefined : t('settingsUi.year.badYear')}
        />
        <button type="button" className="btn" onClick={() => step(1)}>
          {t('settingsUi.year.next')} →
        </button>
      </div>
      <FormError message={error === null ? null : describeError(t, error).text} testId="year-error" />
      {data && (
        <div aria-live="polite" data-testid="year-view" data-year={data.year}>
          <p className="field__hint">{t(data.value.official ? 'settingsUi.year.official' : 'settingsUi.year.builtin', { year: data.year })}</p>
          <div className="year-tables">
            <div className="table-scroll">
              <table className="data-table" data-testid="year-holidays">
                <caption className="data-table__caption">{t('settingsUi.year.holidays', { year: data.year })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('settingsUi.year.date')}</th>
                    <th scope="col">{t('settingsUi.year.weekday')}</th>
                    <th scope="col">{t('settingsUi.year.name')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.value.holidays.length === 0 ? (
                    <tr>
                      <td colSpan={3}>{t('settingsUi.year.noHolidays')}</td>
                    </tr>
                  ) : (
                    data.value.holidays.map((h) => (
                      <tr key={h.date} data-date={h.date}>
                        <th scope="row" className="data-table__num">
                          {formatDate(h.date)}
                        </th>
                        <td>{weekday(h.date)}</td>
                        <td>{english ? h.nameEn : h.name}</td>
                      </tr>
                    ))
                  )}
                </tbody>
              </table>
            </div>
            <div className="table-scroll">
              <table className="data-table" data-testid="year-workdays">
                <caption className="data-table__caption">{t('settingsUi.year.workdays', { year: data.year })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('settingsUi.year.date')}</th>
                    <th scope="col">{t('settingsUi.year.weekday')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.value.workdays.length === 0 ? (
                    <tr>
                      <td colSpan={2}>{t('settingsUi.year.noWorkdays')}</td>
                    </tr>
                  ) : (
                    data.value.workdays.map((d) => (
                      <tr key={d} data-date={d}>
                        <th scope="row" className="data-table__num">
                          {formatDate(d)}
                        </th>
                        <td>{weekday(d)}</td>
                      </tr>
                    ))
                  )}
                </tbody>
              </table>
            </div>
          </div>
        </div>
      )}
    </Panel>
  );
}
