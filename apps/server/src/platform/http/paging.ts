import type { Page } from '@concord/contracts';
import { type SelectQueryBuilder, sql } from 'kysely';
import { AppError } from './errors.js';

/**
 * Runs a list query as one page plus its total. The count uses the same filters (and scope) as the
 * page, so totals and rows always agree.
 */
export async function fetchPage<DB, TB extends keyof DB, O, T>(
  query: SelectQueryBuilder<DB, TB, O>,
  paging: { page: number; pageSize: number },
  toItem: (row: O) => T,
): Promise<Page<T>> {
  const countRow = await query
    .clearSelect()
    .clearOrderBy()
    .select(sql<number>`count(*)`.as('total'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize)
    .execute();
  return {
    items: rows.map(toItem),
    total: (countRow as { total: number }).total,
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
