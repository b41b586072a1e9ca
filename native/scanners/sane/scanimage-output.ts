/**
 * Reading what `scanimage` prints: the `-f` device listing, the `-A` option list (turned into capabilities), and
 * the exit code plus stderr of a batch (turned into our stable codes). Pure functions, unit-tested on real output.
 */
import { fittingPageSizes, scanError, type ScanError, type ColorMode, type ScannerCapabilities, type SourceKind } from '../scanner';
import { colorModeOf, sourceKindOf } from './source-names';

/** The `-f` format used for listing; fields split from the right, since a device name may hold anything. */
export const LIST_FORMAT = '%d|%v|%m|%t%n';

export interface SaneDeviceLine {
  name: string;
  vendor: string;
  model: string;
  type: string;
}

export function parseDeviceList(stdout: string): SaneDeviceLine[] {
  const out: SaneDeviceLine[] = [];
  for (const line of stdout.split('\n')) {
    if (!line.trim()) continue;
    const parts = line.split('|');
    if (parts.length < 4) continue;
    const type = parts.pop() ?? '';
    const model = parts.pop() ?? '';
    const vendor = parts.pop() ?? '';
    const name = parts.join('|');
    if (name) out.push({ name, vendor, model, type });
  }
  return out;
}

export interface SaneOption {
  name: string;
  /** A list constraint (`a|b|c`), numbers or strings as printed, unit removed. */
  values?: string[];
  range?: { min: number; max: number };
  unit: string;
  current: string | null;
  inactive: boolean;
}

const UNITS = ['dpi', 'mm', 'us', 'pel', 'bit', '%'];

/** Parses `scanimage -A` (option lines are indented four spaces and start with `-`). */
export function parseOptions(stdout: string): Map<string, SaneOption> {
  const opts = new Map<string, SaneOption>();
  for (const line of stdout.split('\n')) {
    const m = /^ {4}(--?[A-Za-z0-9][\w-]*)(\[=\([^)]*\)\])?(?: (.*))?$/.exec(line);
    if (!m || !m[1]) continue;
    let rest = (m[3] ?? '').trim();
    let current: string | null = null;
    let inactive = false;
    // Trailing brackets: the current value, or [inactive] / [advanced] / [read-only].
    for (let b = /\s*\[([^\]]*)\]$/.exec(rest); b; b = /\s*\[([^\]]*)\]$/.exec(rest)) {
      const v = b[1] ?? '';
      if (v === 'inactive') inactive = true;
      else if (v !== 'advanced' && v !== 'read-only' && current === null) current = v;
      rest = rest.slice(0, b.index).trimEnd();
    }
    rest = rest.replace(/\s*\(in steps of [^)]*\)/, '').replace(/,\.\.\.$/, '');
    let unit = '';
    for (const u of UNITS) {
      if (rest.endsWith(u)) {
        unit = u;
        rest = rest.slice(0, -u.length);
        break;
      }
    }
    const opt: SaneOption = { name: m[1], unit, current, inactive };
    const range = /^(-?[\d.]+)\.\.(-?[\d.]+)$/.exec(rest);
    if (range) opt.range = { min: Number(range[1]), max: Number(range[2]) };
    else if (rest.includes('|')) opt.values = rest.split('|').filter((v) => v.length > 0);
    opts.set(m[1], opt);
  }
  return opts;
}

const STANDARD_DPI = [75, 100, 150, 200, 240, 300, 400, 600, 1200];

export function resolutionsOf(opt: SaneOption | undefined): number[] {
  if (!opt) return [];
  if (opt.range) {
    const { min, max } = opt.range;
    const list = STANDARD_DPI.filter((d) => d >= min && d <= max);
    return list.length ? list : [Math.round(max)];
  }
  const nums = (opt.values ?? []).map(Number).filter((n) => Number.isFinite(n) && n > 0);
  return [...new Set(nums)].sort((a, b) => a - b);
}

