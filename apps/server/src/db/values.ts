import { v7 as uuidv7 } from 'uuid';

/** New ids are UUID v7: unique across nodes and roughly ordered by creation time. */
export const newId = (): string => uuidv7();

/** SQLite returns booleans as 0/1, PostgreSQL as true/false. */
export const readBool = (value: unknown): boolean => value === true || value === 1 || value === '1';

/**
 * SQLite returns JSON columns as text, PostgreSQL's jsonb as parsed values with its keys reordered
 * (shortest first). Keys are sorted at every level so both dialects answer the same JSON.
 */
export function readJson<T>(value: unknown, fallback: T): T {
  if (value === null || value === undefined) return fallback;
  return sortKeys(typeof value === 'string' ? JSON.parse(value) : value) as T;
}

function sortKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    // The array itself when no element changed: JSON read back is mostly sorted already.
    let changed: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const sorted = sortKeys(value[i]);
      if (sorted === value[i]) continue;
      changed ??= value.slice();
      changed[i] = sorted;
    }
    return changed ?? value;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  let inOrder = true;
  for (let i = 1; i < keys.length && inOrder; i++) inOrder = keys[i - 1] < keys[i];
  if (inOrder) {
    let changed = false;
    const children = keys.map((key) => {
      const sorted = sortKeys(record[key]);
      if (sorted !== record[key]) changed = true;
      return sorted;
    });
    // Sorted and unchanged below: the object itself, no copy (a "__proto__" key JSON.parse made is
    // an own property already, data like any other).
    if (!changed) return record;
    return Object.fromEntries(keys.map((key, i) => [key, children[i]]));
  }
  // fromEntries defines own properties, so a "__proto__" key stays data and never sets a prototype.
  return Object.fromEntries(keys.sort().map((key) => [key, sortKeys(record[key])]));
}

/** Always write JSON as text: pg would turn a JS array into a PostgreSQL array otherwise. */
export const writeJson = (value: unknown): string => JSON.stringify(value);

/** Instants come back as ISO strings from both dialects (see the pg type parsers); null stays null. */
export const readInstant = (value: unknown): string | null =>
  value === null || value === undefined ? null : new Date(value as string).toISOString();

/** Escape `%`, `_` and `\` so user text in a LIKE pattern matches literally. */
export const likePattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
