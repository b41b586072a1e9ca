import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../../core/i18n/types';
import { useAnnouncer } from '../a11y/Announcer';
import { currentLocale, setLocale } from './setup';
import './language-switch.css';

/** Two toggle buttons, each language named in itself (a user who cannot read the current one still finds theirs). */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const announce = useAnnouncer();
  const active = currentLocale();
  const choose = (l: Locale) => {
    if (l === active) return;
    void setLocale(l).then(() => announce(t('ui.language.changed')));
  };
  return (
    <div className="language-switch" role="group" aria-label={t('ui.language.label')}>
      {LOCALES.map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={l === active} className="language-switch__option" onClick={() => choose(l)}>
          {t(`ui.language.${l}`)}
        </button>
      ))}
    </div>
  );
}
