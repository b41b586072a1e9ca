/**
 * The counter's printers per role (receipt, ticket, A4) with their profiles, and receipt copies: one settings key
 * owned by this service (written by printing.configure, each URI parsed, never contacted; listed in
 * settings/registry.ts SERVICE_SETTINGS so settings.set cannot bypass the check).
 */
import { AppError } from '../../contract/errors';
import { printerProfileSchema, printingSettingsSchema, type PrinterProfile, type PrintingSettings, type PrintRole } from '../../contract/printing';
import type { Actor } from '../actor';
import type { SettingsService } from '../settings/settings-service';
import { checkPdfFolder } from './print-folder';
import type { PrintingParts } from './print-parts';

export const PRINTING_SETTINGS_KEY = 'printing.printers';

const EMPTY: PrintingSettings = { receipt: null, ticket: null, a4: null, receiptCopies: 1 };

/** Which roles' printers a job tries, in order (the first one set is used). */
export function rolesFor(what: { kind: 'ticket' | 'form' | 'pdf' | 'test'; form?: string }): PrintRole[] {
  switch (what.kind) {
    case 'ticket':
      return ['ticket'];
    case 'test':
      return ['receipt', 'a4'];
    case 'pdf':
      return ['a4'];
    case 'form':
      return what.form === 'receipt' || what.form === 'bien-lai' ? ['receipt', 'a4'] : ['a4', 'receipt'];
  }
}

export class PrintingSettingsStore {
  constructor(private readonly d: { settings: SettingsService; parts: PrintingParts }) {}

  get(): PrintingSettings {
    const stored = this.d.settings.get<unknown>(PRINTING_SETTINGS_KEY);
    if (stored === null) return EMPTY;
    const r = printingSettingsSchema.safeParse(stored);
    return r.success ? r.data : EMPTY;
  }

  /** Every URI checked (PRINT_BAD_URI naming the role's field) and stored in its normal form. */
  configure(actor: Actor, input: PrintingSettings): PrintingSettings {
    const next: PrintingSettings = { ...input };
    for (const role of ['receipt', 'ticket', 'a4'] as const) {
      const p = input[role];
      if (!p) continue;
      let uri: string;
      try {
        const address = this.d.parts.parsePrinterUri(p.uri);
        uri = this.d.parts.formatPrinterUri(address);
        // A folder address with a typo is refused when it is set, as printing.print refuses it.
        if (address.kind === 'pdf') checkPdfFolder(uri, address.dir);
      } catch (e) {
        if (e instanceof AppError) throw new AppError(e.code, e.params, { field: `${role}.uri`, cause: e });
        throw e;
      }
      next[role] = { uri, ...(p.profile ? { profile: p.profile } : {}) };
    }
    this.d.settings.set(actor, PRINTING_SETTINGS_KEY, next);
    return next;
  }

  /** The printer for a job: the one given, else the counter's for the job's roles; PRINT_NO_PRINTER when none. */
  printerFor(what: Parameters<typeof rolesFor>[0], given: { uri?: string | undefined; profile?: PrinterProfile | undefined }): { uri: string; profile: PrinterProfile } {
    if (given.uri) return { uri: given.uri, profile: given.profile ?? this.profileOf(given.uri) ?? printerProfileSchema.parse({}) };
    const s = this.get();
    for (const role of rolesFor(what)) {
      const p = s[role];
      if (p) return { uri: p.uri, profile: given.profile ?? p.profile ?? printerProfileSchema.parse({}) };
    }
    throw new AppError('PRINT_NO_PRINTER', { roles: rolesFor(what).join(', ') }, { field: 'printer' });
  }

  /** A printer given by URI that the counter has configured keeps its profile. */
  private profileOf(uri: string): PrinterProfile | undefined {
    const s = this.get();
    return [s.receipt, s.ticket, s.a4].find((p) => p?.uri === uri)?.profile;
  }
}
