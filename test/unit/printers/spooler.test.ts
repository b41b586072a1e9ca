/**
 * The Windows spooler transport cannot run here (no Windows, no PowerShell). What is checked: off Windows it says
 * 'unsupported'; the PowerShell script is well-formed as far as text can tell (it is the whole -EncodedCommand, its
 * C# here-string is closed, brackets balance, it calls only winspool's real exports, RAW datatype); and the
 * TypeScript side of its line protocol, against a stand-in process speaking the same lines.
 */
import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import type { ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { RAW_PRINT_SCRIPT, rawPrintArgs, SPOOLER_PRINTER_ENV, SPOOLER_TITLE_ENV } from '../../../native/printers/spooler/raw-print-script';
import { SpoolerEscposPrinter, spoolerFailure } from '../../../native/printers/spooler/spooler-printer';
import { PrinterLinkError } from '../../../native/printers/types';

async function failure(p: Promise<unknown>): Promise<PrinterLinkError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(PrinterLinkError);
  return e as PrinterLinkError;
}

/** Brackets outside quoted strings balance (C#: "…"; PowerShell: '…' and "…"). */
function balanced(code: string): boolean {
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  const stack: string[] = [];
  let quote: string | null = null;
  for (const line of code.split('\n')) {
    if (/^\s*(#|\/\/)/.test(line)) continue;
    for (const ch of line) {
      if (quote) {
        if (ch === quote) quote = null;
        continue;
      }
      if (ch === '"' || ch === "'") quote = ch;
      else if ('([{'.includes(ch)) stack.push(ch);
      else if (ch in pairs && stack.pop() !== pairs[ch]) return false;
    }
    if (quote) return false; // no string spans lines here
  }
  return stack.length === 0;
}

describe('Windows spooler (RAW) script', () => {
  const open = RAW_PRINT_SCRIPT.indexOf("@'\n");
  const close = RAW_PRINT_SCRIPT.indexOf("\n'@\n");
  const csharp = RAW_PRINT_SCRIPT.slice(open + 3, close);
  const powershell = RAW_PRINT_SCRIPT.slice(0, open) + RAW_PRINT_SCRIPT.slice(close + 4);

  it('is passed whole as -EncodedCommand (UTF-16LE base64) within the Windows command-line limit', () => {
    const args = rawPrintArgs();
    expect(args.slice(0, 6)).toEqual(['-NoLogo', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand']);
    expect(Buffer.from(args[6]!, 'base64').toString('utf16le')).toBe(RAW_PRINT_SCRIPT);
    expect(['powershell.exe', ...args].join(' ').length).toBeLessThan(32_767);
    // ASCII only: no code page or BOM question on the way in.
    expect([...RAW_PRINT_SCRIPT].every((c) => c === '\n' || (c >= ' ' && c <= '~'))).toBe(true);
  });

  it('has one closed C# here-string with balanced brackets, declaring only winspool exports', () => {
    expect(open).toBeGreaterThan(0);
    expect(close).toBeGreaterThan(open);
    expect(RAW_PRINT_SCRIPT.split("@'").length).toBe(2);
    expect(balanced(csharp)).toBe(true);
    const entryPoints = [...csharp.matchAll(/EntryPoint = "(\w+)"/g)].map((m) => m[1]);
    expect(entryPoints.sort()).toEqual(['AbortPrinter', 'ClosePrinter', 'EndDocPrinter', 'EndPagePrinter', 'OpenPrinterW', 'StartDocPrinterW', 'StartPagePrinter', 'WritePrinter']);
    expect(csharp.match(/DllImport\("winspool\.drv"/g)).toHaveLength(8);
    // Every P/Invoke keeps the Win32 error for Fail() to read.
    expect(csharp.match(/SetLastError = true/g)).toHaveLength(8);
  });

  it('PowerShell part: balanced, RAW datatype, functions defined before use, names and title from the environment', () => {
    expect(balanced(powershell)).toBe(true);
    expect(powershell).toContain("$doc.pDatatype = 'RAW'");
    expect(powershell).toContain(`$env:${SPOOLER_PRINTER_ENV}`);
    expect(powershell).toContain(`$env:${SPOOLER_TITLE_ENV}`);
    for (const fn of ['Emit', 'Fail']) {
      const defined = powershell.indexOf(`function ${fn}(`);
      const firstUse = powershell.search(new RegExp(`(?<!function )\\b${fn} `));
      expect(defined).toBeGreaterThan(-1);
      expect(firstUse).toBeGreaterThan(defined);
    }
    // Every MotCuaRawPrinter method the script calls is declared in the C# class.
    const called = new Set([...powershell.matchAll(/\[MotCuaRawPrinter\]::(\w+)/g)].map((m) => m[1]!));
    for (const name of called) expect(csharp).toMatch(new RegExp(`static (extern )?\\w+ ${name}\\(`));
    for (const type of ['open', 'written', 'done', 'error']) expect(powershell).toContain(`type = '${type}'`);
  });
});

/** A stand-in for the PowerShell process, speaking the script's JSON lines. */
class FakeScript extends EventEmitter {
  stdin = new PassThrough();
  stdout = new PassThrough();
  stderr = new PassThrough();
  received: Buffer[] = [];
  killed = false;
  env: NodeJS.ProcessEnv = {};
  line(o: object): void {
    this.stdout.write(`${JSON.stringify(o)}\n`);
  }
  end(code: number): void {
    this.stdout.end();
    this.stderr.end();
    setTimeout(() => this.emit('close', code), 5);
  }
  kill(): boolean {
    this.killed = true;
    this.end(1);
    return true;
  }
}

function spoolerWith(behave: (s: FakeScript) => void): { printer: SpoolerEscposPrinter; script: () => FakeScript } {
  let current: FakeScript | null = null;
  const printer = new SpoolerEscposPrinter(
    { kind: 'escpos', transport: 'spooler', name: 'EPSON TM-T82 Receipt' },
    {
      platform: 'win32',
      spawn: (_cmd, _args, o) => {
        current = new FakeScript();
        current.env = o.env;
        behave(current);
        return current as unknown as ChildProcess;
      },
    },
  );
  return { printer, script: () => current! };
}

describe('Windows spooler (RAW) link', () => {
  it('off Windows: unsupported, nothing sent', async () => {
    const e = await failure(new SpoolerEscposPrinter({ kind: 'escpos', transport: 'spooler', name: 'X' }, { platform: 'linux' }).open(1000));
    expect(e.failure).toBe('unsupported');
    expect(e.bytesWritten).toBe(0);
    expect(e.message).toContain('only on Windows');
  });

  it('counts what the spooler took, and close ends the document', async () => {
    const { printer, script } = spoolerWith((s) => {
      let total = 0;
      setTimeout(() => s.line({ type: 'open', job: 7 }), 5);
      s.stdin.on('data', (d: Buffer) => {
        s.received.push(d);
        total += d.length;
        s.line({ type: 'written', total });
      });
      s.stdin.on('end', () => {
        s.line({ type: 'done', total, job: 7 });
        s.end(0);
      });
    });
    const link = await printer.open(1000);
    expect(script().env[SPOOLER_PRINTER_ENV]).toBe('EPSON TM-T82 Receipt');
    expect(link.duplex).toBe(false);
    await link.write(Buffer.from('abc'), 1000);
    await link.write(new Uint8Array(5000), 1000);
    expect(link.bytesWritten).toBe(5003);
    expect((await failure(link.read(1, 100))).failure).toBe('unsupported');
    await link.close();
    expect(Buffer.concat(script().received).length).toBe(5003);
  });

  it('an unknown printer name (Win32 1801) is not_found with nothing sent', async () => {
    const { printer } = spoolerWith((s) => {
      setTimeout(() => {
        s.line({ type: 'error', stage: 'open', code: 1801, message: 'The printer name is invalid.' });
        s.end(1);
      }, 5);
    });
    const e = await failure(printer.open(1000));
    expect(e.failure).toBe('not_found');
    expect(e.bytesWritten).toBe(0);
    expect(spoolerFailure('write', 6)).toBe('io');
  });

  it('a helper that dies mid-job: closed, counting every byte handed to it (some may have been spooled)', async () => {
    const { printer } = spoolerWith((s) => {
      setTimeout(() => s.line({ type: 'open', job: 8 }), 5);
      s.stdin.once('data', () => s.end(3));
    });
    const link = await printer.open(1000);
    const e = await failure(link.write(new Uint8Array(100), 1000));
    expect(e.failure).toBe('closed');
    expect(e.bytesWritten).toBe(100);
    expect(link.bytesWritten).toBe(0);
  });
});
