/**
 * What the 12-digit personal identification number itself says (Circular 59/2021/TT-BCA): digits 1–3 the
 * province of birth registration, digit 4 gender and century (even male, odd female; 0/1 1900s, 2/3 2000s,
 * 4/5 2100s, 6/7 2200s, 8/9 2300s), digits 5–6 the last two digits of the birth year, digits 7–12 random.
 */
import { provinceOfCode } from './provinces';

export interface IdNumberFacts {
  provinceCode: string;
  /** Undefined when the code is not in the Circular's list. */
  provinceName: string | undefined;
  gender: 'male' | 'female';
  birthYear: number;
}

export const ID_NUMBER_PATTERN = /^\d{12}$/;

/** Facts encoded in a 12-digit number (the caller has checked ID_NUMBER_PATTERN). */
export function idNumberFacts(id: string): IdNumberFacts {
  const provinceCode = id.slice(0, 3);
  const genderCentury = Number(id[3]);
  return {
    provinceCode,
    provinceName: provinceOfCode(provinceCode),
    gender: genderCentury % 2 === 0 ? 'male' : 'female',
    birthYear: 1900 + 100 * Math.floor(genderCentury / 2) + Number(id.slice(4, 6)),
  };
}
