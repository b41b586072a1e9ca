/**
 * The detail line under a refused card: why, in the clerk's language. The core sends a reason code (a bad date's
 * problem, a mangling kind); a code the catalogue does not know is left out rather than shown raw.
 */
import type { TFunction } from 'i18next';

export function refusalDetail(code: string, params: Record<string, unknown>, t: TFunction, exists: (key: string) => boolean): string | null {
  const reason = typeof params.reason === 'string' ? params.reason : null;
  if (!reason) return null;
  if (code === 'CCCD_BAD_DATE') {
    const key = `cccd.dateProblem.${reason}`;
    return exists(key) ? t('reception.scan.dateDetail', { reason: t(key) }) : null;
  }
  const key = `cccd.mangledReason.${reason}`;
  if (!exists(key)) return null;
  const word = typeof params.word === 'string' ? params.word : '';
  return word ? t('reception.scan.reasonDetail', { reason: t(key), word }) : t('reception.scan.dateDetail', { reason: t(key) });
}
