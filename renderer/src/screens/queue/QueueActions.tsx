import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../../core/contract/queue';

export type TicketAction = 'recall' | 'noShow' | 'transfer' | 'start' | 'finish' | 'receive';

/** The shortcut shown on each button (the registry holds the same keys). */
export const ACTION_KEYS: Record<TicketAction, string> = {
  recall: 'Alt+R',
  noShow: 'Alt+V',
  transfer: 'Alt+T',
  start: 'Alt+B',
  finish: 'Alt+K',
  receive: 'Alt+H',
};

/** What may be done with the ticket in its state: a called one can be started or marked absent; called or served, recalled, transferred or finished. */
function allowed(action: TicketAction, t: Ticket): boolean {
  switch (action) {
    case 'noShow':
    case 'start':
      return t.state === 'called';
    case 'recall':
    case 'transfer':
    case 'receive':
    case 'finish':
      return t.state === 'called' || t.state === 'serving';
  }
}

const ORDER: readonly TicketAction[] = ['receive', 'recall', 'start', 'noShow', 'transfer', 'finish'];

/** The current ticket's actions as buttons (each names its key); the ones its state does not allow are off. */
export function QueueActions({ ticket, busy, onAction }: { ticket: Ticket | null; busy: string | null; onAction(a: TicketAction): void }) {
  const { t } = useTranslation();
  return (
    <div className="button-row queue-actions" role="group" aria-label={t('queueUi.actions.label')}>
      {ORDER.map((a) => (
        <button
          key={a}
          type="button"
          className={a === 'receive' ? 'btn btn--primary' : 'btn'}
          disabled={ticket === null || !allowed(a, ticket)}
          aria-busy={busy === a}
          aria-keyshortcuts={ACTION_KEYS[a]}
          onClick={() => onAction(a)}
          data-action={a}
        >
          {t(`queueUi.actions.${a}`)} <kbd>{ACTION_KEYS[a]}</kbd>
        </button>
      ))}
    </div>
  );
}
