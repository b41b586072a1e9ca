import { Fragment, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../core/contract/auth';
import { Dialog } from '../components/Dialog';
import { comboParts } from './keys';
import { SHORTCUTS } from './registry';
import './help-overlay.css';

/** The list of shortcuts this user can use, read from the same registry the key handler uses. */
export function HelpOverlay({ open, user, onClose }: { open: boolean; user: User | null; onClose(): void }) {
  const { t } = useTranslation();
  const closeRef = useRef<HTMLButtonElement>(null);
  const rows = SHORTCUTS.filter((s) => s.available(user));
  return (
    <Dialog open={open} title={t('ui.help.title')} onClose={onClose} initialFocus={closeRef} className="help-overlay" testId="help-overlay">
      <p className="help-overlay__intro">{t('ui.help.intro')}</p>
      <table className="help-overlay__table">
        <thead>
          <tr>
            <th scope="col">{t('ui.help.keys')}</th>
            <th scope="col">{t('ui.help.action')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.id} data-shortcut={s.id}>
              <td className="help-overlay__keys">
                {s.combos.map((c, i) => (
                  <Fragment key={i}>
                    {i > 0 && <span className="help-overlay__or"> {t('ui.shortcuts.or')} </span>}
                    <kbd>
                      {comboParts(c).map((p, j) => (
                        <Fragment key={j}>
                          {j > 0 && '+'}
                          <kbd>{p}</kbd>
                        </Fragment>
                      ))}
                    </kbd>
                  </Fragment>
                ))}
              </td>
              <td>{s.describe(t)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog__actions">
        <button ref={closeRef} type="button" className="btn btn--primary" onClick={onClose}>
          {t('ui.help.close')}
        </button>
      </div>
    </Dialog>
  );
}
