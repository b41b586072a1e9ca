/**
 * Vendors name paper sources and colour modes their own way ("ADF Duplex", "DP", "Automatic Document Feeder(left
 * aligned,Duplex)", "FB" …; NAPS2 #615/#131). This ONE table maps them both ways: a vendor string to our kind, and
 * our kind to the string a given device offers.
 */
import type { ColorMode, SourceKind } from '../scanner';

/** Known names, normalised (lower case, letters and digits only), most common first within each kind. */
const SOURCE_TABLE: readonly { kind: SourceKind; names: readonly string[] }[] = [
  { kind: 'adf-duplex', names: ['adfduplex', 'duplex', 'dp', 'automaticdocumentfeederduplex', 'automaticdocumentfeederleftalignedduplex', 'automaticdocumentfeedercenteredduplex', 'adfduplexlongsidebinding', 'adfduplexshortsidebinding', 'documentfeederduplex', 'feederduplex'] },
  { kind: 'adf', names: ['automaticdocumentfeeder', 'adf', 'adffront', 'adfsimplex', 'documentfeeder', 'feeder', 'automaticdocumentfeederleftaligned', 'automaticdocumentfeedercentered', 'adfsinglesided', 'feederfront', 'simplex'] },
  { kind: 'flatbed', names: ['flatbed', 'fb', 'platen', 'normal', 'documenttable', 'glass', 'flatbedscanner'] },
];

const MODE_TABLE: readonly { mode: ColorMode; names: readonly string[] }[] = [
  { mode: 'bw', names: ['lineart', 'binary', 'blackwhite', 'blackandwhite', 'monochrome', 'bw', 'lineartmode', 'halftone'] },
  { mode: 'gray', names: ['gray', 'grey', 'grayscale', 'greyscale', 'truegray', 'gray8', 'grayscale8'] },
  { mode: 'color', names: ['color', 'colour', '24bitcolor', 'color24', 'rgb', 'truecolor', '24bitcolour'] },
];

function norm(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Our kind for a vendor's source name, or null (e.g. "ADF Back", "Transparency Adapter": not offered). */
export function sourceKindOf(vendorName: string): SourceKind | null {
  const n = norm(vendorName);
  for (const row of SOURCE_TABLE) if (row.names.includes(n)) return row.kind;
  // Loose match for names outside the table, as NAPS2's matchers do: the words that carry the meaning.
  if (/back|rear|transparen|film|slide|negative/.test(n)) return null;
  if (/duplex|dp$/.test(n)) return 'adf-duplex';
  if (/adf|feeder/.test(n)) return 'adf';
  if (/flatbed|platen|^fb/.test(n)) return 'flatbed';
  return null;
}

/** The vendor string to pass for our kind: exact table names first, in table order, then loose matches. */
export function vendorSourceFor(kind: SourceKind, offered: readonly string[]): string | null {
  const row = SOURCE_TABLE.find((r) => r.kind === kind);
  for (const name of row?.names ?? []) {
    const hit = offered.find((o) => norm(o) === name);
    if (hit !== undefined) return hit;
  }
  return offered.find((o) => sourceKindOf(o) === kind) ?? null;
}

export function colorModeOf(vendorName: string): ColorMode | null {
  const n = norm(vendorName);
  for (const row of MODE_TABLE) if (row.names.includes(n)) return row.mode;
  if (/lineart|binary|black|mono/.test(n)) return 'bw';
  if (/gr[ae]y/.test(n)) return 'gray';
  if (/colou?r|rgb/.test(n)) return 'color';
  return null;
}

export function vendorModeFor(mode: ColorMode, offered: readonly string[]): string | null {
  const row = MODE_TABLE.find((r) => r.mode === mode);
  for (const name of row?.names ?? []) {
    const hit = offered.find((o) => norm(o) === name);
    if (hit !== undefined) return hit;
  }
  return offered.find((o) => colorModeOf(o) === mode) ?? null;
}
