/**
 * The Windows helpers' command lines and output, checked here because they cannot run on this machine: quoting by
 * the rules Windows programs split their command line with (checked by splitting it back), the WIA request carried
 * as base64, NAPS2's arguments, the WIA script's JSON lines, and WIA HRESULTs and NAPS2 messages mapped to our codes.
 */
import { describe, expect, it } from 'vitest';
import { naps2ListArgs, naps2ScanArgs, quoteWindowsArg, wiaHelperArgs, windowsCommandLine, type WiaRequest } from '../../../native/scanners/windows/command-lines';
import { naps2Outcome, parseHresult, parseNaps2Devices, parseWiaLine, WIA_HRESULT, wiaErrorCode, wiaStop } from '../../../native/scanners/windows/helper-output';

/** CommandLineToArgvW (and the Microsoft C runtime since 2008), written from its documented rules. */
function splitWindowsCommandLine(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (line[i] === ' ' || line[i] === '\t') i += 1;
    if (i >= line.length) break;
    let arg = '';
    let quoted = false;
    for (; i < line.length; ) {
      const c = line[i]!;
      if (!quoted && (c === ' ' || c === '\t')) break;
      if (c === '\\') {
        let n = 0;
        while (line[i] === '\\') {
          n += 1;
          i += 1;
        }
        if (line[i] === '"') {
          arg += '\\'.repeat(Math.floor(n / 2));
          if (n % 2 === 1) {
            arg += '"';
            i += 1;
          }
        } else arg += '\\'.repeat(n);
        continue;
      }
      if (c === '"') {
        if (quoted && line[i + 1] === '"') {
          arg += '"';
          i += 2;
          continue;
        }
        quoted = !quoted;
        i += 1;
        continue;
      }
      arg += c;
      i += 1;
    }
    out.push(arg);
  }
  return out;
}

