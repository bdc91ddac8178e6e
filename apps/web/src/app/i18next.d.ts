import 'i18next';
import type { AppMessages } from './modules';

// Typed keys: `t('users.title')` fails to compile when the key is missing from the catalogue.
// (Named after the module it augments, not `i18n.d.ts`: beside `i18n.ts` the compiler takes a
// same-named .d.ts for that file's declaration output and leaves it out of the program.)
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: AppMessages };
  }
}
