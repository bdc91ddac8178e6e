import type { TFunction } from 'i18next';

/*
 * Compiled by `npm run typecheck`, never run: if the typed catalogue stops applying (the
 * augmentation in i18next.d.ts left out of the program again), the wrong key below compiles and
 * the unused `@ts-expect-error` fails the check.
 */
export function catalogueKeysAreTyped(t: TFunction): string[] {
  return [
    t('errors.goHome'),
    // @ts-expect-error: a key missing from the catalogue must not compile
    t('errors.noSuchKey'),
  ];
}
