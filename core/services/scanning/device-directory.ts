/**
 * The scanners a counter can use, as one list: those its backends list (SANE, WIA/TWAIN on Windows), eSCL scanners
 * announced by mDNS, eSCL URLs typed by an admin, and the folder scanner when Settings enables it. One URI appears
 * once. The list is kept briefly (a listing costs a 1.5 s mDNS window and a spawn of scanimage); `refresh` forces a
 * new one, and a change of the scanner settings is seen at once. `registry` is what the scan service scans through:
 * built from the same settings, so the folder enabled in Settings, and only it, can be scanned.
 */
import type { ScanDevice } from '../../contract/scans';
import type { Logger } from '../../platform/logger';
import { parseDeviceUri } from '../../../native/scanners/device-uri';
import { EsclBackend } from '../../../native/scanners/escl/escl-backend';
import type { DiscoveredEscl } from '../../../native/scanners/escl/discovery';
import { ScannerRegistry, type ScannerCapabilities, type ScannerDevice, type ScannerRegistryOptions } from '../../../native/scanners/index';
import type { SettingsService } from '../settings/settings-service';
import { configuredEsclUrls, enabledScanFolder } from './scanner-settings';
import { ScanProfileStore } from './scan-profiles';

export interface DeviceDirectoryOptions {
  settings: Pick<SettingsService, 'get' | 'set'>;
  logger: Logger;
  /** Backend options (SANE command, eSCL timeouts…); eSCL URLs and folders come from Settings. */
  registry?: Omit<ScannerRegistryOptions, 'folders' | 'onlyListedFolders'>;
  /** eSCL discovery; default: mDNS for `discoveryWindowMs`. */
  discover?: (signal?: AbortSignal) => Promise<DiscoveredEscl[]>;
  discoveryWindowMs?: number;
  /** How long a listing is reused without `refresh`; default 15 s. */
  cacheMs?: number;
  /** Bound for reading a configured eSCL scanner's name while listing; default 3 s (an unplugged one must not stall the list). */
  listTimeoutMs?: number;
  now?: () => number;
  /** Scanners named by the caller besides Settings (the CLI's --escl/--folder), shown as configured. */
  extra?: { esclUrls?: readonly string[]; folders?: readonly string[] };
}

const ORIGIN_RANK: Record<ScanDevice['origin'], number> = { configured: 0, listed: 1, discovered: 2 };

/** The URI in its one spelling (eSCL origins lower-cased and default ports dropped, folders resolved). */
function canonicalUri(uri: string): string | null {
  try {
    const { kind, id } = parseDeviceUri(uri);
    return `${kind}:${id}`;
  } catch {
    return null;
  }
}

export class DeviceDirectory {
  readonly profiles: ScanProfileStore;
  private readonly cacheMs: number;
  private readonly now: () => number;
  private cached: { at: number; key: string; devices: ScanDevice[] } | null = null;
  private pending: { key: string; promise: Promise<ScanDevice[]> } | null = null;
  private built: { key: string; registry: ScannerRegistry } | null = null;

  constructor(private readonly opts: DeviceDirectoryOptions) {
    this.cacheMs = opts.cacheMs ?? 15_000;
    this.now = opts.now ?? Date.now;
    this.profiles = new ScanProfileStore(opts.settings);
  }

  /** What the scanner settings say now; a change invalidates the cached list and the registry. */
  private current(): { esclUrls: string[]; folders: string[]; key: string } {
    const esclUrls = [...new Set([...configuredEsclUrls(this.opts.settings), ...(this.opts.extra?.esclUrls ?? [])])];
    const folder = enabledScanFolder(this.opts.settings);
    const folders = [...new Set([...(folder ? [folder] : []), ...(this.opts.extra?.folders ?? [])])];
    return { esclUrls, folders, key: JSON.stringify([esclUrls, folders]) };
  }

  /** The registry the scan service scans through, built with the current settings. */
  get registry(): ScannerRegistry {
    const { esclUrls, folders, key } = this.current();
    if (this.built?.key !== key) {
      const r = this.opts.registry ?? {};
      this.built = { key, registry: new ScannerRegistry({ ...r, escl: { ...r.escl, urls: esclUrls }, folders, onlyListedFolders: true }) };
    }
    return this.built.registry;
  }

