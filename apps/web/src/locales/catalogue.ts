/*
 * The types of a text catalogue. They live beside the catalogues, not in app/moduleKit.ts, because
 * the shell's catalogue needs them and the module kit needs the shell's catalogue: in either file
 * they would close a circle of imports.
 */

/** A catalogue of texts in one language: the same nested keys as T, every leaf a string. */
export type Translations<T> = { [K in keyof T]: T[K] extends string ? string : Translations<T[K]> };

/** The dotted key of every text in a catalogue, such as `users.title`. */
export type TextKey<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${TextKey<T[K]>}`;
}[keyof T & string];
