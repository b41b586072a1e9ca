/**
 * eSCL documents: ScannerCapabilities and ScannerStatus read with fast-xml-parser (namespace prefixes dropped, so
 * `scan:` and `pwg:` spellings of vendors do not matter), and the ScanSettings we send. A document that is not
 * well-formed XML or lacks its root is SCAN_FAILED with the reason, never a crash.
 */
import { createRequire } from 'node:module';
import type * as FastXmlParser from 'fast-xml-parser';
import { fittingPageSizes, scanError, type ColorMode, type ScannerCapabilities, type SourceKind } from '../scanner';

export const NS_SCAN = 'http://schemas.hp.com/imaging/escl/2011/05/03';
export const NS_PWG = 'http://www.pwg.org/schemas/2010/12/sm';

const ARRAYS = new Set(['ColorMode', 'DocumentFormat', 'DocumentFormatExt', 'DiscreteResolution', 'SettingProfile', 'AdfOption', 'JobInfo', 'InputSource']);

/** Loaded with the first eSCL document, not at every start of the core (web mode's start time). */
let loaded: { parser: FastXmlParser.XMLParser; validator: typeof FastXmlParser.XMLValidator } | null = null;
function fxp(): NonNullable<typeof loaded> {
  if (!loaded) {
    const { XMLParser, XMLValidator } = createRequire(import.meta.url)('fast-xml-parser') as typeof FastXmlParser;
    const parser = new XMLParser({
      removeNSPrefix: true,
      ignoreAttributes: true,
      parseTagValue: false,
      trimValues: true,
      processEntities: true,
      isArray: (name) => ARRAYS.has(name),
    });
    loaded = { parser, validator: XMLValidator };
  }
  return loaded;
}

type Node = Record<string, unknown>;

function obj(v: unknown): Node | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Node) : undefined;
}
function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined ? [] : [v];
}
function text(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}
function num(v: unknown): number | null {
  const n = Number(text(v));
  return text(v) !== '' && Number.isFinite(n) ? n : null;
}

/** Parses and returns the root element, or throws SCAN_FAILED naming what was wrong. */
export function parseDocument(xml: string, root: string, what: string): Node {
  const valid = fxp().validator.validate(xml);
  if (valid !== true) throw scanError('SCAN_FAILED', `${what}: malformed XML (${valid.err.msg}, line ${valid.err.line})`);
  let doc: Node;
  try {
    doc = fxp().parser.parse(xml) as Node;
  } catch (e) {
    throw scanError('SCAN_FAILED', `${what}: ${(e as Error).message}`);
  }
  const node = obj(doc[root]);
  if (!node) throw scanError('SCAN_FAILED', `${what}: no ${root} element`);
  return node;
}

/** One input (platen, ADF simplex, ADF duplex) as the device describes it. */
export interface EsclInputCaps {
  colorModes: string[];
  formats: string[];
  resolutions: number[];
  /** In 1/300 inch. */
  maxWidth: number | null;
  maxHeight: number | null;
}

export interface EsclCapabilities {
  makeAndModel: string;
  inputs: Partial<Record<SourceKind, EsclInputCaps>>;
  capabilities: ScannerCapabilities;
}

const STANDARD_DPI = [75, 100, 150, 200, 240, 300, 400, 600, 1200];

function inputCaps(node: Node | undefined): EsclInputCaps | undefined {
  if (!node) return undefined;
  const colorModes = new Set<string>();
  const formats = new Set<string>();
  const resolutions = new Set<number>();
  for (const p of arr(obj(node.SettingProfiles)?.SettingProfile)) {
    const profile = obj(p);
    for (const c of arr(obj(profile?.ColorModes)?.ColorMode)) if (text(c)) colorModes.add(text(c));
    const df = obj(profile?.DocumentFormats);
    for (const f of [...arr(df?.DocumentFormat), ...arr(df?.DocumentFormatExt)]) if (text(f)) formats.add(text(f).toLowerCase());
    const sr = obj(profile?.SupportedResolutions);
    for (const d of arr(obj(sr?.DiscreteResolutions)?.DiscreteResolution)) {
      const x = num(obj(d)?.XResolution);
      if (x && x > 0) resolutions.add(x);
    }
    const range = obj(obj(sr?.ResolutionRange)?.XResolutionRange);
    const min = num(range?.Min);
    const max = num(range?.Max);
    if (min !== null && max !== null) for (const d of STANDARD_DPI) if (d >= min && d <= max) resolutions.add(d);
  }
  return {
    colorModes: [...colorModes],
    formats: [...formats],
    resolutions: [...resolutions].sort((a, b) => a - b),
    maxWidth: num(node.MaxWidth),
    maxHeight: num(node.MaxHeight),
  };
}

export function colorModeOfEscl(mode: string): ColorMode | null {
  if (/^BlackAndWhite/i.test(mode)) return 'bw';
  if (/^Grayscale/i.test(mode)) return 'gray';
  if (/^RGB/i.test(mode)) return 'color';
  return null;
}

/** The eSCL colour mode to ask for: 8-bit gray and 24-bit colour, 1-bit for black and white. */
export function esclColorMode(mode: ColorMode, offered: readonly string[]): string | null {
  const want = mode === 'bw' ? ['BlackAndWhite1'] : mode === 'gray' ? ['Grayscale8', 'Grayscale16'] : ['RGB24', 'RGB48'];
  return want.find((w) => offered.includes(w)) ?? offered.find((o) => colorModeOfEscl(o) === mode) ?? null;
}

