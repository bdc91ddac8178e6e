import { useTranslation } from 'react-i18next';
import { supportedLocales } from '../app/i18n';

/** Options for a language Select; each language is named in the UI's current language. */
export function useLocaleOptions() {
  const { t } = useTranslation();
  return supportedLocales.map((locale) => ({ value: locale, label: t(`locales.${locale}`) }));
}
