export type Locale = 'vi' | 'en';
export const LOCALES: readonly Locale[] = ['vi', 'en'];
export const DEFAULT_LOCALE: Locale = 'vi';

/** A nested message tree; leaves are i18next strings with {{param}} placeholders. */
export interface MessageTree {
  [key: string]: string | MessageTree;
}
/** One feature's part of the catalogue, Vietnamese first. */
export interface Messages {
  vi: MessageTree;
  en: MessageTree;
}
