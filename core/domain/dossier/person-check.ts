/**
 * Rules for a person typed or confirmed at the counter, the same whether the data came from a card or a keyboard:
 * a citizen's CCCD number must name a real province, dates must exist and lie in the past, and Vietnamese text must
 * not carry the marks of a broken input method or scanner ('?', Telex/VNI leftovers, stripped diacritics).
 */
import { AppError } from '../../contract/errors';
import { tryParseIsoDate } from '../calendar/civil';
import { idNumberFacts } from '../cccd/id-number';
import { assessMangling } from '../cccd/mangling';

export interface CheckedPerson {
  kind: 'citizen' | 'organisation';
  idNumber: string;
  fullName: string;
  address: string;
  dateOfBirth?: string | null | undefined;
  issueDate?: string | null | undefined;
  gender?: 'male' | 'female' | null | undefined;
}

/** Throws with the field path under `prefix` (applicant / submitter). `today` is 'YYYY-MM-DD' in Vietnam. */
export function checkPerson(p: CheckedPerson, prefix: string, today: string): void {
  if (p.kind === 'citizen') {
    if (!idNumberFacts(p.idNumber).provinceName) {
      throw new AppError('DOSSIER_BAD_ID_PROVINCE', { code: p.idNumber.slice(0, 3) }, { field: `${prefix}.idNumber` });
    }
    const verdict = assessMangling({ fullName: p.fullName.normalize('NFC'), address: p.address.normalize('NFC'), gender: '' });
    if (verdict.mangled && verdict.decisive) {
      const field = verdict.decisive.field === 'address' ? 'address' : 'fullName';
      throw new AppError('DOSSIER_TEXT_MANGLED', { word: verdict.decisive.word, reason: verdict.decisive.reason }, { field: `${prefix}.${field}` });
    }
  }
  for (const key of ['dateOfBirth', 'issueDate'] as const) {
    const value = p[key];
    if (value === undefined || value === null) continue;
    if (!tryParseIsoDate(value) || value > today) throw new AppError('DOSSIER_BAD_PERSON_DATE', { value }, { field: `${prefix}.${key}` });
  }
  if (p.dateOfBirth && p.issueDate && p.issueDate < p.dateOfBirth) {
    throw new AppError('DOSSIER_BAD_PERSON_DATE', { value: p.issueDate }, { field: `${prefix}.issueDate` });
  }
}

/** Same card? The number, name and birth date must agree (address and contact may be newer than the card). */
export function sameCard(card: { idNumber: string; fullName: string; dateOfBirth: string }, typed: { idNumber: string; fullName: string; dateOfBirth?: string | null | undefined }): boolean {
  const name = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
  return card.idNumber === typed.idNumber && name(card.fullName) === name(typed.fullName) && (!typed.dateOfBirth || typed.dateOfBirth === card.dateOfBirth);
}
