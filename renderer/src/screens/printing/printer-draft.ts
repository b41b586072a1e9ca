/**
 * Settings → Printers as the form holds it (text as typed) and as the core takes it (printing.configure): turning
 * one into the other, the checks made before saving (the core checks again), and which field a core error
 * belongs to.
 */
import { printerProfileSchema, type PrinterProfile, type PrintingSettings, type PrintRole } from '../../../../core/contract/printing';

/** ESC/POS printers take a profile (paper width, native commands); system and PDF printers do not. */
export function isThermalUri(uri: string): boolean {
  return /^escpos\+/i.test(uri.trim());
}

export const ROLES: readonly PrintRole[] = ['receipt', 'ticket', 'a4'];
export const CUTS = ['partial', 'full', 'none'] as const;

export interface ProfileDraft {
  paperWidthMm: 58 | 80;
  nativeText: boolean;
  nativeQr: boolean;
  processIdReply: boolean;
  statusQuery: boolean;
  /** As typed: empty for the printer's own code page. */
  codePage: string;
  cut: (typeof CUTS)[number];
  drawerKick: boolean;
}

export interface RoleDraft {
  uri: string;
  profile: ProfileDraft;
}

export interface PrintersDraft {
  roles: Record<PrintRole, RoleDraft>;
  receiptCopies: number;
}

/** Field keys: `${role}.uri`, `${role}.codePage`, 'receiptCopies'. */
export type DraftErrors = Record<string, string>;

export function defaultProfile(): PrinterProfile {
  return printerProfileSchema.parse({});
}

function profileDraft(p: PrinterProfile | undefined): ProfileDraft {
  const v = p ?? defaultProfile();
  return { ...v, codePage: v.codePage === null ? '' : String(v.codePage) };
}

export function draftOf(s: PrintingSettings | null): PrintersDraft {
  const role = (r: PrintRole): RoleDraft => ({ uri: s?.[r]?.uri ?? '', profile: profileDraft(s?.[r]?.profile) });
  return { roles: { receipt: role('receipt'), ticket: role('ticket'), a4: role('a4') }, receiptCopies: s?.receiptCopies ?? 1 };
}

/** The profile as the core takes it; undefined for a printer that takes none (system, PDF folder). */
export function profileOf(d: RoleDraft): PrinterProfile | undefined {
  if (!isThermalUri(d.uri)) return undefined;
  const code = d.profile.codePage.trim();
  return { ...d.profile, codePage: code === '' ? null : Number(code) };
}

export function settingsOf(d: PrintersDraft): PrintingSettings {
  const role = (r: PrintRole) => {
    const v = d.roles[r];
    const uri = v.uri.trim();
    if (uri === '') return null;
    const profile = profileOf(v);
    return profile ? { uri, profile } : { uri };
  };
  return { receipt: role('receipt'), ticket: role('ticket'), a4: role('a4'), receiptCopies: d.receiptCopies };
}

// Mirrors the URI forms native/printers/printer-uri.ts parses, so a typo shows before saving; the core checks again.
const URI_FORMS = [/^escpos\+tcp:\/\/[^\s/?#]+(:\d{1,5})?\/?$/i, /^escpos\+usb:\/\/[0-9a-f]{1,4}:[0-9a-f]{1,4}\/?$/i, /^escpos\+serial:\/\/\S+$/i, /^escpos\+spooler:\/\/.+$/i, /^system:.+$/i, /^pdf:.+$/i];

export function uriLooksValid(uri: string): boolean {
  return URI_FORMS.some((re) => re.test(uri.trim()));
}

/** The problems found before saving, as message keys (printingUi.settings.errors.*) by field. */
export function checkDraft(d: PrintersDraft): Record<string, 'badUri' | 'badCodePage'> {
  const found: Record<string, 'badUri' | 'badCodePage'> = {};
  for (const r of ROLES) {
    const v = d.roles[r];
    const uri = v.uri.trim();
    if (uri !== '' && !uriLooksValid(uri)) found[`${r}.uri`] = 'badUri';
    const code = v.profile.codePage.trim();
    if (isThermalUri(uri) && code !== '' && !(/^\d{1,3}$/.test(code) && Number(code) <= 255)) found[`${r}.codePage`] = 'badCodePage';
  }
  return found;
}

/**
 * Where a core error shows: the contract field it names ('receipt.uri', 'ticket.profile.codePage', 'a4'), or the
 * role whose URI it quotes (PRINT_BAD_URI names the URI it refused); null: at the top of the form.
 */
export function fieldOfError(field: string | undefined, params: Readonly<Record<string, unknown>>, d: PrintersDraft): string | null {
  if (field) {
    if (field === 'receiptCopies') return field;
    const [role, ...rest] = field.split('.');
    if (ROLES.includes(role as PrintRole)) return rest.includes('codePage') ? `${role}.codePage` : `${role}.uri`;
  }
  const uri = typeof params.uri === 'string' ? params.uri.trim().toLowerCase() : null;
  if (uri !== null) {
    const role = ROLES.find((r) => d.roles[r].uri.trim().toLowerCase() === uri);
    if (role) return `${role}.uri`;
  }
  return null;
}
