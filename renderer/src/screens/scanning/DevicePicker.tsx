/**
 * The scanner and its settings: device (with "look again"), paper source, resolution and colour as the device
 * offers them; the counter's default and the procedure's profile are saved on request; separator sheets to print.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnouncer } from '../../a11y/Announcer';
import { SelectField } from '../../components/SelectField';
import { api } from '../../bridge';
import { saveBase64 } from '../../files/save-file';
import { describeError } from '../../i18n/error-text';
import type { ColorMode, ScanSetup, SourceKind } from './useScanSetup';

export function DevicePicker({ setup, procedureCode, agencyCode, disabled }: { setup: ScanSetup; procedureCode: string | null; agencyCode: string | null; disabled: boolean }) {
  const { t } = useTranslation();
  const announce = useAnnouncer();
  const [problem, setProblem] = useState<string | null>(null);
  const [sheetBusy, setSheetBusy] = useState<'patch' | 'items' | null>(null);
  const { devices, device, caps, settings } = setup;
  const current = devices?.find((d) => d.uri === device);
  const isDefault = !!setup.profiles?.default && setup.profiles.default.device === device &&
    setup.profiles.default.source === settings.source && setup.profiles.default.dpi === settings.dpi && setup.profiles.default.color === settings.color;
  const shownError = problem ?? (setup.error ? describeError(t, setup.error).text : null);

  const refresh = async () => {
    setProblem(null);
    announce(t('scanningUi.device.refreshing'));
    const n = await setup.refresh();
    announce(n ? t('scanningUi.device.found', { count: n }) : t('scanningUi.device.none'));
  };

  const run = async (what: () => Promise<void>, done: string) => {
    setProblem(null);
    try {
      await what();
      announce(done);
    } catch (e) {
      setProblem(describeError(t, e).text);
    }
  };

  const sheet = async (kind: 'patch' | 'items') => {
    if (sheetBusy) return;
    setSheetBusy(kind);
    setProblem(null);
    announce(t('scanningUi.separators.busy'));
    try {
      const out = await api.call('scans.separatorSheet', kind === 'items' && procedureCode ? { procedureCode, ...(agencyCode ? { agencyCode } : {}) } : {});
      saveBase64(out.fileName, out.dataBase64, out.mediaType);
      announce(t('scanningUi.separators.saved', { file: out.fileName }));
    } catch (e) {
      setProblem(describeError(t, e).text);
    } finally {
      setSheetBusy(null);
    }
  };

  return (
    <div className="scan-device" data-testid="scan-device">
      <div className="scan-device__row">
        <SelectField
          label={t('scanningUi.device.device')}
          value={device}
          onValue={setup.chooseDevice}
          disabled={disabled || !devices?.length}
          data-testid="scan-device-select"
          options={(devices ?? []).map((d) => ({ value: d.uri, label: t('scanningUi.device.option', { name: d.name, kind: t(`scanningUi.device.kinds.${d.kind}`) }) }))}
        />
        <button type="button" className="btn" onClick={() => void refresh()} disabled={disabled} aria-busy={setup.loadingDevices}>
          {t('scanningUi.device.refresh')}
        </button>
      </div>
      {devices && devices.length === 0 && !setup.loadingDevices && <p className="notice">{t('scanningUi.device.none')}</p>}
      {setup.loadingCaps && <p className="field__hint">{t('scanningUi.device.loadingCaps')}</p>}
      {caps && (
        <div className="scan-device__row">
          <SelectField
            label={t('scanningUi.device.source')}
            value={settings.source}
            disabled={disabled}
            onValue={(v) => setup.setSettings({ source: v as SourceKind })}
            options={caps.sources.map((s) => ({ value: s, label: t(`scanningUi.device.sources.${s}`) }))}
          />
          <SelectField
            label={t('scanningUi.device.dpi')}
            value={String(settings.dpi)}
            disabled={disabled}
            onValue={(v) => setup.setSettings({ dpi: Number(v) })}
            options={(caps.resolutions.length ? caps.resolutions : [settings.dpi]).map((d) => ({ value: String(d), label: t('scanningUi.device.dpiValue', { dpi: d }) }))}
          />
          <SelectField
            label={t('scanningUi.device.color')}
            value={settings.color}
            disabled={disabled}
            onValue={(v) => setup.setSettings({ color: v as ColorMode })}
            options={caps.colorModes.map((c) => ({ value: c, label: t(`scanningUi.device.colors.${c}`) }))}
          />
        </div>
      )}
      {current && (
        <div className="button-row scan-device__save">
          {isDefault ? (
            <p className="field__hint">{t('scanningUi.device.isDefault')}</p>
          ) : (
            <button type="button" className="btn btn--small" disabled={disabled} onClick={() => void run(setup.saveDefault, t('scanningUi.device.defaultSaved', { name: current.name }))}>
              {t('scanningUi.device.makeDefault')}
            </button>
          )}
          {procedureCode && (
            <button type="button" className="btn btn--small" disabled={disabled} onClick={() => void run(setup.saveForProcedure, t('scanningUi.device.profileSaved'))}>
              {t('scanningUi.device.saveProfile')}
            </button>
          )}
          {setup.fromProcedure && <p className="field__hint">{t('scanningUi.device.profileUsed')}</p>}
        </div>
      )}
      <details className="scan-separators">
        <summary>{t('scanningUi.separators.title')}</summary>
        <p className="field__hint">{t('scanningUi.separators.hint')}</p>
        <div className="button-row">
          <button type="button" className="btn btn--small" aria-busy={sheetBusy === 'patch'} onClick={() => void sheet('patch')}>
            {t('scanningUi.separators.patchT')}
          </button>
          {procedureCode && (
            <button type="button" className="btn btn--small" aria-busy={sheetBusy === 'items'} onClick={() => void sheet('items')}>
              {t('scanningUi.separators.perItem')}
            </button>
          )}
        </div>
      </details>
      {shownError && (
        <p className="field__error" role="alert" data-testid="scan-device-error">
          {shownError}
        </p>
      )}
    </div>
  );
}
