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
 * Default threshold. Measured on a page of the Vietnamese test corpus (test/ocr-corpus, seed 1501, DejaVu Sans,
 * through the page pipeline, one tesseract.js worker): mean word confidence 96.4 clean at 300 dpi, 96.4 at 150 dpi
 * grayish with skew, noise and JPEG, 96.4 dark, 95.7 with heavy noise. 80 leaves 15 points below what degraded but
 * well-read scans give, so a flag means a page really read badly (a photo of a page, faint copy, handwriting).
 */
export const DEFAULT_FLAG_THRESHOLD = 80;
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
