/**
 * The scanner registry: a device URI's scheme picks its backend (device-uri.ts parses it), and listDevices() asks
 * every backend available here. WIA (PowerShell helper) and TWAIN (NAPS2.Console) run on Windows; elsewhere their
 * URIs parse, then answer SCAN_BACKEND_UNAVAILABLE.
 */
import { parseDeviceUri } from './device-uri';
import { EsclBackend, type EsclBackendOptions } from './escl/escl-backend';
import { FolderBackend } from './folder/folder-backend';
import { SaneBackend, type SaneBackendOptions } from './sane/sane-backend';
import { Naps2Backend, type Naps2BackendOptions } from './windows/naps2-backend';
import { WiaBackend, type WiaBackendOptions } from './windows/wia-backend';
import { ScanError, type BackendKind, type ScannedPage, type ScannerBackend, type ScannerCapabilities, type ScannerDevice, type ScanSettings } from './scanner';

export * from './scanner';
export { parseDeviceUri, formatDeviceUri, type DeviceUri } from './device-uri';

export interface ScannerRegistryOptions {
  sane?: SaneBackendOptions;
  escl?: EsclBackendOptions;
  /** Folders enabled in Settings (only these are listed). */
  folders?: readonly string[];
  /** Scan only the folders listed (the core's registry); the CLI operator may scan any folder. Default false. */
  onlyListedFolders?: boolean;
  /** WIA through the PowerShell helper, TWAIN through NAPS2.Console: on Windows only. */
  wia?: WiaBackendOptions;
  twain?: Naps2BackendOptions;
  /** Default process.platform (tests pass win32 with a fake spawn). */
  platform?: NodeJS.Platform;
}

/** Stands for a backend this system cannot run (WIA/TWAIN off Windows). */
class UnavailableBackend implements ScannerBackend {
  constructor(readonly kind: BackendKind) {}
  private refuse(): never {
    throw new ScanError('SCAN_BACKEND_UNAVAILABLE', { backend: this.kind.toUpperCase(), detail: 'not available on this system' });
  }
  async list(): Promise<ScannerDevice[]> {
    return [];
  }
  async capabilities(): Promise<ScannerCapabilities> {
    this.refuse();
  }
  // eslint-disable-next-line require-yield
  async *scan(): AsyncIterable<ScannedPage> {
    this.refuse();
  }
}

export interface ListedDevice extends ScannerDevice, ScannerCapabilities {
  /** Why capabilities could not be read (the device is listed anyway, with empty lists). */
  error?: { code: string; detail: string };
}

export class ScannerRegistry {
  private readonly backends: Map<BackendKind, ScannerBackend>;

  constructor(opts: ScannerRegistryOptions = {}) {
    const windows = (opts.platform ?? process.platform) === 'win32';
    const list: ScannerBackend[] = [
      new SaneBackend(opts.sane),
      new EsclBackend(opts.escl),
      new FolderBackend({ folders: opts.folders ?? [], onlyListed: opts.onlyListedFolders ?? false }),
      windows ? new WiaBackend(opts.wia) : new UnavailableBackend('wia'),
      windows ? new Naps2Backend({ ...opts.twain, driver: 'twain' }) : new UnavailableBackend('twain'),
    ];
    this.backends = new Map(list.map((b) => [b.kind, b]));
  }

  backend(kind: BackendKind): ScannerBackend {
    const b = this.backends.get(kind);
    if (!b) throw new ScanError('SCAN_BACKEND_UNAVAILABLE', { backend: kind, detail: 'no backend' });
    return b;
  }

  /** Resolves a URI to its backend and id; throws SCAN_BAD_DEVICE_URI for a URI no backend takes. */
  resolve(uri: string): { backend: ScannerBackend; id: string } {
    const { kind, id } = parseDeviceUri(uri);
    return { backend: this.backend(kind), id };
  }

  capabilities(uri: string, signal?: AbortSignal): Promise<ScannerCapabilities> {
    const { backend, id } = this.resolve(uri);
    return backend.capabilities(id, signal);
  }

  scan(uri: string, settings: ScanSettings, signal: AbortSignal): AsyncIterable<ScannedPage> {
    const { backend, id } = this.resolve(uri);
    return backend.scan(id, settings, signal);
  }

  /** Every device found or configured, with its capabilities. A backend that fails to list is skipped. */
  async listDevices(): Promise<ListedDevice[]> {
    const lists = await Promise.all([...this.backends.values()].map((b) => b.list().catch(() => [] as ScannerDevice[])));
    const devices = lists.flat();
    return Promise.all(
      devices.map(async (d): Promise<ListedDevice> => {
        try {
          return { ...d, ...(await this.capabilities(d.uri)) };
        } catch (e) {
          const err = e instanceof ScanError ? { code: e.code, detail: String(e.params.detail ?? '') } : { code: 'SCAN_FAILED', detail: (e as Error).message };
          return { ...d, sources: [], resolutions: [], colorModes: [], pageSizes: [], error: err };
        }
      }),
    );
  }
}

export function createScannerRegistry(opts: ScannerRegistryOptions = {}): ScannerRegistry {
  return new ScannerRegistry(opts);
}
