/**
 * The settings a client may write with settings.set, each with its rule. A key not listed here is refused:
 * a typo would otherwise be stored silently, and a key some service relies on (calendar.config) could be
 * overwritten with anything. Keys a service owns are written only through that service's methods.
 */
import { z } from 'zod';
import { AppError } from '../../contract/errors';
import { COUNTER_ID_RE } from '../../domain/dossier/code-pattern';
import { FEE_RECEIPT_SERIES_KEY, feeReceiptSeriesRule } from '../forms/fee-receipt-series';
import { SCAN_PROFILES_KEY, scanningSettingRules } from '../scanning/scanner-settings';
import { ocrSettingRules } from '../ocr/ocr-settings';
import { STATUS_MAP_SETTING, statusMapRule } from '../sync/status-map-setting';
import { UPLOAD_CAP_SETTING, uploadCapRule } from '../sync/upload-cap-setting';

/** Largest JSON value settings.set takes, bytes. */
export const MAX_SETTING_BYTES = 64 * 1024;

export interface SettingRule {
  /** Throws an AppError (field 'value') when the value breaks the rule. */
  validate(value: unknown): void;
}

const CONTROL_CHARS = /\p{Cc}/u; // line breaks, tabs, NUL…: a printed form line holds none
// The same rule the printed forms apply, so a saved address always prints.
const lookupUrlSchema = z.url({ protocol: /^https?$/ });

/** One line of text for the printed forms, or null (unset). */
function textLine(max: number): SettingRule {
  return {
    validate(v) {
      if (v === null) return;
      if (typeof v !== 'string' || v.length > max || CONTROL_CHARS.test(v)) throw new AppError('SETTINGS_BAD_TEXT', { max }, { field: 'value' });
    },
  };
}

export const CLIENT_SETTINGS: Readonly<Record<string, SettingRule>> = {
  /** This counter's id, in offline dossier codes and receipt numbers. */
  'counter.id': {
    validate(v) {
      if (typeof v !== 'string' || !COUNTER_ID_RE.test(v)) throw new AppError('DOSSIER_BAD_COUNTER_ID', { id: String(v).slice(0, 40) }, { field: 'value' });
    },
  },
  /** The public lookup page printed as a QR on receipts; null for the bare dossier code. */
  'forms.lookupUrl': {
    validate(v) {
      if (v === null) return;
      const max = 2000;
      if (typeof v !== 'string' || v.length > max || !/^https?:\/\/\S+$/i.test(v) || !lookupUrlSchema.safeParse(v).success) {
        throw new AppError('SETTINGS_BAD_URL', { max }, { field: 'value' });
      }
    },
  },
  /** Where phones reach this host (e.g. http://192.168.1.10:5178): the ticket's QR opens <origin>/#/track/<id> (queue/ticket-printing.ts). */
  'queue.publicOrigin': {
    validate(v) {
      if (v === null) return;
      const max = 200;
      if (typeof v !== 'string' || v.length > max || !/^https?:\/\/[^\s/?#]+\/?$/i.test(v) || !lookupUrlSchema.safeParse(v).success) {
        throw new AppError('SETTINGS_BAD_URL', { max }, { field: 'value' });
      }
    },
  },
  // The line above the agency's name is the agency's own parentName in the catalogue (migration 007 moved the
  // old per-counter 'forms.parentAgencyName' there).
  /** Fee receipt form number and series registered for each agency: fee-receipt-series.ts. */
  [FEE_RECEIPT_SERIES_KEY]: feeReceiptSeriesRule,
  /** The place before the date on printed forms (e.g. "Hà Nội"). */
  'forms.place': textLine(100),
  /** eSCL scanners typed by an admin, and the folder scanner (listed only when enabled): scanning/scanner-settings.ts. */
  ...scanningSettingRules,
  /** OCR workers and the confidence under which a page is flagged: ocr/ocr-settings.ts. */
  ...ocrSettingRules,
  /** Local state → DVCQG status code sent to the central system, over the default map: sync/status-map-setting.ts. */
  [STATUS_MAP_SETTING]: statusMapRule,
  /** Upload cap for weak links, bytes per second (null: none): sync/upload-cap-setting.ts. */
  [UPLOAD_CAP_SETTING]: uploadCapRule,
};

/** Keys a service owns → the methods that write them. */
export const SERVICE_SETTINGS: Readonly<Record<string, string>> = {
  'calendar.config': 'calendar.setWindows, calendar.setOfficial',
  'files.fullSweepAt': 'the orphan sweep at start (core/services/documents/orphan-sweep.ts)',
  [SCAN_PROFILES_KEY]: 'scans.saveProfile',
  // The counter's printers: each URI is parsed there (printing/printing-settings.ts).
  'printing.printers': 'printing.configure',
};

/** The rule for a key a client writes; throws for keys that are unknown or owned by a service. */
export function clientSettingRule(key: string): SettingRule {
  const owner = Object.hasOwn(SERVICE_SETTINGS, key) ? SERVICE_SETTINGS[key] : undefined;
  if (owner !== undefined) throw new AppError('SETTINGS_KEY_OWNED', { key, methods: owner }, { field: 'key' });
  const rule = Object.hasOwn(CLIENT_SETTINGS, key) ? CLIENT_SETTINGS[key] : undefined;
  if (!rule) throw new AppError('SETTINGS_UNKNOWN_KEY', { key, known: Object.keys(CLIENT_SETTINGS).join(', ') }, { field: 'key' });
  return rule;
}
