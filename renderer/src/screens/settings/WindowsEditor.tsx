import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarConfig } from '../../../../core/contract/calendar';
import type { Agency } from '../../../../core/domain/catalogue/schema';
import { useAnnouncer } from '../../a11y/Announcer';
import { api } from '../../bridge';
import { ApiError } from '../../bridge/api';
import { FormError } from '../../components/FormError';
import { Panel } from '../../components/Panel';
import { SelectField } from '../../components/SelectField';
import { SubmitButton } from '../../components/SubmitButton';
import { describeError } from '../../i18n/error-text';
import { fromEditor, nextWindow, placeWindowsError, toEditor, type EditorDay, type WindowErrorPlace, type WindowsConfig } from './windows-model';

interface PlacedWindowsError extends WindowErrorPlace {
  text: string;
}

function WindowsSummary({ windows }: { windows: WindowsConfig }) {
  const { t } = useTranslation();
  return (
    <dl className="windows-summary" data-testid="windows-summary">
      {toEditor(windows).map((d) => (
        <div key={d.weekday} className="windows-summary__day">
          <dt>{t(`settingsUi.windows.weekdays.${d.weekday}`)}</dt>
          <dd>{d.windows.length === 0 ? t('settingsUi.windows.dayOff') : d.windows.map((w) => `${w.start}–${w.end}`).join(', ')}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The windows of one scope as editable rows: per weekday its windows (start, end, remove) and an add button.
 * Focus follows the edits (a new window's start; after a removal, the window before or the add button).
 */
function DaysForm({ initial, agencyCode, onSaved, extraActions }: { initial: WindowsConfig; agencyCode: string | undefined; onSaved(c: CalendarConfig): void; extraActions?: ReactNode }) {
  const { t } = useTranslation();
  const announce = useAnnouncer();
  const [days, setDays] = useState<EditorDay[]>(() => toEditor(initial));
  const [placed, setPlaced] = useState<PlacedWindowsError | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputs = useRef(new Map<string, HTMLElement>());
  const pendingFocus = useRef<string | null>(null);

  useEffect(() => {
    if (pendingFocus.current === null) return;
    inputs.current.get(pendingFocus.current)?.focus();
    pendingFocus.current = null;
  });

  const keep = (key: string) => (el: HTMLElement | null) => {
    if (el) inputs.current.set(key, el);
    else inputs.current.delete(key);
  };
  const dayName = (weekday: number) => t(`settingsUi.windows.weekdays.${weekday}`);

  const edit = (weekday: number, fn: (d: EditorDay) => EditorDay) => {
    setDays((old) => old.map((d) => (d.weekday === weekday ? fn(d) : d)));
    setPlaced(null);
  };
  const add = (day: EditorDay) => {
    pendingFocus.current = `${day.weekday}-${day.windows.length}-start`;
    edit(day.weekday, (d) => ({ ...d, windows: [...d.windows, nextWindow(d)] }));
  };
  const remove = (day: EditorDay, index: number) => {
    pendingFocus.current = index > 0 ? `${day.weekday}-${index - 1}-start` : day.windows.length > 1 ? `${day.weekday}-0-start` : `${day.weekday}-add`;
    edit(day.weekday, (d) => ({ ...d, windows: d.windows.filter((_, i) => i !== index) }));
  };
  const setTime = (weekday: number, index: number, part: 'start' | 'end', value: string) =>
    edit(weekday, (d) => ({ ...d, windows: d.windows.map((w, i) => (i === index ? { ...w, [part]: value } : w)) }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setPlaced(null);
    setFormError(null);
    try {
      const config = await api.call('calendar.setWindows', { ...(agencyCode ? { agencyCode } : {}), windows: fromEditor(days) });
      announce(t('settingsUi.windows.saved'));
      onSaved(config);
    } catch (err) {
      const where = err instanceof ApiError && err.code === 'CALENDAR_WINDOWS_INVALID' ? placeWindowsError(err.field) : null;
      if (where && err instanceof ApiError) {
        const ref = { day: dayName(where.weekday), n: (where.index ?? 0) + 1 };
        const field =
          where.index === null ? ref.day : where.part ? t(`settingsUi.windows.${where.part}`, ref) : t('settingsUi.windows.windowRef', ref);
        const text = t('errors.CALENDAR_WINDOWS_INVALID', { replace: { ...err.params, field } });
        setPlaced({ ...where, text });
        setFormError(t('ui.validation.summary'));
        const key = where.index === null ? `${where.weekday}-add` : `${where.weekday}-${where.index}-${where.part ?? 'start'}`;
        inputs.current.get(key)?.focus();
      } else setFormError(describeError(t, err).text);
    } finally {
      setBusy(false);
    }
  };

  const invalid = (weekday: number, index: number, part: 'start' | 'end') =>
    placed !== null && placed.weekday === weekday && placed.index === index && (placed.part === null || placed.part === part);

  return (
    <form className="form" noValidate onSubmit={(e) => void submit(e)} data-testid="windows-form">
      <FormError message={formError} testId="windows-error" />
      <p className="field__hint">{t('settingsUi.windows.timeHint')}</p>
      <div className="windows-days">
        {days.map((day) => {
          const dayErrorId = `windows-${day.weekday}-error`;
          return (
            <fieldset key={day.weekday} className="windows-day" data-weekday={day.weekday}>
              <legend className="windows-day__name">{dayName(day.weekday)}</legend>
              <div className="windows-day__list">
                {day.windows.length === 0 && <span className="windows-day__off">{t('settingsUi.windows.dayOff')}</span>}
                {day.windows.map((w, i) => {
                  const errorHere = placed !== null && placed.weekday === day.weekday && placed.index === i;
                  const errorId = `windows-${day.weekday}-${i}-error`;
                  return (
                    <div key={i} className={errorHere ? 'windows-window windows-window--invalid' : 'windows-window'} data-window={i}>
                      {(['start', 'end'] as const).map((part) => {
                        const id = `windows-${day.weekday}-${i}-${part}`;
                        return (
                          <span key={part} className="windows-window__time">
                            {part === 'end' && (
                              <span className="windows-window__to" aria-hidden="true">
                                {t('settingsUi.windows.to')}
                              </span>
                            )}
                            <label htmlFor={id} className="visually-hidden">
                              {t(`settingsUi.windows.${part}`, { day: dayName(day.weekday), n: i + 1 })}
                            </label>
                            <input
                              id={id}
                              ref={keep(`${day.weekday}-${i}-${part}`)}
                              className="field__input windows-window__input"
                              inputMode="numeric"
                              autoComplete="off"
                              placeholder="HH:mm"
                              maxLength={5}
                              value={w[part]}
                              aria-invalid={invalid(day.weekday, i, part) ? true : undefined}
                              aria-describedby={errorHere ? errorId : undefined}
                              onChange={(e) => setTime(day.weekday, i, part, e.target.value)}
                            />
                          </span>
                        );
                      })}
                      <button
                        type="button"
                        className="btn btn--small"
                        aria-label={t('settingsUi.windows.removeFor', { n: i + 1, day: dayName(day.weekday) })}
                        onClick={() => remove(day, i)}
                      >
                        {t('settingsUi.windows.remove')}
                      </button>
                      {errorHere && (
                        <p id={errorId} className="field__error windows-window__error">
                          {placed.text}
                        </p>
                      )}
                    </div>
                  );
                })}
                {placed !== null && placed.weekday === day.weekday && placed.index === null && (
                  <p id={dayErrorId} className="field__error">
                    {placed.text}
                  </p>
                )}
              </div>
              <button
                type="button"
                ref={keep(`${day.weekday}-add`)}
                className="btn btn--small"
                aria-label={t('settingsUi.windows.addFor', { day: dayName(day.weekday) })}
                onClick={() => add(day)}
              >
                + {t('settingsUi.windows.add')}
              </button>
            </fieldset>
          );
        })}
      </div>
      <div className="button-row">
        <SubmitButton label={t('settingsUi.save')} busy={busy} busyLabel={t('settingsUi.saving')} />
        <button
          type="button"
          className="btn"
          onClick={() => {
            setDays(toEditor(initial));
            setPlaced(null);
            setFormError(null);
          }}
        >
          {t('settingsUi.windows.reset')}
        </button>
        {extraActions}
      </div>
    </form>
  );
}

/** Working windows for the default or one agency: editable by admins and supervisors, a summary for clerks. */
export function WindowsEditor({ config, agencies, canEdit, onConfig }: { config: CalendarConfig; agencies: readonly Agency[]; canEdit: boolean; onConfig(c: CalendarConfig): void }) {
  const { t } = useTranslation();
  const announce = useAnnouncer();
  const [scope, setScope] = useState('');
  const [ownDraft, setOwnDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const agencyName = (code: string) => agencies.find((a) => a.code === code)?.name ?? code;

  const own = scope ? config.agencyWindows[scope] : undefined;
  const windows = scope ? (own ?? config.defaultWindows) : config.defaultWindows;
  const editingOwn = scope !== '' && (own !== undefined || ownDraft === scope);

  const dropOwn = async () => {
    setError(null);
    try {
      const c = await api.call('calendar.setWindows', { agencyCode: scope, windows: null });
      setOwnDraft(null);
      onConfig(c);
      announce(t('settingsUi.windows.removedOwn', { agency: agencyName(scope) }));
    } catch (err) {
      setError(describeError(t, err).text);
    }
  };

  return (
    <Panel title={t('settingsUi.windows.title')} level={3} className="settings-panel" testId="settings-windows">
      <p className="field__hint">{t('settingsUi.windows.intro')}</p>
      <div className="settings-scope">
        <SelectField label={t('settingsUi.windows.scope')} name="scope" value={scope} onValue={(v) => setScope(v)}>
          <option value="">{t('settingsUi.windows.scopeDefault')}</option>
          {agencies.map((a) => (
            <option key={a.code} value={a.code}>
              {a.name}
              {config.agencyWindows[a.code] ? ` ${t('settingsUi.windows.ownMark')}` : ''}
            </option>
          ))}
        </SelectField>
      </div>
      <FormError message={error} testId="windows-scope-error" />
      {!canEdit ? (
        <WindowsSummary windows={windows} />
      ) : scope !== '' && !editingOwn ? (
        <>
          <p className="notice">{t('settingsUi.windows.usesDefault')}</p>
          <WindowsSummary windows={config.defaultWindows} />
          <div className="button-row">
            <button type="button" className="btn btn--primary" onClick={() => setOwnDraft(scope)}>
              {t('settingsUi.windows.useOwn')}
            </button>
          </div>
        </>
      ) : (
        <DaysForm
          key={`${scope}|${JSON.stringify(windows)}`}
          initial={windows}
          agencyCode={scope || undefined}
          onSaved={onConfig}
          extraActions={
            own !== undefined ? (
              <button type="button" className="btn btn--danger-outline" onClick={() => void dropOwn()}>
                {t('settingsUi.windows.removeOwn')}
              </button>
            ) : null
          }
        />
      )}
    </Panel>
  );
}
