import { describe, expect, it } from 'vitest';
import { jobUrl } from '../../../native/scanners/escl/escl-backend';
import { parseCapabilities, parseStatus, scanSettingsXml, statusProblem } from '../../../native/scanners/escl/escl-xml';
import { ScanError } from '../../../native/scanners/scanner';
import { capabilitiesXml } from '../../helpers/escl-server';

/** An ADF-only device with a resolution range and the `Duplex` AdfOption instead of AdfDuplexInputCaps, no prefixes on pwg. */
const RANGE_CAPS = `<?xml version="1.0" encoding="UTF-8"?>
<scan:ScannerCapabilities xmlns:scan="http://schemas.hp.com/imaging/escl/2011/05/03" xmlns:pwg="http://www.pwg.org/schemas/2010/12/sm">
  <pwg:MakeAndModel>Brother ADS-1700W</pwg:MakeAndModel>
  <scan:Adf>
    <scan:AdfSimplexInputCaps>
      <scan:MaxWidth>2550</scan:MaxWidth><scan:MaxHeight>10800</scan:MaxHeight>
      <scan:SettingProfiles><scan:SettingProfile>
        <scan:ColorModes><scan:ColorMode>Grayscale8</scan:ColorMode><scan:ColorMode>RGB24</scan:ColorMode></scan:ColorModes>
        <scan:DocumentFormats><pwg:DocumentFormat>image/jpeg</pwg:DocumentFormat><scan:DocumentFormatExt>application/pdf</scan:DocumentFormatExt></scan:DocumentFormats>
        <scan:SupportedResolutions><scan:ResolutionRange>
          <scan:XResolutionRange><scan:Min>100</scan:Min><scan:Max>600</scan:Max><scan:Normal>300</scan:Normal><scan:Step>1</scan:Step></scan:XResolutionRange>
        </scan:ResolutionRange></scan:SupportedResolutions>
      </scan:SettingProfile></scan:SettingProfiles>
    </scan:AdfSimplexInputCaps>
    <scan:AdfOptions><scan:AdfOption>Duplex</scan:AdfOption></scan:AdfOptions>
  </scan:Adf>
</scan:ScannerCapabilities>`;

const failure = (f: () => unknown): ScanError | null => {
  try {
    f();
    return null;
  } catch (e) {
    if (e instanceof ScanError) return e;
    throw e;
  }
};

describe('eSCL documents', () => {
  it('reads platen, simplex and duplex inputs with discrete resolutions', () => {
    const c = parseCapabilities(capabilitiesXml());
    expect(c.makeAndModel).toBe('MotCua Test eSCL');
    expect(c.capabilities).toMatchObject({ sources: ['flatbed', 'adf', 'adf-duplex'], resolutions: [150, 300, 600], colorModes: ['bw', 'gray', 'color'] });
    expect(c.inputs.adf?.formats).toEqual(['application/pdf', 'image/png']);
    expect(c.capabilities.maxAreaMm).toEqual({ widthMm: 215.9, heightMm: 355.6 });
  });

  it('reads an ADF-only device with a resolution range and duplex as an AdfOption', () => {
    const c = parseCapabilities(RANGE_CAPS);
    expect(c.capabilities.sources).toEqual(['adf', 'adf-duplex']);
    expect(c.capabilities.resolutions).toEqual([100, 150, 200, 240, 300, 400, 600]);
    expect(c.capabilities.colorModes).toEqual(['gray', 'color']);
    expect(c.inputs.adf?.formats).toEqual(['image/jpeg', 'application/pdf']);
  });

  it('refuses malformed or foreign documents with SCAN_FAILED and the reason', () => {
    expect(failure(() => parseCapabilities('<scan:ScannerCapabilities><scan:Platen>'))?.params.detail).toMatch(/malformed/i);
    expect(failure(() => parseCapabilities(''))?.code).toBe('SCAN_FAILED');
    expect(failure(() => parseCapabilities('<html><body>login</body></html>'))?.params.detail).toMatch(/no ScannerCapabilities/);
    expect(failure(() => parseCapabilities('<scan:ScannerCapabilities xmlns:scan="x"><scan:Version>2</scan:Version></scan:ScannerCapabilities>'))?.params.detail).toMatch(/no Platen or Adf/);
    expect(failure(() => parseStatus('<a><b></a>'))?.code).toBe('SCAN_FAILED');
  });

  it('reads the status and names the problem, whichever AdfState spelling the device uses', () => {
    const st = (state: string, adf: string) => parseStatus(`<?xml version="1.0"?><scan:ScannerStatus xmlns:scan="s" xmlns:pwg="p"><pwg:State>${state}</pwg:State><scan:AdfState>${adf}</scan:AdfState></scan:ScannerStatus>`);
    expect(st('Idle', 'ScannerAdfLoaded')).toEqual({ state: 'Idle', adfState: 'ScannerAdfLoaded' });
    expect(statusProblem(st('Idle', 'ScannerAdfJam'))).toBe('jam');
    expect(statusProblem(st('Idle', 'ScannedAdfJam'))).toBe('jam');
    expect(statusProblem(st('Idle', 'ScannerAdfMispick'))).toBe('jam');
    expect(statusProblem(st('Idle', 'ScannerAdfEmpty'))).toBe('empty');
    expect(statusProblem(st('Idle', 'ScannerAdfDoorOpen'))).toBe('cover');
    expect(statusProblem(st('Idle', 'ScannerAdfHatchOpen'))).toBe('cover');
    expect(statusProblem(st('Processing', 'ScannedAdfLoaded'))).toBe('busy');
    expect(statusProblem(st('Down', ''))).toBe('down');
    expect(statusProblem(st('Idle', 'ScannerAdfLoaded'))).toBeNull();
  });

  it('writes ScanSettings that parse, with the feeder and duplex only for the feeder', () => {
    const duplex = scanSettingsXml({ source: 'adf-duplex', colorMode: 'Grayscale8', dpi: 300, format: 'image/png', formatExt: false, width: 2480, height: 3508 });
    expect(duplex).toMatch(/<pwg:InputSource>Feeder<\/pwg:InputSource>\s*<scan:Duplex>true<\/scan:Duplex>/);
    expect(duplex).toMatch(/<pwg:Width>2480<\/pwg:Width>/);
    const platen = scanSettingsXml({ source: 'flatbed', colorMode: 'RGB24', dpi: 150, format: 'image/jpeg', formatExt: true, width: 2480, height: 3508 });
    expect(platen).toMatch(/<pwg:InputSource>Platen<\/pwg:InputSource>/);
    expect(platen).not.toMatch(/Duplex/);
    expect(platen).toMatch(/<scan:DocumentFormatExt>image\/jpeg<\/scan:DocumentFormatExt>/);
  });

  it('builds the job URL on the host it talks to, whatever host Location names', () => {
    expect(jobUrl('http://127.0.0.1:8080/eSCL', '/eSCL/ScanJobs/42')).toBe('http://127.0.0.1:8080/eSCL/ScanJobs/42');
    expect(jobUrl('http://127.0.0.1:8080/eSCL', 'http://[fe80::1]:80/eSCL/ScanJobs/42/')).toBe('http://127.0.0.1:8080/eSCL/ScanJobs/42');
    expect(jobUrl('http://10.0.0.5/eSCL', 'ScanJobs/7')).toBe('http://10.0.0.5/eSCL/ScanJobs/7');
  });
});
