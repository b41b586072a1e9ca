import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** "<screen> — MotCua Desk": the window title names the screen (taskbar, screen readers, tab list). */
export function useDocumentTitle(title: string): void {
  const { t } = useTranslation();
  const suffix = t('ui.titleSuffix');
  useEffect(() => {
    document.title = title ? `${title} — ${suffix}` : suffix;
  }, [title, suffix]);
}
