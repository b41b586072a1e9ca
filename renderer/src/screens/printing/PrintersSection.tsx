/**
 * Settings → Printers: per role (receipts, queue tickets, A4 forms) the printer's address, typed or picked from
 * those the OS and the network list; for a thermal (ESC/POS) printer its profile; receipt copies; a test page with
 * its preview. Saved with printing.configure (admins and supervisors); a core refusal shows beside its field.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiscoveredPrinter, PrintRole } from '../../../../core/contract/printing';
import { useAnnouncer } from '../../a11y/Announcer';
import { api, ApiError } from '../../bridge';
import { FormError } from '../../components/FormError';
import { Panel } from '../../components/Panel';
import { SelectField } from '../../components/SelectField';
import { SubmitButton } from '../../components/SubmitButton';
import { describeError } from '../../i18n/error-text';
import { useRoles } from '../settings/useRoles';
import { checkDraft, draftOf, fieldOfError, profileOf, ROLES, settingsOf, type PrintersDraft, type ProfileDraft } from './printer-draft';
import { printingSettingsSaved } from './printing-settings';
import { PrinterRoleFields } from './PrinterRoleFields';
import './printing.css';

export function PrintersSection() {
  const { t } = useTranslation();
  const announce = useAnnouncer();
  const { canEdit } = useRoles();
  const [draft, setDraft] = useState<PrintersDraft | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [found, setFound] = useState<DiscoveredPrinter[] | null>(null);
  const [finding, setFinding] = useState(false);
  const [findError, setFindError] = useState<string | null>(null);
  const inputs = useRef(new Map<string, HTMLElement>());

  useEffect(() => {
    let cancelled = false;
    api.call('printing.settings', {}).then(
      (s) => !cancelled && setDraft(draftOf(s)),
      (e: unknown) => {
        if (cancelled) return;
        setDraft(draftOf(null));
        setFormError(describeError(t, e).text);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [t]);

  const register = (key: string) => (el: HTMLElement | null) => {
    if (el) inputs.current.set(key, el);
    else inputs.current.delete(key);
  };

  const setUri = (role: PrintRole, uri: string) => {
    setDraft((d) => (d ? { ...d, roles: { ...d.roles, [role]: { ...d.roles[role], uri } } } : d));
    setErrors((e) => ({ ...e, [`${role}.uri`]: '' }));
  };
  const setProfile = (role: PrintRole, patch: Partial<ProfileDraft>) => {
    setDraft((d) => (d ? { ...d, roles: { ...d.roles, [role]: { ...d.roles[role], profile: { ...d.roles[role].profile, ...patch } } } } : d));
    if ('codePage' in patch) setErrors((e) => ({ ...e, [`${role}.codePage`]: '' }));
  };

  const discover = async () => {
    if (finding) return;
    setFinding(true);
    setFindError(null);
    try {
      const list = await api.call('printing.discover', { timeoutMs: 3_000 });
      setFound(list);
      announce(list.length === 0 ? t('printingUi.settings.discover.none') : t('printingUi.settings.discover.found', { count: list.length }));
    } catch (e) {
      setFindError(describeError(t, e).text);
    } finally {
      setFinding(false);
    }
  };

  const showErrors = (found: Record<string, string>) => {
    setErrors(found);
    const first = Object.keys(found).find((k) => found[k]);
    if (first) inputs.current.get(first)?.focus();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft || busy || !canEdit) return;
    const problems = checkDraft(draft);
    if (Object.keys(problems).length > 0) {
      showErrors(Object.fromEntries(Object.entries(problems).map(([k, v]) => [k, t(`printingUi.settings.errors.${v}`)])));
      announce(t('printingUi.settings.errors.summary'), 'assertive');
      return;
    }
    setErrors({});
    setFormError(null);
    setBusy(true);
    try {
      const saved = await api.call('printing.configure', settingsOf(draft));
      setDraft(draftOf(saved));
      printingSettingsSaved(saved);
      announce(t('printingUi.settings.saved'));
    } catch (err) {
      const shown = describeError(t, err);
      const key = fieldOfError(shown.field, err instanceof ApiError ? err.params : {}, draft);
      if (key) {
        showErrors({ [key]: shown.text });
        announce(shown.text, 'assertive');
      } else setFormError(shown.text);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Panel title={t('printingUi.settings.title')} className="settings-panel" testId="settings-printers">
      <p className="field__hint">{t('printingUi.settings.lead')}</p>
      {!canEdit && <p className="notice">{t('settingsUi.readOnly')}</p>}
      <FormError message={formError} testId="printers-error" />
      <div className="print-discover">
        <button type="button" className="btn" aria-busy={finding} data-testid="printers-discover" onClick={() => void discover()}>
          {finding ? t('printingUi.settings.discover.busy') : t('printingUi.settings.discover.button')}
        </button>
        <FormError message={findError} testId="printers-discover-error" />
        {found && found.length > 0 && (
          <ul className="print-found" aria-label={t('printingUi.settings.discover.listLabel')} data-testid="printers-found">
            {found.map((p) => (
              <li key={p.uri}>
                <strong>{p.name}</strong> <code>{p.uri}</code>
                {p.detail && <span className="field__hint"> — {p.detail}</span>}
              </li>
            ))}
          </ul>
        )}
        {found && found.length === 0 && <p className="field__hint">{t('printingUi.settings.discover.none')}</p>}
      </div>
      {draft === null ? (
        <p>{t('printingUi.settings.loading')}</p>
      ) : (
        <form className="form print-settings" noValidate onSubmit={(e) => void submit(e)} data-testid="printers-form">
          {ROLES.map((role) => (
            <PrinterRoleFields
              key={role}
              role={role}
              draft={draft.roles[role]}
              canEdit={canEdit}
              found={found ?? []}
              errors={errors}
              register={register}
              onUri={(uri) => setUri(role, uri)}
              onProfile={(patch) => setProfile(role, patch)}
              profileForTest={profileOf(draft.roles[role])}
            >
              {role === 'receipt' && (
                <SelectField
                  label={t('printingUi.settings.copies')}
                  hint={t('printingUi.settings.copiesHint')}
                  name="receipt-copies"
                  disabled={!canEdit}
                  value={String(draft.receiptCopies)}
                  onValue={(v) => setDraft((d) => (d ? { ...d, receiptCopies: Number(v) } : d))}
                  error={errors.receiptCopies || undefined}
                  inputRef={register('receiptCopies')}
                  options={[1, 2, 3].map((n) => ({ value: String(n), label: t('printingUi.settings.copiesValue', { count: n }) }))}
                />
              )}
            </PrinterRoleFields>
          ))}
          {canEdit && (
            <div className="button-row">
              <SubmitButton label={t('printingUi.settings.save')} busy={busy} busyLabel={t('settingsUi.saving')} testId="printers-save" />
            </div>
          )}
        </form>
      )}
    </Panel>
  );
}
