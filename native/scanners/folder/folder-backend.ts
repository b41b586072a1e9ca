/**
 * A folder of images that behaves like an ADF: demos, training, and a way to take in pages from any other scanning
 * software. Files are taken in name order (numbers compared as numbers: p2 before p10); PNG, JPEG and TIFF. A
 * zero-byte or corrupt file stops the batch with SCAN_FAILED naming it, after the pages before it were yielded.
 * Files are read, never moved or deleted: the folder belongs to whoever fills it.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { imageInfo, ImageFormatError } from '../image-info';
import { checkSettings, scanError, ScanError, type ScannedPage, type ScannerBackend, type ScannerCapabilities, type ScannerDevice, type ScanSettings } from '../scanner';

const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.tif', '.tiff']);
const byName = new Intl.Collator('en', { numeric: true, sensitivity: 'variant' });

export interface FolderBackendOptions {
  /** Folders enabled in Settings: only these are listed (any folder can still be scanned by URI). */
  folders?: readonly string[];
  /** Pages without a resolution in the file are taken at this dpi (default 300). */
  defaultDpi?: number;
  /**
   * Refuse folders not in `folders` (the core's clerks, possibly remote, must not read any folder of this machine;
   * the local CLI operator may). Default false.
   */
  onlyListed?: boolean;
}

export class FolderBackend implements ScannerBackend {
  readonly kind = 'folder' as const;
  private readonly folders: readonly string[];
  private readonly defaultDpi: number;
  private readonly onlyListed: boolean;

  constructor(opts: FolderBackendOptions = {}) {
    this.folders = (opts.folders ?? []).map((f) => path.resolve(f));
    this.defaultDpi = opts.defaultDpi ?? 300;
    this.onlyListed = opts.onlyListed ?? false;
  }

  async list(): Promise<ScannerDevice[]> {
    return this.folders.map((dir) => ({ uri: `folder:${dir}`, name: path.basename(dir) || dir, kind: 'folder' }));
  }

  async capabilities(id: string): Promise<ScannerCapabilities> {
    await this.files(id);
    // The images are what they are: no resolutions or colour modes to choose.
    return { sources: ['adf', 'flatbed'], resolutions: [], colorModes: [], pageSizes: [] };
  }

  /** The image files in order; a missing folder is a device that is gone. */
  private async files(dir: string): Promise<string[]> {
    if (this.onlyListed && !this.folders.includes(path.resolve(dir))) {
      throw new ScanError('SCAN_FOLDER_NOT_ENABLED', { dir: dir.slice(0, 300) });
    }
    let names: string[];
    try {
      if (!(await stat(dir)).isDirectory()) throw new Error('not a folder');
      names = await readdir(dir);
    } catch (e) {
      throw scanError('SCAN_DEVICE_GONE', `folder ${dir}: ${(e as Error).message}`);
    }
    return names.filter((n) => !n.startsWith('.') && IMAGE_EXTENSIONS.has(path.extname(n).toLowerCase())).sort(byName.compare);
  }

  async *scan(id: string, settings: ScanSettings, signal: AbortSignal): AsyncIterable<ScannedPage> {
    checkSettings(settings, await this.capabilities(id));
    if (settings.source === 'adf-duplex') throw new ScanError('SCAN_UNSUPPORTED_SETTING', { setting: 'source', value: settings.source, offered: 'adf, flatbed' });
    const files = await this.files(id);
    if (files.length === 0) throw scanError('SCAN_FEEDER_EMPTY', `folder ${id} has no PNG, JPEG or TIFF file`);
    const take = settings.source === 'flatbed' ? files.slice(0, 1) : files;
    let index = 0;
    for (const name of take) {
      if (signal.aborted) throw new ScanError('SCAN_CANCELLED');
      const file = path.join(id, name);
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch (e) {
        throw scanError('SCAN_FAILED', `${name}: ${(e as Error).message}`, { file: name });
      }
      let info;
      try {
        info = imageInfo(bytes);
      } catch (e) {
        if (!(e instanceof ImageFormatError)) throw e;
        throw scanError('SCAN_FAILED', `${name}: ${e.message}`, { file: name });
      }
      index += 1;
      yield { index, bytes, mime: info.mime, widthPx: info.widthPx, heightPx: info.heightPx, dpi: info.dpi ?? settings.dpi ?? this.defaultDpi };
    }
  }
}
