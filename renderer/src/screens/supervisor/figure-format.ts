/** How the dashboard says its numbers: counts, shares, durations and ages, in the reader's language. */
import type { TFunction } from 'i18next';

const locale = (lng: string) => (lng === 'vi' ? 'vi-VN' : 'en-GB');

export function formatCount(n: number, lng: string): string {
  return n.toLocaleString(locale(lng));
}

/** 0..1 → "97,5%"; null (nothing to divide) → "—". */
export function formatShare(share: number | null, lng: string): string {
  if (share === null) return '—';
  return `${(share * 100).toLocaleString(locale(lng), { maximumFractionDigits: 1 })}%`;
}

/** Seconds as the largest sensible unit: under 2 minutes in seconds, under 2 hours in minutes, else hours. */
export function formatDuration(seconds: number | null, t: TFunction, lng: string): string {
  if (seconds === null) return t('supervisorUi.units.none');
  const fmt = (v: number) => v.toLocaleString(locale(lng), { maximumFractionDigits: 1 });
  if (seconds < 120) return t('supervisorUi.units.seconds', { value: fmt(Math.round(seconds)) });
  if (seconds < 7200) return t('supervisorUi.units.minutes', { value: fmt(Math.round(seconds / 6) / 10) });
  if (seconds < 172_800) return t('supervisorUi.units.hours', { value: fmt(Math.round(seconds / 360) / 10) });
  return t('supervisorUi.units.days', { value: fmt(Math.round(seconds / 8640) / 10) });
}

/** How long ago an instant was, from `now`. */
export function formatAge(iso: string | null, now: Date, t: TFunction, lng: string): string {
  if (iso === null) return t('supervisorUi.units.none');
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  return formatDuration(Math.max(0, (now.getTime() - at) / 1000), t, lng);
}
