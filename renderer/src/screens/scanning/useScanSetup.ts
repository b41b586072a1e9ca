/**
 * Which scanner and how: the devices the core finds, the chosen one's capabilities, and the source, resolution
 * and colour offered by it. The counter's profiles (scans.profiles) choose the start: the procedure's own profile,
 * else the counter's default, else the first device with gray 300 dpi from its feeder where offered.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ScanProfile, ScanProfiles } from '../../../../core/contract/scans';
import type { MethodOutput } from '../../../../core/contract/index';
import { api } from '../../bridge';

export type ScanDevice = MethodOutput<'scans.devices'>[number];
export type ScanCapabilities = MethodOutput<'scans.capabilities'>;
export type SourceKind = ScanProfile['source'];
export type ColorMode = ScanProfile['color'];

export interface ScanSettings {
  source: SourceKind;
  dpi: number;
  color: ColorMode;
}

export interface ScanSetup {
  devices: ScanDevice[] | null;
  device: string;
  caps: ScanCapabilities | null;
  settings: ScanSettings;
  profiles: ScanProfiles | null;
  /** The profile in use came from the procedure's saved one. */
  fromProcedure: boolean;
  loadingDevices: boolean;
  loadingCaps: boolean;
  error: unknown;
  refresh(): Promise<number>;
  chooseDevice(uri: string): void;
  setSettings(s: Partial<ScanSettings>): void;
  saveDefault(): Promise<void>;
  saveForProcedure(): Promise<void>;
}

const PREFERRED_DPI = 300;

/** The offered value nearest to what was wanted. */
function nearest(values: readonly number[], wanted: number): number {
  return values.reduce((best, v) => (Math.abs(v - wanted) < Math.abs(best - wanted) ? v : best), values[0] ?? wanted);
}

/** Settings the device offers, keeping what was wanted where it can. */
export function fitSettings(caps: ScanCapabilities, wanted: Partial<ScanSettings>): ScanSettings {
  const sources = caps.sources.length ? caps.sources : (['flatbed'] as SourceKind[]);
  const source = wanted.source && sources.includes(wanted.source) ? wanted.source : sources.includes('adf') ? 'adf' : sources[0]!;
  const colors = caps.colorModes.length ? caps.colorModes : (['gray'] as ColorMode[]);
  const color = wanted.color && colors.includes(wanted.color) ? wanted.color : colors.includes('gray') ? 'gray' : colors[0]!;
  const dpi = caps.resolutions.length ? nearest(caps.resolutions, wanted.dpi ?? PREFERRED_DPI) : (wanted.dpi ?? PREFERRED_DPI);
  return { source, dpi, color };
}

export function useScanSetup(procedureCode: string | null): ScanSetup {
  const [devices, setDevices] = useState<ScanDevice[] | null>(null);
  const [profiles, setProfiles] = useState<ScanProfiles | null>(null);
  /** The clerk's own choices: a device, and settings for that device. */
  const [chosen, setChosen] = useState('');
  const [picked, setPicked] = useState<{ device: string; values: Partial<ScanSettings> }>({ device: '', values: {} });
  const [capsOf, setCapsOf] = useState<{ device: string; caps: ScanCapabilities | null; error: unknown }>({ device: '', caps: null, error: null });
  const [loadingDevices, setLoadingDevices] = useState(true);
  const [listError, setListError] = useState<unknown>(null);

  const forProcedure = procedureCode ? profiles?.procedures.find((p) => p.procedureCode === procedureCode) : undefined;
  const profile: ScanProfile | null = forProcedure ?? profiles?.default ?? null;
  const fromProcedure = forProcedure !== undefined;
  const listed = (uri: string | undefined) => !!uri && !!devices?.some((d) => d.uri === uri);
  // The device: the clerk's choice while listed, else the saved profile's, else the first found.
  const device = listed(chosen) ? chosen : listed(profile?.device) ? profile!.device : (devices?.[0]?.uri ?? '');
  // What is wanted of it: the saved profile (when it is for this device), then what the clerk picked.
  const wanted: Partial<ScanSettings> = {
    ...(profile && profile.device === device ? { source: profile.source, dpi: profile.dpi, color: profile.color } : {}),
    ...(picked.device === device ? picked.values : {}),
  };
  const caps = capsOf.device === device ? capsOf.caps : null;
  const settings: ScanSettings = caps ? fitSettings(caps, wanted) : { source: wanted.source ?? 'adf', dpi: wanted.dpi ?? PREFERRED_DPI, color: wanted.color ?? 'gray' };

  // Only callbacks set state: the first load runs from an effect (loading starts out true).
  const load = useCallback(
    (refresh: boolean): Promise<number> =>
      Promise.all([api.call('scans.devices', { refresh }), api.call('scans.profiles', {}).catch(() => null)])
        .then(
          ([list, saved]) => {
            setDevices(list);
            setListError(null);
            if (saved) setProfiles(saved);
            return list.length;
          },
          (e: unknown) => {
            setListError(e);
            setDevices((d) => d ?? []);
            return 0;
          },
        )
        .finally(() => setLoadingDevices(false)),
    [],
  );

  useEffect(() => {
    void load(false);
  }, [load]);

  useEffect(() => {
    if (!device) return;
    let cancelled = false;
    api.call('scans.capabilities', { device }).then(
      (c) => !cancelled && setCapsOf({ device, caps: c, error: null }),
      (e: unknown) => !cancelled && setCapsOf({ device, caps: null, error: e }),
    );
    return () => {
      cancelled = true;
    };
  }, [device]);

  const save = async (code: string | null) => {
    if (!device) return;
    setProfiles(await api.call('scans.saveProfile', { procedureCode: code, profile: { device, ...settings } }));
  };

  return {
    devices,
    device,
    caps,
    settings,
    profiles,
    fromProcedure,
    loadingDevices,
    loadingCaps: !!device && capsOf.device !== device,
    error: listError ?? (capsOf.device === device ? capsOf.error : null),
    refresh: () => {
      setLoadingDevices(true);
      return load(true);
    },
    chooseDevice: setChosen,
    setSettings: (s) => setPicked({ device, values: { ...settings, ...s } }),
    saveDefault: () => save(null),
    saveForProcedure: () => save(procedureCode),
  };
}
