/**
 * One role's printer in Settings → Printers: its address (typed, or picked from the printers found), and for a
 * thermal printer the profile — paper width, what it draws natively (ticket number text, QR), how it confirms
 * (Epson process ID, status), code page, cut, cash drawer — then the test page.
 */
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiscoveredPrinter, PrinterProfile, PrintRole } from '../../../../core/contract/printing';
import { CheckboxField } from '../../components/CheckboxField';
import { Field } from '../../components/Field';
import { RadioGroup } from '../../components/RadioGroup';
import { SelectField } from '../../components/SelectField';
import { CUTS, isThermalUri, uriLooksValid, type ProfileDraft, type RoleDraft } from './printer-draft';
import { TestPage } from './TestPage';

export interface PrinterRoleFieldsProps {
  role: PrintRole;
  draft: RoleDraft;
  canEdit: boolean;
  found: readonly DiscoveredPrinter[];
  errors: Readonly<Record<string, string>>;
  register(key: string): (el: HTMLElement | null) => void;
  onUri(uri: string): void;
  onProfile(patch: Partial<ProfileDraft>): void;
  profileForTest: PrinterProfile | undefined;
  children?: ReactNode;
}

const FLAGS = ['nativeText', 'nativeQr', 'processIdReply', 'statusQuery', 'drawerKick'] as const;

export function PrinterRoleFields({ role, draft, canEdit, found, errors, register, onUri, onProfile, profileForTest, children }: PrinterRoleFieldsProps) {
  const { t } = useTranslation();
  const profileId = useId();
  const roleName = t(`printingUi.roles.${role}`);
  const thermal = isThermalUri(draft.uri);
  const p = draft.profile;
  const typed = draft.uri.trim();
  const problem = typed !== '' && !uriLooksValid(typed) ? t('printingUi.settings.errors.badUri') : null;

  return (
    <fieldset className="print-role" data-role={role} data-testid={`printer-${role}`}>
      <legend>{roleName}</legend>
      <p className="field__hint">{t(`printingUi.roles.${role}Hint`)}</p>
      <Field
        label={t('printingUi.settings.uri')}
        name={`${role}-uri`}
        autoComplete="off"
        spellCheck={false}
        inputMode="url"
        readOnly={!canEdit}
        value={draft.uri}
        onValue={onUri}
        hint={t('printingUi.settings.uriHint')}
        error={errors[`${role}.uri`] || undefined}
        inputRef={register(`${role}.uri`)}
        data-testid={`printer-uri-${role}`}
      />
      {canEdit && found.length > 0 && (
        <SelectField
          label={t('printingUi.settings.discover.pick')}
          name={`${role}-found`}
          // Shows the printer typed when it is one of those found, so arrow keys move on from it.
          value={found.some((f) => f.uri === typed) ? typed : ''}
          onValue={(uri) => uri && onUri(uri)}
          data-testid={`printer-found-${role}`}
        >
          <option value="">{t('printingUi.settings.discover.choose')}</option>
          {found.map((f) => (
            <option key={f.uri} value={f.uri}>
              {t('printingUi.settings.discover.option', { name: f.name, uri: f.uri })}
            </option>
          ))}
        </SelectField>
      )}
      {children}
      {thermal && (
        <fieldset className="print-profile" aria-describedby={`${profileId}-hint`}>
          <legend>{t('printingUi.settings.profile.title')}</legend>
          <p id={`${profileId}-hint`} className="field__hint">
            {t('printingUi.settings.profile.lead')}
          </p>
          <RadioGroup<'58' | '80'>
            legend={t('printingUi.settings.profile.paper')}
            name={`${role}-paper`}
            value={String(p.paperWidthMm) as '58' | '80'}
            disabled={!canEdit}
            onValue={(v) => onProfile({ paperWidthMm: v === '58' ? 58 : 80 })}
            options={[
              { value: '58', label: t('printingUi.settings.profile.paper58') },
              { value: '80', label: t('printingUi.settings.profile.paper80') },
            ]}
          />
          {FLAGS.map((flag) => (
            <CheckboxField
              key={flag}
              label={t(`printingUi.settings.profile.${flag}`)}
              checked={p[flag]}
              disabled={!canEdit}
              onChecked={(v) => onProfile({ [flag]: v })}
              data-flag={flag}
            />
          ))}
          <SelectField
            label={t('printingUi.settings.profile.cut')}
            name={`${role}-cut`}
            disabled={!canEdit}
            value={p.cut}
            onValue={(v) => onProfile({ cut: v as ProfileDraft['cut'] })}
            options={CUTS.map((c) => ({ value: c, label: t(`printingUi.settings.profile.cuts.${c}`) }))}
          />
          <Field
            label={t('printingUi.settings.profile.codePage')}
            name={`${role}-codepage`}
            autoComplete="off"
            inputMode="numeric"
            readOnly={!canEdit}
            value={p.codePage}
            onValue={(v) => onProfile({ codePage: v })}
            hint={t('printingUi.settings.profile.codePageHint')}
            error={errors[`${role}.codePage`] || undefined}
            inputRef={register(`${role}.codePage`)}
          />
        </fieldset>
      )}
      <TestPage roleName={roleName} role={role} uri={draft.uri} profile={profileForTest} uriProblem={problem} />
    </fieldset>
  );
}
