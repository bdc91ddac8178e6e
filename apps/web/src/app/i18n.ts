import type { Locale } from '@concord/contracts';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { enUS } from '../locales/en-US';
import { zhCN } from '../locales/zh-CN';
import { type AnyWebModule, translationResources } from './moduleKit';

export const supportedLocales: readonly Locale[] = ['zh-CN', 'en-US'];
export const defaultLocale: Locale = 'zh-CN';

// Remembered per browser so the login page opens in the language last used on this machine;
// once signed in, the user's own setting (stored on the server) takes over.
const storageKey = 'concord.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (supportedLocales as readonly string[]).includes(value);
}

function storedLocale(): Locale {
  try {
    const value = localStorage.getItem(storageKey);
    return isLocale(value) ? value : defaultLocale;
  } catch {
    return defaultLocale;
  }
}

const dayjsLocales: Record<Locale, string> = { 'zh-CN': 'zh-cn', 'en-US': 'en' };

function applySideEffects(locale: Locale): void {
  dayjs.locale(dayjsLocales[locale]);
  document.documentElement.lang = locale;
  try {
    localStorage.setItem(storageKey, locale);
  } catch {
    // private mode: the choice simply is not remembered
  }
}

export const i18n = i18next.createInstance();

const shellTexts = { 'zh-CN': zhCN, 'en-US': enUS };
const initialLocale = storedLocale();
i18n.use(initReactI18next).init({
  resources: translationResources(shellTexts, []),
  lng: initialLocale,
  fallbackLng: defaultLocale,
  interpolation: { escapeValue: false },
  initAsync: false,
});
applySideEffects(initialLocale);

/**
 * Adds the modules' texts to the shell's. The composition root (main.tsx) calls it with the module
 * list, so this file never imports the modules: they import the API client, which imports i18n.
 */
export function loadModuleTexts(modules: readonly AnyWebModule[]): void {
  for (const [locale, { translation }] of Object.entries(translationResources(shellTexts, modules))) {
    i18n.addResourceBundle(locale, 'translation', translation, true, true);
  }
}

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : defaultLocale;
}

/** Switches the UI language everywhere (texts, antd via ConfigProvider, dayjs, `Accept-Language`). */
export async function changeLocale(locale: Locale): Promise<void> {
  if (locale === currentLocale()) return;
  applySideEffects(locale);
  await i18n.changeLanguage(locale);
}
