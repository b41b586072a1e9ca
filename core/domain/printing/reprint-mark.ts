/**
 * The words of the reprint mark ("BẢN IN LẠI — <time>", and a small English "REPRINT") printed across the top of a
 * reprinted form or ticket, so a second copy can never pass for the first.
 */
import { formatLocalDateTime, parseLocalDateTime } from '../forms/format';
import { vietnamLocal } from '../time/vietnam';
import { t } from '../../i18n/translate';

const TIME_PATTERN = 'HH:mm dd/MM/yyyy';
const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * `at` as the counter reads it: a local 'YYYY-MM-DDTHH:mm' is printed as it is (Vietnam wall clock), an ISO instant
 * with a zone is turned into Vietnam time; anything else (already formatted) is printed unchanged.
 */
export function reprintTime(at: string): string {
  const value = at.trim();
  if (parseLocalDateTime(value)) return formatLocalDateTime(value, TIME_PATTERN);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value)) {
    const instant = new Date(value);
    if (!Number.isNaN(instant.getTime())) {
      const l = vietnamLocal(instant);
      return `${pad(l.hh)}:${pad(l.mm)} ${pad(l.d)}/${pad(l.m)}/${l.y}`;
    }
  }
  return value;
}

export interface ReprintLabels {
  /** Vietnamese, large: "BẢN IN LẠI — 14:05 06/12/2026". */
  title: string;
  /** The time within the title (kept on one line when the title wraps). */
  time: string;
  /** English, small: "REPRINT". */
  note: string;
}

export function reprintLabels(at: string): ReprintLabels {
  const time = reprintTime(at);
  return {
    title: t('printing.render.reprint.title', { at: time }, 'vi'),
    time,
    note: t('printing.render.reprint.note', {}, 'en'),
  };
}
