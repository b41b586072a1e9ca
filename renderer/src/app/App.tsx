import { HashRouter } from 'react-router';
import { AnnouncerProvider } from '../a11y/Announcer';
import { SessionProvider } from '../session/SessionProvider';
import { ShortcutProvider } from '../shortcuts/ShortcutProvider';
import { AppRoutes } from './AppRoutes';

/** Hash routing: works the same under Electron's app:// protocol and from web mode's static server. */
export function App() {
  return (
    <HashRouter>
      <AnnouncerProvider>
        <SessionProvider>
          <ShortcutProvider>
            <AppRoutes />
          </ShortcutProvider>
        </SessionProvider>
      </AnnouncerProvider>
    </HashRouter>
  );
}
