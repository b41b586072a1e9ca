/**
 * The OCR queue's settings a client may write (settings.set; registered in settings/registry.ts):
 * - ocr.workers: OCR workers in the pool (null: one per core). Read when the pool starts (the next start).
 * - ocr.flagThreshold: a page whose mean word confidence is under this (0..100) is flagged for the clerk.
 */
import { AppError } from '../../contract/errors';
import type { SettingRule } from '../settings/registry';
import type { SettingsService } from '../settings/settings-service';

export const OCR_WORKERS_KEY = 'ocr.workers';
export const OCR_FLAG_THRESHOLD_KEY = 'ocr.flagThreshold';
/**
 * Default threshold. tesseract's mean word confidence on clean 300 dpi pages of the Vietnamese corpus is in the high
 * 80s to 90s and stays above 75 on the degraded ones; pages under 60 are the ones worth a look (skewed photos of a
 * page, faint carbon copies, handwriting).
 */
export const DEFAULT_FLAG_THRESHOLD = 60;
export const MAX_OCR_WORKERS = 16;

const intRule = (min: number, max: number): SettingRule => ({
  validate(v) {
    if (v === null) return;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw new AppError('SETTINGS_OCR_RANGE', { min, max }, { field: 'value' });
  },
});

export const ocrSettingRules: Record<string, SettingRule> = {
  [OCR_WORKERS_KEY]: intRule(1, MAX_OCR_WORKERS),
  [OCR_FLAG_THRESHOLD_KEY]: intRule(0, 100),
};

export function flagThreshold(settings: Pick<SettingsService, 'get'>): number {
  return settings.get<number>(OCR_FLAG_THRESHOLD_KEY) ?? DEFAULT_FLAG_THRESHOLD;
}

export function configuredWorkers(settings: Pick<SettingsService, 'get'>): number | null {
  return settings.get<number>(OCR_WORKERS_KEY);
}
