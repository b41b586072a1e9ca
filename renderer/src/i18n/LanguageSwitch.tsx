import i18next from 'i18next';
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
    // Said in the new language (the `t` of this render still speaks the old one), and the live region carries
    // lang so a screen reader pronounces it right.
    void setLocale(l).then(() => announce(i18next.getFixedT(l)('ui.language.changed')));
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
