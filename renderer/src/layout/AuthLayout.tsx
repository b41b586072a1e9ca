import type { ReactNode } from 'react';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { Brand } from './Brand';
import { ConnectionBanner } from './ConnectionBanner';
import { HelpButton } from './HelpButton';
import { MAIN_ID } from './SkipLink';
import './auth-layout.css';

/** Before login: brand, language and help on top, one card in the middle. */
export function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="auth-layout">
      <header className="app-header">
        <Brand />
        <div className="app-header__tools">
          <LanguageSwitch />
          <HelpButton />
        </div>
      </header>
      <ConnectionBanner />
      <main id={MAIN_ID} tabIndex={-1} className="auth-layout__main">
        <div className="auth-card">{children}</div>
      </main>
    </div>
  );
}
