import type { Page } from '@concord/contracts';
import { type SelectQueryBuilder, sql } from 'kysely';
import { countUpTo, type Db } from '../../db/index.js';
import { AppError } from './errors.js';

/**
 * Runs a list query as one page plus its total. The count uses the same filters (and scope) as the
 * page, so totals and rows always agree.
 *
 * With `countCap` the count stops after `cap` rows (`total` is then the cap and `totalAtLeast` says
 * "more than"), and the pages end there: a list that grows with a person's history (the approval
 * centre's) costs at most that many index entries per request instead of a count of the whole
 * history, and OFFSET never walks further. Past the cap the user narrows the filter.
 */
export async function fetchPage<DB, TB extends keyof DB, O, T>(
  query: SelectQueryBuilder<DB, TB, O>,
  paging: { page: number; pageSize: number },
  toItem: (row: O) => T,
  options: { countCap?: { db: Db; cap: number } } = {},
): Promise<Page<T>> {
  const offset = (paging.page - 1) * paging.pageSize;
  const { countCap } = options;
  if (countCap && offset >= countCap.cap) throw new AppError('PAGE_BEYOND_CAP', { cap: countCap.cap });
  const counted = countCap
    ? await countUpTo(countCap.db, query.clearOrderBy().clearSelect(), countCap.cap)
    : Number(
        (
          (await query
            .clearSelect()
            .clearOrderBy()
            .select(sql<number>`count(*)`.as('total'))
            .executeTakeFirstOrThrow()) as { total: number }
        ).total,
      );
  const capped = countCap !== undefined && counted > countCap.cap;
  const rows = await query.limit(paging.pageSize).offset(offset).execute();
  return {
    items: rows.map(toItem),
    total: capped ? countCap.cap : counted,
    ...(capped ? { totalAtLeast: true as const } : {}),
    page: paging.page,
    pageSize: paging.pageSize,
  };
}

/**
 * Applies `sort` (`field` or `-field`) from a whitelist mapping API field names to columns, then a
 * unique tiebreaker so paging is stable. Unknown fields are a 400, not silently ignored.
 */
export function applySort<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  sort: string | undefined,
  columns: Record<string, string>,
  fallback: { column: string; direction: 'asc' | 'desc' },
  tiebreaker: string,
): SelectQueryBuilder<DB, TB, O> {
  let column = fallback.column;
  let direction = fallback.direction;
  if (sort) {
    const descending = sort.startsWith('-');
    const field = descending ? sort.slice(1) : sort;
    const mapped = columns[field];
    if (!mapped) {
      throw new AppError('VALIDATION_FAILED', {
        detail: `sort: unknown field "${field}" (allowed: ${Object.keys(columns).join(', ')})`,
      });
    }
    column = mapped;
    direction = descending ? 'desc' : 'asc';
  }
  // SQLite sorts NULL first and PostgreSQL last; say it, so both dialects answer the same order.
  return (query as SelectQueryBuilder<any, any, O>)
    .orderBy(column, (ob) => (direction === 'asc' ? ob.asc().nullsFirst() : ob.desc().nullsLast()))
    .orderBy(tiebreaker, direction) as unknown as SelectQueryBuilder<DB, TB, O>;
}

/** Iterates a query in pages of `batchSize` rows so exports stay in bounded memory. */
export async function* inBatches<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  batchSize = 1000,
): AsyncGenerator<O> {
  for (let offset = 0; ; offset += batchSize) {
    const rows = await query.limit(batchSize).offset(offset).execute();
    for (const row of rows) yield row as O;
    if (rows.length < batchSize) return;
  }
}

/**
 * Every row of `query` as `present` turns it out, read and presented a batch at a time: one lookup
 * of names (or whatever `present` needs) per batch, never per row, in bounded memory.
 */
export async function* presentedInBatches<DB, TB extends keyof DB, O, T>(
  query: SelectQueryBuilder<DB, TB, O>,
  present: (batch: O[]) => Promise<T[]>,
  batchSize = 500,
): AsyncGenerator<T> {
  for (let offset = 0; ; offset += batchSize) {
    const rows = (await query.limit(batchSize).offset(offset).execute()) as O[];
    if (rows.length) yield* await present(rows);
    if (rows.length < batchSize) return;
  }
}
