/**
 * Command lines of the Windows scanning helpers. Windows hands a program one string, split again by the program's C
 * runtime (CommandLineToArgvW rules), so the quoting is done here, once, and spawn is told to pass it verbatim: a
 * device name with quotes, a folder ending in a backslash or a Vietnamese user name arrive as they were. The WIA
 * script gets its whole request as base64 JSON, so no user text reaches PowerShell's own parameter parser at all.
 */
import path from 'node:path';
import type { ColorMode, ScanSettings, SourceKind } from '../scanner';

/** One argument quoted for CommandLineToArgvW / the Microsoft C runtime. */
export function quoteWindowsArg(arg: string): string {
  if (arg !== '' && !/[\s"]/.test(arg)) return arg;
  let out = '"';
  let backslashes = 0;
  for (const ch of arg) {
    if (ch === '\\') {
      backslashes += 1;
      continue;
    }
    // Backslashes before a quote are doubled and the quote escaped; elsewhere they are literal.
    if (ch === '"') out += '\\'.repeat(backslashes * 2 + 1) + '"';
    else out += '\\'.repeat(backslashes) + ch;
    backslashes = 0;
  }
  // Backslashes before the closing quote would escape it: double them.
  return `${out}${'\\'.repeat(backslashes * 2)}"`;
}

/** The arguments as spawn must pass them with windowsVerbatimArguments (already quoted, joined by spaces). */
export function windowsCommandLine(args: readonly string[]): string {
  return args.map(quoteWindowsArg).join(' ');
}

export type WiaRequest =
  | { command: 'list' }
  | { command: 'caps'; device: string }
  | { command: 'scan'; device: string; source: SourceKind; dpi: number; color: ColorMode; outDir: string };

/** powershell.exe arguments running the shipped script with one base64 request. */
export function wiaHelperArgs(script: string, request: WiaRequest): string[] {
  const encoded = Buffer.from(JSON.stringify(request), 'utf8').toString('base64');
  return ['-NoLogo', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', script, '-Request', encoded];
}

export type Naps2Driver = 'wia' | 'twain';

const NAPS2_SOURCES: Record<SourceKind, string> = { flatbed: 'glass', adf: 'feeder', 'adf-duplex': 'duplex' };

export function naps2ListArgs(driver: Naps2Driver): string[] {
  return ['--listdevices', '--driver', driver];
}

/**
 * NAPS2.Console scanning to one PNG per page in `outDir` (`$(nnnn)` is NAPS2's page counter, not a shell variable:
 * no shell ever sees it). --noprofile: the GUI's last profile must not change what the counter asked for.
 */
export function naps2ScanArgs(driver: Naps2Driver, device: string, settings: ScanSettings, outDir: string): string[] {
  const args = ['-o', path.join(outDir, 'page-$(nnnn).png'), '--noprofile', '--driver', driver, '--device', device, '--source', NAPS2_SOURCES[settings.source]];
  args.push('--dpi', String(settings.dpi ?? 300), '--bitdepth', settings.color ?? 'gray');
  if (settings.pageSize) args.push('--pagesize', settings.pageSize);
  args.push('--force', '--verbose');
  return args;
}
