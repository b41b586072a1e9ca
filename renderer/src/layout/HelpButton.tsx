import { useTranslation } from 'react-i18next';
import { useShell } from '../shortcuts/shell-context';

export function HelpButton() {
  const { t } = useTranslation();
  const { openHelp } = useShell();
  return (
    <button type="button" className="btn btn--chrome" aria-keyshortcuts="F1" onClick={openHelp} data-testid="help-button">
      {t('ui.help.button')} <kbd className="btn__key">F1</kbd>
    </button>
  );
}