  capabilities(uri: string, signal?: AbortSignal): Promise<ScannerCapabilities> {
    return this.registry.capabilities(uri, signal);
  }

  /** Every scanner found or configured, one entry per URI; cached for `cacheMs` unless `refresh`. */
  async list(opts: { refresh?: boolean } = {}): Promise<ScanDevice[]> {
    const now = this.now();
    const state = this.current();
    if (!opts.refresh && this.cached && this.cached.key === state.key && now - this.cached.at < this.cacheMs) return this.cached.devices;
    // Callers asking together share one listing (and one mDNS window).
    if (this.pending && this.pending.key === state.key) return this.pending.promise;
    const promise = this.collect(state).finally(() => {
      if (this.pending?.promise === promise) this.pending = null;
    });
    this.pending = { key: state.key, promise };
    const devices = await promise;
    this.cached = { at: this.now(), key: state.key, devices };
    return devices;
  }

  private async collect(state: { esclUrls: string[]; folders: string[] }): Promise<ScanDevice[]> {
    const registry = this.registry;
    const listed = (['sane', 'wia', 'twain'] as const).map((kind) => this.safely(kind, () => registry.backend(kind).list()).then((ds) => ds.map((d) => ({ ...d, origin: 'listed' as const }))));
    // Each typed URL alone and bounded: an unplugged scanner must not hold the others.
    const timeout = this.opts.listTimeoutMs ?? 3_000;
    const configuredEscl = state.esclUrls.map((url) =>
      this.safely('escl', () => new EsclBackend({ ...this.opts.registry?.escl, urls: [url], requestTimeoutMs: timeout }).list(), [{ uri: `escl:${url}`, name: url, kind: 'escl' }]).then((ds) =>
        ds.map((d) => ({ ...d, origin: 'configured' as const })),
      ),
    );
    const folders = this.safely('folder', () => registry.backend('folder').list()).then((ds) => ds.map((d) => ({ ...d, origin: 'configured' as const })));
    // The mDNS library loads with the first listing, not at every start.
    const discover =
      this.opts.discover ??
      (async (signal?: AbortSignal) => {
        const { discoverEscl } = await import('../../../native/scanners/escl/discovery');
        return discoverEscl({ windowMs: this.opts.discoveryWindowMs, signal, onError: (e) => this.opts.logger.warn('mDNS discovery failed', { err: e.message }) });
      });
    const discovered = this.safely('escl', async () => (await discover()).map((d): ScannerDevice => ({ uri: d.uri, name: d.name, kind: 'escl' }))).then((ds) =>
      ds.map((d) => ({ ...d, origin: 'discovered' as const })),
    );

    const all = (await Promise.all([...listed, ...configuredEscl, folders, discovered])).flat();
    return dedupe(all);
  }

  private async safely<T extends ScannerDevice>(what: string, fn: () => Promise<T[]>, fallback: T[] = []): Promise<T[]> {
    try {
      return await fn();
    } catch (e) {
      this.opts.logger.warn('scanner listing failed', { backend: what, err: (e as Error).message });
      return fallback;
    }
  }
}

/** One entry per canonical URI: configured before listed before discovered; a name read from the device wins over a bare URL. */
export function dedupe(devices: readonly ScanDevice[]): ScanDevice[] {
  const byUri = new Map<string, ScanDevice>();
  const sorted = [...devices].sort((a, b) => ORIGIN_RANK[a.origin] - ORIGIN_RANK[b.origin]);
  for (const d of sorted) {
    const uri = canonicalUri(d.uri);
    if (!uri) continue;
    const seen = byUri.get(uri);
    const bare = uri.slice(uri.indexOf(':') + 1);
    if (!seen) byUri.set(uri, { ...d, uri });
    else if (seen.name === bare && d.name !== bare) byUri.set(uri, { ...seen, name: d.name });
  }
  return [...byUri.values()];
}
