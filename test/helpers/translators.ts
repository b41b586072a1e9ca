/** The renderer's wording in both languages for unit tests: one i18next instance per language over the core's catalogue. */
import { createInstance, type TFunction } from 'i18next';
import { beforeAll } from 'vitest';
import { catalogue } from '../../core/i18n/catalogue';

/** Filled before the describe block's tests run (registers a beforeAll). */
export function useTranslators(): Record<'vi' | 'en', TFunction> {
  const ts: Record<'vi' | 'en', TFunction> = {} as never;
  beforeAll(async () => {
    for (const lng of ['vi', 'en'] as const) {
      const i = createInstance();
      await i.init({ resources: { vi: { translation: catalogue.vi }, en: { translation: catalogue.en } }, lng, interpolation: { escapeValue: false } });
      ts[lng] = i.t;
    }
  });
  return ts;
}
