import { Outlet } from 'react-router';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { ScanListener } from '../input/ScanListener';
import { PrintQueue } from '../screens/printing/PrintQueue';
import { OcrQueueStatus } from '../screens/search/OcrQueueStatus';
import { SyncStatusLine } from '../screens/sync/SyncStatusLine';
import { useSession } from '../session/session-context';
import { Brand } from './Brand';
import { ConnectionBanner } from './ConnectionBanner';
import { HelpButton } from './HelpButton';
import { NavMenu } from './NavMenu';
import { MAIN_ID, SkipLink } from './SkipLink';
import { UserBar } from './UserBar';
import './app-layout.css';

/** Header (who, language, help, logout), navigation on the left, the current screen in <main>. */
export function AppLayout() {
  const { user } = useSession();
  if (!user) return null;
  return (
    <div className="app-layout">
      <SkipLink />
      <ScanListener />
      <header className="app-header">
        <Brand />
        <div className="app-header__tools">
          <OcrQueueStatus />
          <PrintQueue />
          <SyncStatusLine />
          <UserBar user={user} />
          <LanguageSwitch />
          <HelpButton />
        </div>
      </header>
      <ConnectionBanner />
      <div className="app-body">
        <NavMenu user={user} />
        <main id={MAIN_ID} tabIndex={-1} className="app-main">
          <Outlet />
        </main>
      </div>
    </div>
  );
}
