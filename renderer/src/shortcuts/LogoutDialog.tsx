import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../core/contract/auth';
import { Dialog } from '../components/Dialog';

/** Confirms a logout: a stray Ctrl+L must not throw away a half-filled form. Enter confirms, Esc stays. */
export function LogoutDialog({ open, user, onClose, onConfirm }: { open: boolean; user: User; onClose(): void; onConfirm(): void }) {
  const { t } = useTranslation();
  const confirmRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog open={open} title={t('ui.logoutDialog.title')} onClose={onClose} initialFocus={confirmRef} testId="logout-dialog">
      <p>{t('ui.logoutDialog.body', { name: user.displayName })}</p>
      <div className="dialog__actions">
        <button type="button" className="btn" onClick={onClose}>
          {t('ui.logoutDialog.cancel')}
        </button>
        <button ref={confirmRef} type="button" className="btn btn--primary" onClick={onConfirm}>
          {t('ui.logoutDialog.confirm')}
        </button>
      </div>
    </Dialog>
  );
}
