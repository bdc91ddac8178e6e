import { type SelectQueryBuilder, sql } from 'kysely';
import type { HeavyReads } from './read-pool.js';
import type { Db } from './tables.js';

/**
 * The number of rows in the set, counting no further than `limit + 1` (so a huge set costs `limit`
 * index reads): a count that says "more than `limit`" instead of scanning. Used by every ledger's
 * filtered set (the contract ledger's, the overdue list's, oversight's) and by counts that grow with
 * a person's history (the approval centre's tabs). With `reads`, on the heavy-read pool.
 */
export async function countUpTo(
  db: Db,
  query: SelectQueryBuilder<any, any, any>,
  limit: number,
  reads?: HeavyReads,
): Promise<number> {
  const counted = db
    .selectFrom(
      query
        .select(sql.lit(1).as('one'))
        .limit(limit + 1)
        .as('bounded'),
    )
    .select((eb) => eb.fn.countAll<number>().as('count'));
  const [{ count }] = reads ? await reads.all(counted) : [await counted.executeTakeFirstOrThrow()];
  return Number(count);
}
