import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnouncer } from '../a11y/Announcer';
import { subscribeConnection, type ConnectionState } from '../bridge';

/** Web mode only: says so while the connection to the server is down, and when it is back. */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const announce = useAnnouncer();
  const [state, setState] = useState<ConnectionState>('open');
  const wasDown = useRef(false);

  useEffect(
    () =>
      subscribeConnection((s) => {
        setState(s);
        if (s === 'reconnecting' && !wasDown.current) {
          wasDown.current = true;
          announce(t('ui.connection.lost'), 'assertive');
        } else if (s === 'open' && wasDown.current) {
          wasDown.current = false;
          announce(t('ui.connection.restored'));
        }
      }),
    [announce, t],
  );

  if (state !== 'reconnecting') return null;
  return (
    <p className="connection-banner" data-testid="connection-banner">
      {t('ui.connection.lost')}
    </p>
  );
}
