import { AppError } from './errors.js';

/*
 * The cursor of a keyset-paged list: opaque to clients, the last row's sort key and tie-breakers
 * as base64url JSON. Each list decides what the values are and checks them when they come back.
 */

export function encodeKeysetCursor(values: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/**
 * The values of a cursor, as `read` checks and shapes them; a cursor that is not base64url JSON
 * of a list, or that `read` refuses (by throwing), is a 400 naming the `cursor` parameter and
 * `what` gave it out ("not a cursor this ledger gave out").
 */
export function decodeKeysetCursor<T>(text: string, read: (values: unknown[]) => T, what = 'list'): T {
  try {
    const values: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(values)) throw new Error('not a list');
    return read(values);
  } catch {
    const message = `not a cursor this ${what} gave out`;
    throw new AppError('VALIDATION_FAILED', { detail: `cursor: ${message}` }, [{ path: 'cursor', message }]);
  }
}

/** A record id as the lists' cursors carry it (a UUID); throws otherwise. */
export function cursorId(value: unknown): string {
  if (typeof value !== 'string' || !/^[0-9a-f-]{36}$/i.test(value)) throw new Error('bad id');
  return value;
}