export function parseCapabilities(xml: string): EsclCapabilities {
  const root = parseDocument(xml, 'ScannerCapabilities', 'ScannerCapabilities');
  const inputs: EsclCapabilities['inputs'] = {};
  const platen = inputCaps(obj(obj(root.Platen)?.PlatenInputCaps));
  if (platen) inputs.flatbed = platen;
  const adf = obj(root.Adf);
  const simplex = inputCaps(obj(adf?.AdfSimplexInputCaps));
  if (simplex) inputs.adf = simplex;
  const duplex = inputCaps(obj(adf?.AdfDuplexInputCaps));
  const duplexOption = arr(obj(adf?.AdfOptions)?.AdfOption).some((o) => text(o) === 'Duplex');
  if (duplex) inputs['adf-duplex'] = duplex;
  else if (duplexOption && simplex) inputs['adf-duplex'] = simplex;
  const all = Object.values(inputs);
  if (all.length === 0) throw scanError('SCAN_FAILED', 'ScannerCapabilities: no Platen or Adf input');
  const colorModes = new Set<ColorMode>();
  for (const i of all) for (const c of i.colorModes) {
    const m = colorModeOfEscl(c);
    if (m) colorModes.add(m);
  }
  const resolutions = [...new Set(all.flatMap((i) => i.resolutions))].sort((a, b) => a - b);
  const widths = all.map((i) => i.maxWidth).filter((v): v is number => v !== null);
  const heights = all.map((i) => i.maxHeight).filter((v): v is number => v !== null);
  const capabilities: ScannerCapabilities = {
    sources: (['flatbed', 'adf', 'adf-duplex'] as const).filter((s) => inputs[s]),
    resolutions,
    colorModes: (['bw', 'gray', 'color'] as const).filter((c) => colorModes.has(c)),
    pageSizes: [],
  };
  if (widths.length && heights.length) {
    const maxAreaMm = { widthMm: (Math.max(...widths) / 300) * 25.4, heightMm: (Math.max(...heights) / 300) * 25.4 };
    capabilities.maxAreaMm = { widthMm: Math.round(maxAreaMm.widthMm * 10) / 10, heightMm: Math.round(maxAreaMm.heightMm * 10) / 10 };
    capabilities.pageSizes = fittingPageSizes(maxAreaMm.widthMm, maxAreaMm.heightMm);
  }
  return { makeAndModel: text(root.MakeAndModel), inputs, capabilities };
}

export interface EsclStatus {
  state: string;
  adfState: string;
}

export function parseStatus(xml: string): EsclStatus {
  const root = parseDocument(xml, 'ScannerStatus', 'ScannerStatus');
  return { state: text(root.State), adfState: text(root.AdfState) };
}

/**
 * What a status says stopped the scanner. AdfState is matched loosely: NAPS2 writes `ScannedAdf…`, others
 * `ScannerAdf…`. `empty` only matters before the first page (afterwards an empty feeder is the end of the batch).
 */
export function statusProblem(s: EsclStatus): 'jam' | 'cover' | 'empty' | 'busy' | 'down' | null {
  const adf = s.adfState.toLowerCase();
  if (/jam|mispick|multipick/.test(adf)) return 'jam';
  if (/dooropen|hatchopen|coveropen/.test(adf)) return 'cover';
  if (/empty/.test(adf)) return 'empty';
  const state = s.state.toLowerCase();
  if (state === 'down') return 'down';
  if (state === 'processing' || state === 'testing') return 'busy';
  return null;
}

export interface ScanSettingsXml {
  source: SourceKind;
  colorMode: string;
  dpi: number;
  format: string;
  formatExt: boolean;
  /** In 1/300 inch. */
  width: number;
  height: number;
}

export function scanSettingsXml(s: ScanSettingsXml): string {
  const input = s.source === 'flatbed' ? 'Platen' : 'Feeder';
  const duplex = s.source === 'flatbed' ? '' : `\n  <scan:Duplex>${s.source === 'adf-duplex'}</scan:Duplex>`;
  const ext = s.formatExt ? `\n  <scan:DocumentFormatExt>${s.format}</scan:DocumentFormatExt>` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<scan:ScanSettings xmlns:scan="${NS_SCAN}" xmlns:pwg="${NS_PWG}">
  <pwg:Version>2.0</pwg:Version>
  <scan:Intent>${s.colorMode.startsWith('RGB') ? 'TextAndGraphic' : 'Document'}</scan:Intent>
  <pwg:ScanRegions>
    <pwg:ScanRegion>
      <pwg:ContentRegionUnits>escl:ThreeHundredthsOfInches</pwg:ContentRegionUnits>
      <pwg:XOffset>0</pwg:XOffset>
      <pwg:YOffset>0</pwg:YOffset>
      <pwg:Width>${Math.round(s.width)}</pwg:Width>
      <pwg:Height>${Math.round(s.height)}</pwg:Height>
    </pwg:ScanRegion>
  </pwg:ScanRegions>
  <pwg:InputSource>${input}</pwg:InputSource>${duplex}
  <scan:ColorMode>${s.colorMode}</scan:ColorMode>
  <scan:XResolution>${s.dpi}</scan:XResolution>
  <scan:YResolution>${s.dpi}</scan:YResolution>
  <pwg:DocumentFormat>${s.format}</pwg:DocumentFormat>${ext}
</scan:ScanSettings>
`;
}
