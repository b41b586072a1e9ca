import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { ScreenPage } from '../../components/ScreenPage';
import { SEARCH_PATH } from '../search/commands';
import { DossierDetail } from './DossierDetail';
import { DossierList } from './DossierList';
import { setDossierLookupHandler } from './commands';
import { LookupForm } from './LookupForm';
import './dossiers.css';

/**
 * Return of results and follow-up. Like every screen, focus starts on the heading (screen readers announce where
 * the clerk is); a receipt scanned wherever focus is opens its dossier, and F2 puts the
 * cursor in the lookup field. An open dossier is ?id=… in the address, so Back returns to the list.
 */
export function DossiersScreen() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const lookupRef = useRef<HTMLInputElement>(null);
  const id = params.get('id');
  // A search hit opens the record at its checklist item and page.
  const item = params.get('item');
  const openAt = item ? { itemCode: item, pageId: params.get('page') } : null;

  // F2 (shortcut registry): back to the lookup field from anywhere on the screen, its text selected.
  useEffect(
    () =>
      setDossierLookupHandler(() => {
        const input = lookupRef.current;
        if (!input) return false;
        input.focus();
        input.select();
        return true;
      }),
    [],
  );

  return (
    <ScreenPage title={t('ui.screens.dossiers.title')} className="dossiers-screen">
      <p className="screen__lead">{t('dossiersUi.lead')}</p>
      <LookupForm inputRef={lookupRef} onOpen={(view) => setParams({ id: view.id })} />
      <p className="dossiers-screen__search">
        <Link to={SEARCH_PATH} data-testid="open-search">
          {t('ocrUi.search.open')}
        </Link>
      </p>
      {id ? <DossierDetail key={`${id}-${location.key}`} id={id} onBack={() => setParams({})} openAt={openAt} /> : <DossierList />}
    </ScreenPage>
  );
}
