import { v7 as uuidv7 } from 'uuid';

/** New ids are UUID v7: unique across nodes and roughly ordered by creation time. */
export const newId = (): string => uuidv7();

export const nowInstant = (): string => new Date().toISOString();

/** SQLite returns booleans as 0/1, PostgreSQL as true/false. */
export const readBool = (value: unknown): boolean => value === true || value === 1 || value === '1';

/** SQLite returns JSON columns as text, PostgreSQL's jsonb as parsed values. */
export function readJson<T>(value: unknown, fallback: T): T {
  if (value === null || value === undefined) return fallback;
  if (typeof value === 'string') return JSON.parse(value) as T;
  return value as T;
}

/** Always write JSON as text: pg would turn a JS array into a PostgreSQL array otherwise. */
export const writeJson = (value: unknown): string => JSON.stringify(value);

/** Instants come back as ISO strings from both dialects (see the pg type parsers); null stays null. */
export const readInstant = (value: unknown): string | null =>
  value === null || value === undefined ? null : new Date(value as string).toISOString();

/** Escape `%`, `_` and `\` so user text in a LIKE pattern matches literally. */
export const likePattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
