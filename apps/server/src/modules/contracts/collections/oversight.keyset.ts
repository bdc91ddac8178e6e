import {
  type ContractOversightKind,
  contractOversightKindSchema,
  type contractOversightSortFields,
} from '@concord/contracts';
import { cursorId, decodeKeysetCursor, encodeKeysetCursor } from '../../../platform/http/index.js';

/*
 * The oversight list's order and its cursor (docs/architecture.md, "The ledger pattern"). The list
 * merges several streams of breaches (one per kind, one per flagged partner for the partner kinds),
 * each read in its own index's order; this file says what that order is across the streams, where
 * a stream continues after a cursor, and how the cursor travels to the client.
 */

export type OversightSortField = (typeof contractOversightSortFields)[number];

/**
 * `date`: when the breach began (its date key), then the record's id, then the kind (a contract can
 * breach two rules on the same day). `kind`: the kind, then the date key, then the id. Both ways.
 */
export interface OversightSort {
  field: OversightSortField;
  descending: boolean;
}

export function parseOversightSort(text: string | undefined): OversightSort {
  const descending = text?.startsWith('-') ?? false;
  return { field: (text?.replace(/^-/, '') ?? 'date') as OversightSortField, descending };
}

/**
 * Where a page continues: after the breach with this date key (the date, or the stand-in of a
 * contract not signed yet: '0001-01-01'), record id and kind.
 */
export interface OversightCursor {
  dateKey: string;
  id: string;
  kind: ContractOversightKind;
}

/** The fields of a breach row the order reads. */
export interface OrderedBreach {
  kind: ContractOversightKind;
  record_id: string;
  date_key: string;
}

/**
 * The list's order over rows of any stream, as the streams' SQL orders them: dates as ISO text and
 * ids as lowercase UUID text compare the same in JavaScript, SQLite and PostgreSQL (uuid compares
 * by bytes); kinds are ASCII codes.
 */
export function compareBreaches(sort: OversightSort): (a: OrderedBreach, b: OrderedBreach) => number {
  const keyOf = (row: OrderedBreach) =>
    sort.field === 'kind' ? [row.kind, row.date_key, row.record_id] : [row.date_key, row.record_id, row.kind];
  const sign = sort.descending ? -1 : 1;
  return (a, b) => {
    const [x, y] = [keyOf(a), keyOf(b)];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return (x[i] < y[i] ? -1 : 1) * sign;
    return 0;
  };
}

/**
 * How a stream of one kind continues after the cursor, by the list's order (kind is the last key of
 * the date sort and the first of the kind sort):
 * - `all`: every row of the stream comes after the cursor (no cursor, or the kind sort and a kind
 *   after the cursor's);
 * - `none`: no row does (the kind sort and a kind before the cursor's);
 * - `after` / `from`: the rows after (or from, inclusive) the cursor's (date key, id).
 */
export type Continuation = 'all' | 'none' | 'after' | 'from';

export function continuationOf(
  kind: ContractOversightKind,
  sort: OversightSort,
  cursor: OversightCursor | null,
): Continuation {
  if (!cursor) return 'all';
  const laterKind = sort.descending ? kind < cursor.kind : kind > cursor.kind;
  if (sort.field === 'kind') {
    if (kind === cursor.kind) return 'after';
    return laterKind ? 'all' : 'none';
  }
  // Date sort: at the cursor's (date key, id) a later kind still comes after the cursor.
  return laterKind ? 'from' : 'after';
}

/** The cursor: the last row's date key, record id and kind. */
export function encodeOversightCursor(row: OrderedBreach): string {
  return encodeKeysetCursor([row.date_key, row.record_id, row.kind]);
}

export function decodeOversightCursor(text: string): OversightCursor {
  return decodeKeysetCursor(text, ([dateKey, id, kind]) => {
    if (typeof dateKey !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(dateKey)) throw new Error('bad date');
    return { dateKey, id: cursorId(id), kind: contractOversightKindSchema.parse(kind) };
  });
}
