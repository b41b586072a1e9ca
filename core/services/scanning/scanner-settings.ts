/**
 * The scanner settings of a counter: eSCL scanners typed by an admin (`scanning.esclUrls`), the folder scanner
 * (`scanning.folder`, listed and scannable only when enabled) and the counter's scan profiles (`scanning.profiles`,
 * written only through scans.saveProfile). Rules here, registered in settings/registry.ts.
 */
import path from 'node:path';
import { AppError } from '../../contract/errors';
import { parseDeviceUri } from '../../../native/scanners/device-uri';
import type { SettingRule } from '../settings/registry';

export const ESCL_URLS_KEY = 'scanning.esclUrls';
export const SCAN_FOLDER_KEY = 'scanning.folder';
export const SCAN_PROFILES_KEY = 'scanning.profiles';

export const MAX_ESCL_URLS = 32;
const MAX_URL_CHARS = 2000;
const MAX_DIR_CHARS = 1000;
const CONTROL_CHARS = /\p{Cc}/u;

export interface ScanFolderSetting {
  enabled: boolean;
  dir: string;
}

/**
 * An eSCL root an admin may type: http(s), no credentials, query or fragment, the path's last segment "eSCL"
 * (any case; a trailing slash is tolerated). Returns the canonical root (`http://host:port/eSCL`) or null.
 */
export function canonicalEsclUrl(url: string): string | null {
  if (url.length > MAX_URL_CHARS || CONTROL_CHARS.test(url) || !/^https?:\/\//i.test(url.trim())) return null;
  try {
    const { id } = parseDeviceUri(`escl:${url.trim()}`);
    return /\/escl$/i.test(new URL(id).pathname) ? id : null;
  } catch {
    return null;
  }
}

const esclUrlsRule: SettingRule = {
  validate(v) {
    if (v === null) return;
    if (!Array.isArray(v) || v.length > MAX_ESCL_URLS) throw new AppError('SETTINGS_BAD_ESCL_URLS', { max: MAX_ESCL_URLS, url: '' }, { field: 'value' });
    for (const u of v) {
      if (typeof u !== 'string' || canonicalEsclUrl(u) === null) {
        throw new AppError('SETTINGS_BAD_ESCL_URLS', { max: MAX_ESCL_URLS, url: String(u).slice(0, 200) }, { field: 'value' });
      }
    }
  },
};

function badFolder(): AppError {
  return new AppError('SETTINGS_BAD_SCAN_FOLDER', { max: MAX_DIR_CHARS }, { field: 'value' });
}

/** A folder on this machine, named in full (a relative one would depend on where the core was started). */
function isFolderPath(dir: string): boolean {
  return dir.length > 0 && dir.length <= MAX_DIR_CHARS && !CONTROL_CHARS.test(dir) && path.isAbsolute(dir);
}

const scanFolderRule: SettingRule = {
  validate(v) {
    if (v === null) return;
    if (typeof v !== 'object' || Array.isArray(v)) throw badFolder();
    const keys = Object.keys(v);
    const { enabled, dir } = v as Record<string, unknown>;
    if (keys.some((k) => k !== 'enabled' && k !== 'dir') || typeof enabled !== 'boolean' || typeof dir !== 'string') throw badFolder();
    // A disabled folder scanner may keep no folder yet; an enabled one needs a full path.
    if ((enabled || dir !== '') && !isFolderPath(dir)) throw badFolder();
  },
};

/** Registered in settings/registry.ts as client-written keys (admins and supervisors, through settings.set). */
export const scanningSettingRules: Readonly<Record<string, SettingRule>> = {
  [ESCL_URLS_KEY]: esclUrlsRule,
  [SCAN_FOLDER_KEY]: scanFolderRule,
};

interface SettingsReader {
  get<T = unknown>(key: string): T | null;
}

/** The configured eSCL roots, canonical and without repeats; a stored value that no longer passes is skipped. */
export function configuredEsclUrls(settings: SettingsReader): string[] {
  const v = settings.get<unknown>(ESCL_URLS_KEY);
  if (!Array.isArray(v)) return [];
  const out = new Set<string>();
  for (const u of v) {
    const c = typeof u === 'string' ? canonicalEsclUrl(u) : null;
    if (c) out.add(c);
  }
  return [...out];
}

/** The folder scanner's folder when it is enabled, else null. */
export function enabledScanFolder(settings: SettingsReader): string | null {
  const v = settings.get<ScanFolderSetting>(SCAN_FOLDER_KEY);
  if (!v || typeof v !== 'object' || v.enabled !== true || typeof v.dir !== 'string' || !isFolderPath(v.dir)) return null;
  return path.resolve(v.dir);
}
