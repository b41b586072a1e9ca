/** The fields of one person (applicant or submitter): citizen or organisation, as printed on the card. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import type { PersonDraft } from './draft';

export interface PersonFieldsProps {
  prefix: 'applicant' | 'submitter';
  person: PersonDraft;
  onChange<K extends keyof PersonDraft>(field: K, value: PersonDraft[K]): void;
  errorOf(key: string): string | undefined;
  /** The submitter needs fewer fields: who they are and how to reach them. */
  compact?: boolean;
}

export function PersonFields({ prefix, person, onChange, errorOf, compact = false }: PersonFieldsProps) {
  const { t } = useTranslation();
  const kindName = useId();
  const citizen = person.kind === 'citizen';
  const f = (k: keyof PersonDraft) => `${prefix}.${k}`;
  const text = (k: 'idNumber' | 'oldIdNumber' | 'fullName' | 'dateOfBirth' | 'issueDate' | 'address' | 'phone' | 'email') => ({
    name: f(k),
    'data-field': f(k),
    value: person[k],
    onValue: (v: string) => onChange(k, v),
    error: errorOf(f(k)),
  });

  return (
    <div className="rx-person">
      <fieldset className="rx-radios rx-person__kind">
        <legend className="field__label">{t('reception.person.kind')}</legend>
        {(['citizen', 'organisation'] as const).map((k) => (
          <label key={k} className="rx-radio">
            <input
              type="radio"
              name={kindName}
              value={k}
              checked={person.kind === k}
              data-field={k === 'citizen' ? f('kind') : undefined}
              onChange={() => onChange('kind', k)}
            />
            {t(`reception.person.kinds.${k}`)}
          </label>
        ))}
      </fieldset>
      <div className="rx-grid">
        <Field
          {...text('idNumber')}
          label={citizen ? t('reception.person.idNumber') : t('reception.person.taxCode')}
          hint={citizen ? t('reception.person.idNumberHint') : undefined}
          required
          inputMode={citizen ? 'numeric' : undefined}
          autoComplete="off"
          spellCheck={false}
          maxLength={20}
        />
        {citizen && !compact && (
          <Field {...text('oldIdNumber')} label={t('reception.person.oldIdNumber')} inputMode="numeric" autoComplete="off" maxLength={9} />
        )}
        <div className="rx-grid__wide">
          <Field
            {...text('fullName')}
            label={citizen ? t('reception.person.fullName') : t('reception.person.orgName')}
            required
            autoComplete="off"
            maxLength={200}
          />
        </div>
        {citizen && !compact && (
          <>
            <Field {...text('dateOfBirth')} label={t('reception.person.dateOfBirth')} hint={t('reception.person.dateHint')} autoComplete="off" />
            <SelectField
              label={t('reception.person.gender')}
              data-field={f('gender')}
              value={person.gender}
              onValue={(v) => onChange('gender', v === 'male' || v === 'female' ? v : '')}
              error={errorOf(f('gender'))}
              options={[
                { value: '', label: t('reception.person.genders.none') },
                { value: 'male', label: t('reception.person.genders.male') },
                { value: 'female', label: t('reception.person.genders.female') },
              ]}
            />
            <Field {...text('issueDate')} label={t('reception.person.issueDate')} hint={t('reception.person.dateHint')} autoComplete="off" />
          </>
        )}
        <div className="rx-grid__full">
          <Field
            {...text('address')}
            label={citizen ? t('reception.person.address') : t('reception.person.orgAddress')}
            autoComplete="off"
            maxLength={500}
          />
        </div>
        <Field {...text('phone')} label={t('reception.person.phone')} type="tel" inputMode="tel" autoComplete="off" maxLength={20} />
        <Field {...text('email')} label={t('reception.person.email')} type="email" autoComplete="off" maxLength={200} />
      </div>
    </div>
  );
}
