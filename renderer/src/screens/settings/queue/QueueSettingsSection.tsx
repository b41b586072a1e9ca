/**
 * Settings → Queue (issue #18): the service groups tickets are taken for, the counters and the groups each calls
 * from, and the calling rule (an ordinary ticket after N priority calls). Admins and supervisors edit (the core
 * enforces it too); other staff see the lists read-only.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CounterConfig, QueueConfig, ServiceGroup } from '../../../../../core/contract/queue';
import { ticketNumberText } from '../../../../../core/domain/queue/numbering';
import { useAnnouncer } from '../../../a11y/Announcer';
import { api } from '../../../bridge';
import { Field } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
import { Panel } from '../../../components/Panel';
import { SubmitButton } from '../../../components/SubmitButton';
import { describeError } from '../../../i18n/error-text';
import { useRoles } from '../useRoles';
import { CounterDialog } from './CounterDialog';
import { GroupDialog } from './GroupDialog';
import { WEEKDAYS } from './group-draft';

function RulesForm({ config, canEdit, onSaved }: { config: QueueConfig; canEdit: boolean; onSaved(c: QueueConfig): void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(String(config.rules.ordinaryAfterPriority));
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const n = /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
    if (!(n >= 1 && n <= 50)) {
      setError(t('queueUi.settings.rules.invalid'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      onSaved(await api.call('queue.saveRules', { ordinaryAfterPriority: n }));
    } catch (err) {
      setError(describeError(t, err).text);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="form queue-inline-form" noValidate onSubmit={(e) => void submit(e)} data-testid="queue-rules-form">
      <Field
        label={t('queueUi.settings.rules.ordinaryAfterPriority')}
        hint={t('queueUi.settings.rules.hint')}
        value={value}
        onValue={setValue}
        error={error}
        readOnly={!canEdit}
        inputMode="numeric"
        autoComplete="off"
      />
      {canEdit && <SubmitButton label={t('queueUi.settings.save')} busy={busy} />}
    </form>
  );
}

export function QueueSettingsSection() {
  const { t } = useTranslation();
  const announce = useAnnouncer();
  const { canEdit } = useRoles();
  const [config, setConfig] = useState<QueueConfig | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [editGroup, setEditGroup] = useState<ServiceGroup | 'new' | null>(null);
  const [editCounter, setEditCounter] = useState<CounterConfig | 'new' | null>(null);
  const [rulesKey, setRulesKey] = useState(0);

  const load = useCallback(() => {
    api.call('queue.config', {}).then(
      (c) => {
        setConfig(c);
        setError(null);
      },
      (e: unknown) => setError(e),
    );
  }, []);
  useEffect(() => load(), [load]);

  const hoursText = (g: ServiceGroup): string => {
    if (g.hours.mode !== 'windows') return t(`queueUi.settings.hours.${g.hours.mode}`);
    const { windows } = g.hours;
    const days = WEEKDAYS.filter((d) => windows[d]?.length).map((d) => `${t(`settingsUi.windows.weekdays.${d}`)} ${windows[d]!.map(([a, b]) => `${a}–${b}`).join(', ')}`);
    return `${t('queueUi.settings.hours.windows')}: ${days.join('; ') || t('queueUi.settings.hours.none')}`;
  };
  const groupName = (code: string) => config?.groups.find((g) => g.code === code)?.name ?? code;

  return (
    <>
      <Panel title={t('queueUi.settings.title')} className="settings-panel" testId="settings-queue">
        {!canEdit && <p className="notice">{t('queueUi.settings.readOnly')}</p>}
        <FormError message={error === null ? null : describeError(t, error).text} testId="queue-settings-error" />
        {config === null ? (
          error === null && <p>{t('ui.loading')}</p>
        ) : (
          <>
            <p className="field__hint">{t('queueUi.settings.store', { store: t(`queueUi.settings.stores.${config.store}`) })}</p>
            <h3 className="settings-subtitle">{t('queueUi.settings.groupsTitle')}</h3>
            <div className="table-scroll">
              <table className="data-table" data-testid="queue-groups-table">
                <caption className="data-table__caption">{t('queueUi.settings.groupsCaption', { count: config.groups.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('queueUi.settings.group.code')}</th>
                    <th scope="col">{t('queueUi.settings.group.name')}</th>
                    <th scope="col">{t('queueUi.settings.group.numbers')}</th>
                    <th scope="col">{t('queueUi.settings.group.purpose')}</th>
                    <th scope="col">{t('queueUi.settings.group.hours')}</th>
                    <th scope="col">{t('queueUi.settings.group.dailyCap')}</th>
                    <th scope="col">{t('queueUi.settings.group.state')}</th>
                    {canEdit && <th scope="col">{t('queueUi.settings.actions')}</th>}
                  </tr>
                </thead>
                <tbody>
                  {config.groups.map((g) => (
                    <tr key={g.code} data-group={g.code}>
                      <th scope="row">{g.code}</th>
                      <td>{g.name}</td>
                      <td>{ticketNumberText(g.prefix, g.startNumber)}</td>
                      <td>{t(`queueUi.purpose.${g.purpose}`)}</td>
                      <td>{hoursText(g)}</td>
                      <td>{g.dailyCap ?? t('queueUi.settings.noCap')}</td>
                      <td>{t(g.active ? 'queueUi.settings.active' : 'queueUi.settings.inactive')}</td>
                      {canEdit && (
                        <td>
                          <button type="button" className="btn" onClick={() => setEditGroup(g)} aria-label={t('queueUi.settings.group.editLabel', { name: g.name })}>
                            {t('queueUi.settings.edit')}
                          </button>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {canEdit && (
              <div className="button-row">
                <button type="button" className="btn" onClick={() => setEditGroup('new')} data-testid="queue-add-group">
                  {t('queueUi.settings.group.add')}
                </button>
              </div>
            )}

            <h3 className="settings-subtitle">{t('queueUi.settings.countersTitle')}</h3>
            {!config.countersConfigured && <p className="notice">{t('queueUi.settings.noCounters')}</p>}
            <div className="table-scroll">
              <table className="data-table" data-testid="queue-counters-table">
                <caption className="data-table__caption">{t('queueUi.settings.countersCaption', { count: config.counters.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('queueUi.settings.counter.number')}</th>
                    <th scope="col">{t('queueUi.settings.counter.name')}</th>
                    <th scope="col">{t('queueUi.settings.counter.groups')}</th>
                    <th scope="col">{t('queueUi.settings.group.state')}</th>
                    {canEdit && <th scope="col">{t('queueUi.settings.actions')}</th>}
                  </tr>
                </thead>
                <tbody>
                  {config.counters.map((c) => (
                    <tr key={c.number} data-counter={c.number}>
                      <th scope="row">{c.number}</th>
                      <td>{c.name ?? ''}</td>
                      <td>{c.groups.length ? c.groups.map(groupName).join(', ') : t('queueUi.settings.counter.noGroups')}</td>
                      <td>{t(c.active ? 'queueUi.settings.active' : 'queueUi.settings.inactive')}</td>
                      {canEdit && (
                        <td>
                          <button type="button" className="btn" onClick={() => setEditCounter(c)} aria-label={t('queueUi.settings.counter.editLabel', { number: c.number })}>
                            {t('queueUi.settings.edit')}
                          </button>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {canEdit && (
              <div className="button-row">
                <button type="button" className="btn" onClick={() => setEditCounter('new')} data-testid="queue-add-counter">
                  {t('queueUi.settings.counter.add')}
                </button>
              </div>
            )}

            <h3 className="settings-subtitle">{t('queueUi.settings.rules.title')}</h3>
            <RulesForm
              key={`${rulesKey}-${config.rules.ordinaryAfterPriority}`}
              config={config}
              canEdit={canEdit}
              onSaved={(c) => {
                setConfig(c);
                setRulesKey((k) => k + 1);
                announce(t('queueUi.settings.rules.saved', { count: c.rules.ordinaryAfterPriority }));
              }}
            />
          </>
        )}
      </Panel>
      {config && canEdit && (
        <>
          <GroupDialog
            open={editGroup !== null}
            group={editGroup === 'new' ? null : editGroup}
            onClose={() => setEditGroup(null)}
            onSaved={(c, g) => {
              setConfig(c);
              setEditGroup(null);
              announce(t('queueUi.settings.group.saved', { name: g.name }));
            }}
          />
          <CounterDialog
            open={editCounter !== null}
            config={config}
            counter={editCounter === 'new' ? null : editCounter}
            onClose={() => setEditCounter(null)}
            onSaved={(c, saved) => {
              setConfig(c);
              setEditCounter(null);
              announce(t('queueUi.settings.counter.saved', { number: saved.number }));
            }}
          />
        </>
      )}
    </>
  );
}
