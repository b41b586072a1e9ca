/**
 * i18next over THE message catalogue (core/i18n): Vietnamese by default, English selectable; the choice is
 * remembered in localStorage and mirrored on <html lang> so screen readers pronounce the page correctly.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalogue } from '../../../core/i18n/catalogue';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../../core/i18n/types';
import { FIELD_FORMAT, fieldInSentence } from './field-name';

const STORAGE_KEY = 'motcua.locale';

function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (LOCALES as readonly string[]).includes(v);
}

export function storedLocale(): Locale {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return isLocale(v) ? v : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

export function currentLocale(): Locale {
  return isLocale(i18next.language) ? i18next.language : DEFAULT_LOCALE;
}

export function initI18n(): void {
  void i18next.use(initReactI18next).init({
    resources: { vi: { translation: catalogue.vi }, en: { translation: catalogue.en } },
    lng: storedLocale(),
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...LOCALES],
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
  });
  i18next.services.formatter?.add(FIELD_FORMAT, (value: unknown, lng: string | undefined) => fieldInSentence(String(value), lng));
  document.documentElement.lang = currentLocale();
  i18next.on('languageChanged', () => {
    document.documentElement.lang = currentLocale();
  });
}

export async function setLocale(locale: Locale): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    /* not remembered, still switched */
  }
  await i18next.changeLanguage(locale);
}
