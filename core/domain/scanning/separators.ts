/**
 * Separator sheets: which barcodes split an ADF batch, and where the pages after one go.
 *
 * Two kinds, and only these (a receipt's QR or a CCCD's QR on a citizen's document must never split a batch):
 * - Patch-T: Code 39 carrying exactly "PATCHT" (what NAPS2 and Paperless-ngx print): the next document begins, i.e.
 *   the next checklist item after the current one.
 * - Item sheet: a QR code carrying "MOTCUA-ITEM:<item code>": the pages after it belong to that checklist item.
 *   QR rather than Code 39 because item codes may hold lower case and '_' (ITEM_CODE_RE), which Code 39 cannot
 *   carry without its extended mode, and a 40-character Code 39 would be too long to print large; QR also keeps
 *   reading on a skewed, blurred photocopy (error correction) and in any orientation.
 */
import { ITEM_CODE_RE } from '../catalogue/schema';
import { EXTRA_ITEM_CODE } from '../dossier/checklist';

/**
 * The same shape as the pipeline's SeparatorMark (core/services/scanning/pipeline/types.ts), which core/domain may
 * not import; separators/detect.ts checks at compile time that the two stay equal.
 */
export interface SeparatorMark {
  kind: 'patch-t' | 'item';
  itemCode?: string;
  text: string;
}

/** What a Patch-T sheet's Code 39 says. */
export const PATCH_T_TEXT = 'PATCHT';
/** What an item sheet's QR code says before the item code. */
export const ITEM_SHEET_PREFIX = 'MOTCUA-ITEM:';
/** The longest checklist item code (ChecklistItemSchema). */
const MAX_ITEM_CODE = 40;

/** The two symbologies we print, as the reader names them; a reader should look for these only. */
export const SEPARATOR_FORMATS = ['Code39', 'QRCode'] as const;

/** Reader names vary ("Code39", "CODE-39", "Code 39 Standard", "QR-Code", "QRCode"): compare letters and digits. */
function symbology(format: string): 'code39' | 'qr' | null {
  const f = format.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (f === 'code39' || f === 'code39std' || f === 'code39standard') return 'code39';
  if (f === 'qrcode' || f === 'qrcodemodel2' || f === 'qr') return 'qr';
  return null;
}

/** The text an item sheet's QR code carries; the code must be a valid checklist item code. */
export function itemSheetText(itemCode: string): string {
  if (!isItemCode(itemCode)) throw new RangeError(`not a checklist item code: ${itemCode}`);
  return ITEM_SHEET_PREFIX + itemCode;
}

function isItemCode(code: string): boolean {
  return code.length > 0 && code.length <= MAX_ITEM_CODE && ITEM_CODE_RE.test(code);
}

/** One of our separators, or null for any other barcode (a citizen's document keeps its pages together). */
export function parseSeparatorText(format: string, text: string): SeparatorMark | null {
  const kind = symbology(format);
  if (kind === 'code39') return text.trim() === PATCH_T_TEXT ? { kind: 'patch-t', text: PATCH_T_TEXT } : null;
  if (kind === 'qr' && text.startsWith(ITEM_SHEET_PREFIX)) {
    const itemCode = text.slice(ITEM_SHEET_PREFIX.length).trim();
    return isItemCode(itemCode) ? { kind: 'item', itemCode, text } : null;
  }
  return null;
}

/**
 * The checklist item the pages after a separator go to. Patch-T: the item after the current one; after the last
 * (or from an item not on the checklist) the "other documents" item. Item sheet: that item when the procedure's
 * checklist has it, else "other documents" (a sheet printed for another procedure loses no page).
 */
export function itemAfterSeparator(mark: SeparatorMark, currentItem: string, checklistItemCodes: readonly string[]): string {
  if (mark.kind === 'item') {
    const code = mark.itemCode ?? '';
    return checklistItemCodes.includes(code) ? code : EXTRA_ITEM_CODE;
  }
  const at = checklistItemCodes.indexOf(currentItem);
  if (at < 0) return EXTRA_ITEM_CODE;
  return checklistItemCodes[at + 1] ?? EXTRA_ITEM_CODE;
}
