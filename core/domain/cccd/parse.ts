/**
 * Reading the applicant from the QR code on a chip citizen ID card (CCCD):
 * `idNumber|oldIdNumber|fullName|dob ddMMyyyy|Nam/Nữ|address|issueDate ddMMyyyy`, UTF-8, extra trailing fields
 * tolerated. The result is either valid and certain, or an AppError: structure errors refuse, text a scanner
 * mangled refuses (CCCD_MANGLED, unless a wrong-charset decoding can be undone with certainty), and a number
 * that disagrees with the printed gender or birth year only warns (the card is still the card).
 *
 * An unknown province code refuses (CCCD_BAD_PROVINCE) rather than warns: the codes are a closed list, a personal
 * number never changes, and the 2025 merger reused existing codes, so a number outside the list cannot have been
 * issued — the text is not a CCCD or was corrupted, and the clerk can still type the card in by hand.
 */
import { AppError } from '../../contract/errors';
import { foreignCharacters } from './alphabet';
import { ID_NUMBER_PATTERN, idNumberFacts } from './id-number';
import { assessMangling, looksLikeShiftedDigits, type ManglingEvidence } from './mangling';
import { repairMojibake, type MojibakeCharset } from './repair';

export type Gender = 'male' | 'female';

export const CCCD_WARNINGS = ['CCCD_WARN_GENDER_MISMATCH', 'CCCD_WARN_BIRTH_YEAR_MISMATCH', 'CCCD_WARN_REPAIRED_ENCODING'] as const;
export type CccdWarning = (typeof CCCD_WARNINGS)[number];

export interface CccdRecord {
  idNumber: string;
  oldIdNumber: string | null;
  /** NFC, single spaces. */
  fullName: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  gender: Gender;
  /** NFC, single spaces. */
  address: string;
  /** YYYY-MM-DD */
  issueDate: string;
  /** Province of birth registration encoded in the number (digits 1–3) and its name. */
  birthProvinceCode: string;
  birthProvince: string;
  warnings: CccdWarning[];
  /** Present when the text was repaired from a wrong-charset decoding. */
  repaired?: { from: MojibakeCharset };
}

export interface ParseCccdOptions {
  /** "Now" for the future-date checks; dates are compared in Vietnam time (UTC+7). */
  now?: Date;
}

const MIN_FIELDS = 7;

/** BOM and surrounding white space / NULs that readers add (CR/LF, Tab from wedge scanners). */
function trimRaw(text: string): string {
  return text.replace(/^[\ufeff\s\0]+|[\s\0]+$/g, '');
}

function collapse(field: string): string {
  return field.replace(/\s+/g, ' ').trim();
}

function todayInVietnam(now: Date): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** ddMMyyyy → YYYY-MM-DD, or null if it is not a real calendar date. */
export function parseCardDate(value: string): string | null {
  const m = /^(\d{2})(\d{2})(\d{4})$/.exec(value);
  if (m === null) return null;
  const [, dd, mm, yyyy] = m as unknown as [string, string, string, string];
  const d = new Date(Date.UTC(Number(yyyy), Number(mm) - 1, Number(dd)));
  if (d.getUTCFullYear() !== Number(yyyy) || d.getUTCMonth() !== Number(mm) - 1 || d.getUTCDate() !== Number(dd)) return null;
  return `${yyyy}-${mm}-${dd}`;
}

function mangled(e: ManglingEvidence): AppError {
  return new AppError('CCCD_MANGLED', { reason: e.reason, word: e.word }, { field: e.field, details: e });
}

function badDate(field: 'dateOfBirth' | 'issueDate', value: string, reason: string): AppError {
  return new AppError('CCCD_BAD_DATE', { value, reason }, { field });
}

