import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../core/contract/index';
import { api } from '../../bridge';
import { FormError } from '../../components/FormError';
import { Panel } from '../../components/Panel';
import { describeError } from '../../i18n/error-text';
import './settings.css';

type Info = MethodOutput<'system.info'>;
const TRANSPORT_KEY = { electron: 'transportElectron', web: 'transportWeb', cli: 'transportCli' } as const;

/** Version, database schema and connection of this client: what support asks for first. */
export function SystemInfoPanel() {
  const { t } = useTranslation();
  const [info, setInfo] = useState<Info | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let cancelled = false;
    api.call('system.info').then(
      (v) => !cancelled && setInfo(v),
      (e: unknown) => !cancelled && setError(e),
    );
    return () => {
      cancelled = true;
    };
  }, []);

  return (
    <Panel title={t('ui.screens.settings.systemTitle')}>
      <FormError message={error === null ? null : describeError(t, error).text} />
      {info ? (
        <dl className="system-info" data-testid="system-info">
          <dt>{t('ui.screens.settings.version')}</dt>
          <dd>{info.version}</dd>
          <dt>{t('ui.screens.settings.schemaVersion')}</dt>
          <dd>{info.schemaVersion}</dd>
          <dt>{t('ui.screens.settings.transport')}</dt>
          <dd>{t(`ui.screens.settings.${TRANSPORT_KEY[info.transport]}`)}</dd>
        </dl>
      ) : (
        error === null && <p>{t('ui.loading')}</p>
      )}
    </Panel>
  );
}
