import { useTranslation } from 'react-i18next';

export const MAIN_ID = 'main-content';

/** First stop of the Tab key: jumps past the header and navigation. Handled in script: the hash is the router's. */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a
      className="skip-link"
      href={`#${MAIN_ID}`}
      onClick={(e) => {
        e.preventDefault();
        document.getElementById(MAIN_ID)?.focus();
      }}
    >
      {t('ui.skipToContent')}
    </a>
  );
}
