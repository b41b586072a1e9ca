import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanDevice } from '../../../../core/contract/scans';
import { useAnnouncer } from '../../a11y/Announcer';
import { api } from '../../bridge';
import { FormError } from '../../components/FormError';
import { describeError } from '../../i18n/error-text';

export interface ScannersFoundProps {
  /** Changes when the scanner settings were saved: the list is read again (the core's cache follows Settings). */
  version: number;
}

/** The scanners the core lists now (scans.devices), with their origin; "search again" forces a new listing. */
export function ScannersFound({ version }: ScannersFoundProps) {
  const { t } = useTranslation();
  const announce = useAnnouncer();
  const headingId = useId();
  const [devices, setDevices] = useState<ScanDevice[] | null>(null);
  const [busy, setBusy] = useState(true);
  const [error, setError] = useState<string | null>(null);
  // A search the clerk asked for forces a new listing and says the result; the first load and a settings change
  // (the core's list follows Settings by itself) read quietly.
  const [asked, setAsked] = useState(0);
  const searching = useRef(false);

  useEffect(() => {
    let cancelled = false;
    const spoken = searching.current;
    searching.current = false;
    api.call('scans.devices', { refresh: spoken }).then(
      (list) => {
        if (cancelled) return;
        setDevices(list);
        setBusy(false);
        if (spoken) announce(list.length === 0 ? t('scanner.settings.found.none') : t('scanner.settings.found.count', { count: list.length }));
      },
      (e: unknown) => {
        if (cancelled) return;
        setError(describeError(t, e).text);
        setBusy(false);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [announce, t, asked, version]);

  const search = useCallback(() => {
    searching.current = true;
    setBusy(true);
    setError(null);
    setAsked((n) => n + 1);
  }, []);

  return (
    <section className="settings-subsection" aria-labelledby={headingId} data-testid="scanners-found">
      <h3 id={headingId} className="settings-subtitle">
        {t('scanner.settings.found.title')}
      </h3>
      <FormError message={error} testId="scanners-found-error" />
      <div className="button-row">
        <button type="button" className="btn" aria-busy={busy} onClick={search}>
          {t('scanner.settings.found.refresh')}
        </button>
      </div>
      {busy && devices === null && <p>{t('scanner.settings.found.searching')}</p>}
      {devices !== null && devices.length === 0 && <p>{t('scanner.settings.found.none')}</p>}
      {devices !== null && devices.length > 0 && (
        <div className="table-scroll">
          <table className="data-table" data-testid="scanners-table" aria-busy={busy}>
            <caption className="data-table__caption">{t('scanner.settings.found.count', { count: devices.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('scanner.settings.found.name')}</th>
                <th scope="col">{t('scanner.settings.found.address')}</th>
                <th scope="col">{t('scanner.settings.found.origin')}</th>
              </tr>
            </thead>
            <tbody>
              {devices.map((d) => (
                <tr key={d.uri} data-uri={d.uri}>
                  <th scope="row">{d.name}</th>
                  <td>
                    <code>{d.uri}</code>
                  </td>
                  <td>{t(`scanner.origin.${d.origin}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