/** Parse the QR text of a CCCD. Throws AppError (CCCD_*) when it must be refused. */
export function parseCccdQr(text: string, options: ParseCccdOptions = {}): CccdRecord {
  if (typeof text !== 'string') throw new AppError('CCCD_MALFORMED', { fieldCount: 0 }, { field: 'qr' });
  const warnings: CccdWarning[] = [];
  let raw = trimRaw(text);
  let repaired: { from: MojibakeCharset } | undefined;

  // Wrong-charset decoding first, on the whole un-normalised text: a multi-byte charset can swallow a '|'.
  if (foreignCharacters(raw).some((ch) => ch !== '?')) {
    const r = repairMojibake(raw);
    if (r.kind === 'repaired') {
      raw = r.text;
      repaired = { from: r.from };
      warnings.push('CCCD_WARN_REPAIRED_ENCODING');
    } else if (r.kind === 'ambiguous') {
      throw mangled({ field: 'qr', word: '', reason: 'ambiguous_encoding', strength: 'hard' });
    }
  }
  const nfc = raw.normalize('NFC');
  const fields = nfc.split('|').map((f) => f.trim());
  if (fields.length < MIN_FIELDS) {
    const odd = foreignCharacters(nfc)[0];
    if (odd !== undefined) throw mangled({ field: 'qr', word: odd, reason: odd === '?' || odd === '\ufffd' ? 'replacement_character' : 'unexpected_character', strength: 'hard' });
    throw new AppError('CCCD_MALFORMED', { fieldCount: nfc === '' ? 0 : fields.length }, { field: 'qr' });
  }
  const [idNumber, oldId, nameField, dobField, genderField, addressField, issueField] = fields as [string, string, string, string, string, string, string];
  const fullName = collapse(nameField);
  const address = collapse(addressField);

  for (const [field, value] of [['idNumber', idNumber], ['dateOfBirth', dobField], ['issueDate', issueField]] as const) {
    if (looksLikeShiftedDigits(value)) throw mangled({ field: field === 'idNumber' ? 'idNumber' : 'qr', word: value, reason: 'keyboard_layout', strength: 'hard' });
  }
  const verdict = assessMangling({ fullName, address, gender: genderField });
  if (verdict.decisive !== null) throw mangled(verdict.decisive);

  if (!ID_NUMBER_PATTERN.test(idNumber)) throw new AppError('CCCD_BAD_ID_NUMBER', { value: idNumber }, { field: 'idNumber' });
  const facts = idNumberFacts(idNumber);
  if (facts.provinceName === undefined) throw new AppError('CCCD_BAD_PROVINCE', { code: facts.provinceCode }, { field: 'idNumber' });
  if (oldId !== '' && !/^\d{9}$/.test(oldId)) throw new AppError('CCCD_BAD_OLD_ID', { value: oldId }, { field: 'oldIdNumber' });
  if (fullName === '') throw new AppError('CCCD_BAD_NAME', {}, { field: 'fullName' });

  const today = todayInVietnam(options.now ?? new Date());
  const dateOfBirth = parseCardDate(dobField);
  if (dateOfBirth === null) throw badDate('dateOfBirth', dobField, 'invalid');
  if (dateOfBirth > today) throw badDate('dateOfBirth', dobField, 'future');
  // The number cannot encode a birth before 1900 (digit 4 starts at the 1900s).
  if (dateOfBirth < '1900-01-01') throw badDate('dateOfBirth', dobField, 'before_1900');

  const g = genderField.toLocaleLowerCase('vi');
  const gender: Gender | null = g === 'nam' ? 'male' : g === 'nữ' ? 'female' : null;
  if (gender === null) throw new AppError('CCCD_BAD_GENDER', { value: genderField }, { field: 'gender' });
  if (address === '') throw new AppError('CCCD_BAD_ADDRESS', {}, { field: 'address' });

  const issueDate = parseCardDate(issueField);
  if (issueDate === null) throw badDate('issueDate', issueField, 'invalid');
  if (issueDate > today) throw badDate('issueDate', issueField, 'future');
  if (issueDate < dateOfBirth) throw badDate('issueDate', issueField, 'before_birth');

  if (facts.gender !== gender) warnings.push('CCCD_WARN_GENDER_MISMATCH');
  if (facts.birthYear !== Number(dateOfBirth.slice(0, 4))) warnings.push('CCCD_WARN_BIRTH_YEAR_MISMATCH');

  const record: CccdRecord = {
    idNumber,
    oldIdNumber: oldId === '' ? null : oldId,
    fullName,
    dateOfBirth,
    gender,
    address,
    issueDate,
    birthProvinceCode: facts.provinceCode,
    birthProvince: facts.provinceName,
    warnings,
  };
  if (repaired !== undefined) record.repaired = repaired;
  return record;
}
