/**
 * A field's label inside a sentence ("Vui lòng nhập {{field, entry}}."). Some labels are themselves an instruction
 * ("Nhập lại mật khẩu", "Repeat the password"); dropped into "enter …" they would say it twice ("nhập nhập lại
 * mật khẩu"), so the instruction is folded into the sentence's own verb instead.
 */
export function fieldInSentence(label: string, lng: string | undefined): string {
  if (lng === 'en') return label.replace(/^repeat the (.+)$/i, '$1 again');
  return label.replace(/^nhập\s+/iu, '');
}

/** The i18next formatter name used by the catalogue. */
export const FIELD_FORMAT = 'entry';