/** Capabilities from the parsed options. The raw vendor strings stay with the options for the scan itself. */
export function capabilitiesFromOptions(opts: Map<string, SaneOption>): ScannerCapabilities {
  const source = opts.get('--source');
  const sources: SourceKind[] = [];
  for (const v of source?.values ?? []) {
    const k = sourceKindOf(v);
    if (k && !sources.includes(k)) sources.push(k);
  }
  // A device with no source option is a flatbed (the pnm backend, most small scanners).
  if (!source) sources.push('flatbed');
  const colorModes: ColorMode[] = [];
  const modes = opts.get('--mode')?.values ?? [];
  for (const v of modes) {
    const c = colorModeOf(v);
    if (c && !colorModes.includes(c)) colorModes.push(c);
  }
  if (!colorModes.includes('bw') && colorModes.includes('gray') && bilevelDepth(opts)) colorModes.push('bw');
  colorModes.sort((a, b) => COLOR_ORDER.indexOf(a) - COLOR_ORDER.indexOf(b));
  const caps: ScannerCapabilities = { sources, resolutions: resolutionsOf(opts.get('--resolution')), colorModes, pageSizes: [] };
  const x = opts.get('-x')?.range;
  const y = opts.get('-y')?.range;
  if (x && y && opts.get('-x')?.unit === 'mm') {
    caps.maxAreaMm = { widthMm: x.max, heightMm: y.max };
    caps.pageSizes = fittingPageSizes(x.max, y.max);
  }
  return caps;
}

const COLOR_ORDER: readonly ColorMode[] = ['bw', 'gray', 'color'];

/** A device with Gray mode and a 1-bit depth gives black and white as Gray + `--depth 1` (the test backend). */
export function bilevelDepth(opts: Map<string, SaneOption>): boolean {
  return (opts.get('--depth')?.values ?? []).includes('1');
}

/** The last line scanimage wrote about a failure, for the message's technical tail. */
function failureLine(stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.trim()).filter(Boolean);
  const own = lines.filter((l) => l.startsWith('scanimage:'));
  return (own[own.length - 1] ?? lines[lines.length - 1] ?? '').replace(/^scanimage:\s*/, '');
}

/** SANE_Status values, which scanimage returns as its exit code. */
const STATUS_CODES: Readonly<Record<number, ScanError['code']>> = {
  2: 'SCAN_CANCELLED',
  3: 'SCAN_BUSY',
  4: 'SCAN_DEVICE_GONE', // SANE_STATUS_INVAL: on open it means the device is not there
  6: 'SCAN_JAMMED',
  8: 'SCAN_COVER_OPEN',
  // SANE_STATUS_IO_ERROR: a USB or network scanner that stops answering mid-batch (cable, power).
  9: 'SCAN_DEVICE_GONE',
};

/**
 * How a batch ended. `null`: normally (the feeder ran out after at least one page, or the count asked for was
 * reached). Stderr wording is checked first (it is the more specific), then the exit code (the SANE status).
 */
export function batchOutcome(exitCode: number | null, stderr: string, pages: number): ScanError | null {
  const line = failureLine(stderr);
  const setting = /setting of option (--?[\w-]+) failed/.exec(stderr);
  if (setting) return scanError('SCAN_UNSUPPORTED_SETTING', line, { setting: setting[1] ?? '', value: '', offered: '' });
  const outOfDocs = /out of documents|no documents|feeder (is )?empty/i.test(stderr) || exitCode === 7;
  if (/jammed|paper jam/i.test(stderr)) return scanError('SCAN_JAMMED', line);
  if (/cover (is )?open|door open/i.test(stderr)) return scanError('SCAN_COVER_OPEN', line);
  if (/device busy/i.test(stderr)) return scanError('SCAN_BUSY', line);
  if (outOfDocs) return pages === 0 ? scanError('SCAN_FEEDER_EMPTY', line) : null;
  if (exitCode === 0) return pages === 0 ? scanError('SCAN_FAILED', 'scanimage ended without a page') : null;
  if (/open of device .* failed|no such device|invalid argument|error during device i\/o|no scanners were identified/i.test(stderr)) return scanError('SCAN_DEVICE_GONE', line);
  const byStatus = exitCode === null ? undefined : STATUS_CODES[exitCode];
  if (byStatus) return scanError(byStatus, line || `exit ${exitCode}`);
  return scanError('SCAN_FAILED', line || `scanimage exit ${exitCode ?? 'by signal'}`);
}
