/**
 * What `motcua scan` and `motcua dossier scan` share: the scanner options checked before any device is touched
 * (a typo never moves paper), and the result's status and exit code from the error that stopped the device.
 */
import { isInputError } from '../../../contract/errors';
import { errorMessage } from '../../../i18n/translate';
import { COLOR_MODES, DEVICE_STOP_CODES, isScanError, parseDeviceUri, SOURCE_KINDS, type ColorMode, type ScanErrorCode, type SourceKind } from '../../../../native/scanners/index';
import { CliFailure, cliFailure, EXIT_FAILED, EXIT_OK, EXIT_USAGE, integerOption } from '../runtime';

/** Exit code when the device stopped (jam, empty feeder, open cover, busy, gone): the pages received are kept. */
export const EXIT_DEVICE_STOPPED = 3;

export function badArgument(code: string, params: Record<string, string | number>): CliFailure {
  return new CliFailure({ code, message: errorMessage(code, params), params }, EXIT_USAGE);
}

/** A device URI checked before any device is touched (exit 2 when it names no backend). */
export function checkedUri(uri: string): string {
  try {
    parseDeviceUri(uri);
    return uri;
  } catch (e) {
    if (isScanError(e)) throw badArgument(e.code, e.params as Record<string, string>);
    throw e;
  }
}

export function choice<T extends string>(name: string, v: string | undefined, allowed: readonly T[]): T | undefined {
  if (v === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(v)) throw cliFailure('CLI_BAD_ARGUMENT', `${name} "${v}": phải là một trong ${allowed.join(', ')} / must be one of ${allowed.join(', ')}`);
  return v as T;
}

export interface ScanArgs {
  device: string;
  source?: SourceKind;
  dpi?: number;
  color?: ColorMode;
}

/** --device, --source, --dpi, --color as both commands take them. */
export function scanArgs(opts: { device: string; source?: string; dpi?: string; color?: string }): ScanArgs {
  const device = checkedUri(opts.device);
  const source = choice<SourceKind>('--source', opts.source, SOURCE_KINDS);
  const color = choice<ColorMode>('--color', opts.color, COLOR_MODES);
  const dpi = opts.dpi === undefined ? undefined : integerOption('--dpi', opts.dpi, 50, 1200);
  return { device, ...(source ? { source } : {}), ...(dpi !== undefined ? { dpi } : {}), ...(color ? { color } : {}) };
}

export type ScanResultStatus = 'completed' | 'jammed' | 'empty' | 'failed';

export function statusOf(code: string | null): ScanResultStatus {
  if (code === null) return 'completed';
  if (code === 'SCAN_JAMMED') return 'jammed';
  if (code === 'SCAN_FEEDER_EMPTY') return 'empty';
  return 'failed';
}

export function exitOf(code: string | null): number {
  if (code === null) return EXIT_OK;
  if (isInputError(code)) return EXIT_USAGE;
  return DEVICE_STOP_CODES.has(code as ScanErrorCode) ? EXIT_DEVICE_STOPPED : EXIT_FAILED;
}

/** The feeder when the device has one, else its first source (what a clerk expects without --source). */
export function defaultSource(offered: readonly SourceKind[]): SourceKind {
  return offered.includes('adf') ? 'adf' : (offered[0] ?? 'flatbed');
}
