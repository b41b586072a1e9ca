import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarConfig } from '../../../../core/contract/calendar';
import type { Agency } from '../../../../core/domain/catalogue/schema';
import { api } from '../../bridge';
import { FormError } from '../../components/FormError';
import { describeError } from '../../i18n/error-text';
import { DueDateCalculator } from './DueDateCalculator';
import { HolidayYear } from './HolidayYear';
import { OfficialCalendarPanel } from './OfficialCalendarPanel';
import { useRoles } from './useRoles';
import { WindowsEditor } from './WindowsEditor';

/** Working windows, the official holiday file, a year's days off and the due-date calculator, on one config. */
export function WorkingTimeSection() {
  const { t } = useTranslation();
  const { canEdit } = useRoles();
  const [config, setConfig] = useState<CalendarConfig | null>(null);
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let cancelled = false;
    Promise.all([api.call('calendar.getConfig'), api.call('catalogue.agencies')]).then(
      ([c, a]) => {
        if (cancelled) return;
        setConfig(c);
        setAgencies(a);
      },
      (e: unknown) => !cancelled && setError(e),
    );
    return () => {
      cancelled = true;
    };
  }, []);

  if (!config) {
    return error === null ? <p>{t('ui.loading')}</p> : <FormError message={describeError(t, error).text} testId="calendar-error" />;
  }
  return (
    <div className="settings-stack" data-testid="settings-calendar">
      <h2 className="settings-stack__title">{t('settingsUi.tabs.calendar')}</h2>
      {!canEdit && <p className="notice">{t('settingsUi.readOnly')}</p>}
      <WindowsEditor config={config} agencies={agencies} canEdit={canEdit} onConfig={setConfig} />
      <DueDateCalculator config={config} agencies={agencies} />
      <OfficialCalendarPanel config={config} canEdit={canEdit} onConfig={setConfig} />
      <HolidayYear config={config} />
    </div>
  );
}
