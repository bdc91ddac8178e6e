import 'i18next';
import type { AppMessages } from './modules';

// Typed keys: `t('users.title')` fails to compile when the key is missing from the catalogue.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: AppMessages };
  }
}