describe('Windows command-line quoting', () => {
  it.each([
    ['plain', 'plain'],
    ['', '""'],
    ['two words', '"two words"'],
    ['C:\\Program Files\\NAPS2\\', '"C:\\Program Files\\NAPS2\\\\"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['a\\"b', '"a\\\\\\"b"'],
    ['C:\\no\\spaces\\', 'C:\\no\\spaces\\'],
    ['tab\there', '"tab\there"'],
  ])('%j → %s', (arg, quoted) => {
    expect(quoteWindowsArg(arg)).toBe(quoted);
  });

  it('splits back into the same arguments, whatever they hold', () => {
    const args = [
      'C:\\Users\\Nguyễn Văn A\\AppData\\Local\\Temp\\motcua-wia-x\\',
      'Canon "DR-C225" TWAIN',
      'ends with one \\',
      '\\\\server\\share\\scan folder\\\\',
      '"',
      '\\"',
      '',
      '$(nnnn) %TEMP% `whoami` & | < > ^',
      '-NotAParameter',
      'Máy quét tầng 1',
    ];
    expect(splitWindowsCommandLine(windowsCommandLine(args))).toEqual(args);
    expect(splitWindowsCommandLine(quoteWindowsArg('C:\\Program Files\\NAPS2\\NAPS2.Console.exe'))).toEqual(['C:\\Program Files\\NAPS2\\NAPS2.Console.exe']);
  });
});

describe('WIA helper arguments', () => {
  it('carries the request as base64 JSON, so no device id or folder reaches PowerShell as text', () => {
    const request: WiaRequest = { command: 'scan', device: '{6BDD1FC6-810F-11D0-BEC7-08002BE2092F}\\0001 "x" -Request $(evil)', source: 'adf-duplex', dpi: 300, color: 'gray', outDir: 'C:\\Temp\\motcua-wia-1\\' };
    const args = wiaHelperArgs('C:\\Program Files\\MotCua Desk\\native\\scanners\\windows\\wia-scan.ps1', request);
    expect(args.slice(0, 6)).toEqual(['-NoLogo', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File']);
    expect(args[6]).toBe('C:\\Program Files\\MotCua Desk\\native\\scanners\\windows\\wia-scan.ps1');
    expect(args[7]).toBe('-Request');
    expect(args[8]).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(JSON.parse(Buffer.from(args[8]!, 'base64').toString('utf8'))).toEqual(request);
    expect(args).toHaveLength(9);
    expect(splitWindowsCommandLine(windowsCommandLine(args))).toEqual(args);
  });
});

describe('NAPS2.Console arguments', () => {
  it('lists devices of one driver', () => {
    expect(naps2ListArgs('twain')).toEqual(['--listdevices', '--driver', 'twain']);
  });

  it('scans one PNG a page into the folder, with the source, resolution and colour asked, and no GUI profile', () => {
    const args = naps2ScanArgs('twain', 'Canon "DR-C225" TWAIN', { source: 'adf-duplex', dpi: 200, color: 'bw', pageSize: 'a4' }, '/tmp/motcua-naps2-1');
    expect(args).toEqual(['-o', '/tmp/motcua-naps2-1/page-$(nnnn).png', '--noprofile', '--driver', 'twain', '--device', 'Canon "DR-C225" TWAIN', '--source', 'duplex', '--dpi', '200', '--bitdepth', 'bw', '--pagesize', 'a4', '--force', '--verbose']);
    expect(naps2ScanArgs('wia', 'x', { source: 'flatbed' }, '/o')).toEqual(['-o', '/o/page-$(nnnn).png', '--noprofile', '--driver', 'wia', '--device', 'x', '--source', 'glass', '--dpi', '300', '--bitdepth', 'gray', '--force', '--verbose']);
    expect(naps2ScanArgs('twain', 'x', { source: 'adf' }, '/o')).toContain('feeder');
    // The device name stays one argument on the command line Windows builds.
    expect(splitWindowsCommandLine(windowsCommandLine(args))[6]).toBe('Canon "DR-C225" TWAIN');
  });

  it('reads the device list, one name a line', () => {
    expect(parseNaps2Devices('\uFEFFCanon DR-C225 TWAIN\r\nFujitsu fi-7160\r\n\r\nCanon DR-C225 TWAIN\r\n')).toEqual(['Canon DR-C225 TWAIN', 'Fujitsu fi-7160']);
  });
});

describe('WIA HRESULTs', () => {
  it.each([
    [0x80210002, 'SCAN_JAMMED'],
    [0x80210020, 'SCAN_JAMMED'],
    [0x80210004, 'SCAN_JAMMED'],
    [0x80210003, 'SCAN_FEEDER_EMPTY'],
    [0x80210016, 'SCAN_COVER_OPEN'],
    [0x80210006, 'SCAN_BUSY'],
    [0x8021000d, 'SCAN_BUSY'],
    [0x80210007, 'SCAN_BUSY'],
    [0x80210005, 'SCAN_DEVICE_GONE'],
    [0x8021000a, 'SCAN_DEVICE_GONE'],
    [0x80210009, 'SCAN_DEVICE_GONE'],
    [0x80210015, 'SCAN_DEVICE_GONE'],
    [0x80210001, 'SCAN_FAILED'],
    [0x80004005, 'SCAN_FAILED'],
  ])('0x%s → %s', (h, code) => {
    expect(wiaErrorCode(h)).toBe(code);
  });

  it('names the constants as WiaDef.h does', () => {
    expect(WIA_HRESULT).toMatchObject({ PAPER_JAM: 0x80210002, PAPER_EMPTY: 0x80210003, OFFLINE: 0x80210005, BUSY: 0x80210006, COVER_OPEN: 0x80210016 });
  });

  it('reads HRESULTs as the helper or COM print them', () => {
    expect(parseHresult('0x80210002')).toBe(0x80210002);
    expect(parseHresult('80210016')).toBe(0x80210016);
    expect(parseHresult('-2145320958')).toBe(0x80210002);
    expect(parseHresult(-2145320955)).toBe(0x80210005);
    expect(parseHresult('paper jam')).toBeNaN();
  });

  it('ends a feeder batch normally when the paper runs out after a page; an empty feeder before any page is an error', () => {
    expect(wiaStop(WIA_HRESULT.PAPER_EMPTY, 'empty', 3, 'adf')).toBeNull();
    expect(wiaStop(WIA_HRESULT.PAPER_EMPTY, 'empty', 1, 'adf-duplex')).toBeNull();
    expect(wiaStop(WIA_HRESULT.PAPER_EMPTY, 'empty', 0, 'adf')).toMatchObject({ code: 'SCAN_FEEDER_EMPTY', params: { hresult: '0x80210003' } });
    expect(wiaStop(WIA_HRESULT.PAPER_JAM, 'jam', 4, 'adf')).toMatchObject({ code: 'SCAN_JAMMED', params: { detail: 'WIA 0x80210002: jam' } });
    expect(wiaStop(Number.NaN, 'Exception calling "Transfer"', 0, 'adf')).toMatchObject({ code: 'SCAN_FAILED' });
  });
});

describe('WIA helper lines', () => {
  it('reads pages, errors, devices, capabilities and the end, with CR and a byte-order mark', () => {
    expect(parseWiaLine('\uFEFF{"type":"page","index":1,"file":"C:\\\\Temp\\\\motcua-wia-1\\\\page-0001.png"}\r')).toEqual({ type: 'page', index: 1, file: 'C:\\Temp\\motcua-wia-1\\page-0001.png' });
    expect(parseWiaLine('{"type":"error","hresult":"0x80210016","message":"The cover is open."}')).toEqual({ type: 'error', hresult: 0x80210016, message: 'The cover is open.' });
    expect(parseWiaLine('{"message":"x","hresult":-2145320954,"type":"error"}')).toEqual({ type: 'error', hresult: 0x80210006, message: 'x' });
    expect(parseWiaLine('{"type":"device","id":"{6BDD1FC6-810F-11D0-BEC7-08002BE2092F}\\\\0001","name":"Canon DR-C225"}')).toEqual({
      type: 'device',
      id: '{6BDD1FC6-810F-11D0-BEC7-08002BE2092F}\\0001',
      name: 'Canon DR-C225',
    });
    expect(parseWiaLine('{"type":"done","pages":12}')).toEqual({ type: 'done', pages: 12 });
    expect(parseWiaLine('{"type":"caps","sources":["flatbed","adf"],"resolutions":[600,150,300,300],"colorModes":["gray","color"],"maxWidthMm":215.9,"maxHeightMm":355.6}')).toEqual({
      type: 'caps',
      capabilities: { sources: ['flatbed', 'adf'], resolutions: [150, 300, 600], colorModes: ['gray', 'color'], pageSizes: ['a5', 'a4', 'letter', 'legal'], maxAreaMm: { widthMm: 215.9, heightMm: 355.6 } },
    });
  });

  it.each(['', 'WARNING: something', '{not json', '{"type":"page","index":0,"file":"x"}', '{"type":"page","file":"x"}', '{"type":"unknown"}', '[1,2]', '{"type":"caps","sources":["glass"],"resolutions":[],"colorModes":[]}'])(
    'ignores %j',
    (line) => {
      expect(parseWiaLine(line)).toBeNull();
    },
  );
});

describe('NAPS2 messages', () => {
  it.each([
    ['The scanner has a paper jam.', 'SCAN_JAMMED'],
    ['Máy quét có kẹt giấy.', 'SCAN_JAMMED'],
    ['No pages are in the feeder.', 'SCAN_FEEDER_EMPTY'],
    ['Không trang sau nằm trong máng.', 'SCAN_FEEDER_EMPTY'],
    ["The scanner's cover is open.", 'SCAN_COVER_OPEN'],
    ['The selected scanner is busy.', 'SCAN_BUSY'],
    ['The scanner is warming up.', 'SCAN_BUSY'],
    ['The selected scanner is offline.', 'SCAN_DEVICE_GONE'],
    ['The selected scanner could not be found.', 'SCAN_DEVICE_GONE'],
    ['Communication with the scanning device was interrupted.', 'SCAN_DEVICE_GONE'],
    ['The selected scanner does not support using duplex. If your scanner is supposed to support duplex, try using a different driver.', 'SCAN_UNSUPPORTED_SETTING'],
  ])('%s → %s', (text, code) => {
    expect(naps2Outcome(`Scanning...\r\n${text}\r\n`, 1, 'adf-duplex')?.code).toBe(code);
  });

  it('completes on exit 0 without an error line; another failure keeps the last lines as detail', () => {
    expect(naps2Outcome('Starting scan...\nScanned page 1.\nExporting...\n', 0, 'adf')).toBeNull();
    expect(naps2Outcome('Starting scan...\nSomething odd happened\n', 3, 'adf')).toMatchObject({ code: 'SCAN_FAILED', params: { detail: 'NAPS2 exit 3: Starting scan... | Something odd happened' } });
  });
});
