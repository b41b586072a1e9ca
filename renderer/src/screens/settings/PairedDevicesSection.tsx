import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceRecord } from '../../../../core/contract/pairing';
import { useAnnouncer } from '../../a11y/Announcer';
import { api } from '../../bridge';
import { FormError } from '../../components/FormError';
import { Panel } from '../../components/Panel';
import { formatDateTime } from '../../format/date-time';
import { describeError } from '../../i18n/error-text';
import { EditDeviceDialog, RevokeDeviceDialog } from './DeviceDialogs';
import { PairDeviceForm } from './PairDeviceForm';
import { useRoles } from './useRoles';

/**
 * Settings → Kiosks and boards (admins, supervisors): approve the code a kiosk or board shows, and the paired
 * devices with their kind, printer, last connection (when, from where); rename, set a kiosk's printer, revoke.
 */
export function PairedDevicesSection() {
  const { t } = useTranslation();
  const announce = useAnnouncer();
  const { canEdit } = useRoles();
  const [devices, setDevices] = useState<DeviceRecord[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<DeviceRecord | null>(null);
  const [revoking, setRevoking] = useState<DeviceRecord | null>(null);

  const load = useCallback(() => {
    api.call('pairing.list', {}).then(
      (d) => {
        setDevices(d);
        setError(null);
      },
      (e: unknown) => setError(e),
    );
  }, []);

  useEffect(() => {
    if (canEdit) load();
  }, [canEdit, load]);

  const done = (message: string) => {
    setError(null);
    announce(message);
    load();
  };

  if (!canEdit) {
    return (
      <Panel title={t('kioskUi.devices.title')} className="settings-panel" testId="settings-paired-devices">
        <p className="notice">{t('kioskUi.devices.notAllowed')}</p>
      </Panel>
    );
  }
  return (
    <Panel title={t('kioskUi.devices.title')} className="settings-panel" testId="settings-paired-devices">
      <p className="field__hint">{t('kioskUi.devices.lead')}</p>
      <PairDeviceForm onPaired={(d) => done(t('kioskUi.devices.approved', { kind: t(`kioskUi.devices.kinds.${d.kind}`), name: d.name }))} />
      <FormError message={error === null ? null : describeError(t, error).text} testId="devices-error" />
      {devices === null ? (
        error === null && <p>{t('kioskUi.devices.loading')}</p>
      ) : devices.length === 0 ? (
        <p data-testid="devices-empty">{t('kioskUi.devices.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="devices-table">
            <caption className="data-table__caption">{t('kioskUi.devices.caption', { count: devices.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('kioskUi.devices.deviceName')}</th>
                <th scope="col">{t('kioskUi.devices.kind')}</th>
                <th scope="col">{t('kioskUi.devices.printerColumn')}</th>
                <th scope="col">{t('kioskUi.devices.pairedAt')}</th>
                <th scope="col">{t('kioskUi.devices.lastSeen')}</th>
                <th scope="col">{t('kioskUi.devices.status')}</th>
                <th scope="col">{t('kioskUi.devices.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {devices.map((d) => (
                <tr key={d.id} data-device={d.name} data-revoked={d.revokedAt !== null}>
                  <th scope="row">{d.name}</th>
                  <td>{t(`kioskUi.devices.kinds.${d.kind}`)}</td>
                  <td>{d.kind === 'kiosk' ? (d.printerUri ?? t('kioskUi.devices.printerNone')) : ''}</td>
                  <td className="data-table__num">{formatDateTime(d.pairedAt)}</td>
                  <td className="data-table__num">
                    {d.lastSeenAt ? formatDateTime(d.lastSeenAt) : t('kioskUi.devices.never')}
                    {d.lastPeer && (
                      <>
                        <br />
                        {t('kioskUi.devices.peer', { peer: d.lastPeer })}
                      </>
                    )}
                  </td>
                  <td data-testid="device-status">{d.revokedAt ? t('kioskUi.devices.revokedAt', { time: formatDateTime(d.revokedAt) }) : t('kioskUi.devices.active')}</td>
                  <td>
                    {!d.revokedAt && (
                      <div className="button-row">
                        <button type="button" className="btn btn--small" aria-haspopup="dialog" aria-label={t('kioskUi.devices.editFor', { name: d.name })} onClick={() => setEditing(d)} data-testid="device-edit">
                          {t('kioskUi.devices.edit')}
                        </button>
                        <button
                          type="button"
                          className="btn btn--small btn--danger-outline"
                          aria-haspopup="dialog"
                          aria-label={t('kioskUi.devices.revokeFor', { name: d.name })}
                          onClick={() => setRevoking(d)}
                          data-testid="device-revoke"
                        >
                          {t('kioskUi.devices.revoke')}
                        </button>
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <EditDeviceDialog
        device={editing}
        onClose={() => setEditing(null)}
        onDone={(d) => {
          setEditing(null);
          done(t('kioskUi.devices.saved', { name: d.name }));
        }}
      />
      <RevokeDeviceDialog
        device={revoking}
        onClose={() => setRevoking(null)}
        onDone={(d) => {
          setRevoking(null);
          done(t('kioskUi.devices.revoked', { name: d.name }));
        }}
      />
    </Panel>
  );
}
