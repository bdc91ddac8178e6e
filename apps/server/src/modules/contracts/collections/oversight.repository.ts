import type { ContractOversightKind } from '@concord/contracts';
import { CompiledQuery, type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';
import { type Db, type HeavyReads, isPostgres } from '../../../db/index.js';
import { type Scope, withScope } from '../../../platform/access/index.js';
import {
  type Continuation,
  compareBreaches,
  continuationOf,
  type OversightCursor,
  type OversightSort,
} from './oversight.keyset.js';

/*
 * The oversight list's queries (集团监督): rule breaches of the contracts in the caller's scope. A
 * ledger (docs/architecture.md, "The ledger pattern"): the breaches are read as streams, each in the
 * order of an index that holds exactly its rows (migration 20261214_000100_contract_oversight_indexes):
 *
 * | kind                | stream                         | index (its key: the date key, id)   |
 * | ------------------- | ------------------------------ | ----------------------------------- |
 * | OVERRIDE_PAYMENT    | payments with an override      | contract_payment_oversight_override |
 * | PAST_END            | in force, end date before today| contract_oversight_past_end         |
 * | OVERDUE_COLLECTION  | income in force, due before    | contract_oversight_overdue          |
 * | BLACKLISTED_PARTNER | one per flagged partner        | contract_oversight_partner          |
 * | UNQUALIFIED_PARTNER | one per flagged partner        | contract_oversight_partner          |
 *
 * A page reads each stream after the cursor with the page's limit (+1) and merges them here: at most
 * (streams × limit) rows, whatever the size of the register. The scope and entity filters are judged
 * on the rows the walk meets (the walk covers one kind's breaches, never the register).
 */

const scopeColumns = { entity: 'c.entity_id', department: 'c.department_id', owner: 'c.owner_id' };

export interface OversightFilter {
  entityId?: string;
  today: string;
  /** Partners blacklisted now, and partners with an expired qualification (from the partner library). */
  blacklisted: string[];
  unqualified: string[];
  /**
   * Whether the contracts' stored past-due amounts are today's (`pastDueIsCurrent`): then an overdue
   * collection's amount is read from the contract, else summed from its plan items (the page's rows only).
   */
  storedOverdueIsCurrent: boolean;
}

/** A breach as every stream answers it (see breachColumns). */
export interface BreachRow {
  kind: ContractOversightKind;
  record_id: string;
  /** The date the order reads: the date, or '0001-01-01' for a contract not signed yet. */
  date_key: string;
  contract_id: string;
  number: string | null;
  contract_name: string;
  contract_status: string;
  partner_id: string;
  partner_name: string;
  entity_id: string;
  department_id: string;
  owner_id: string;
  /** The contract's currency; a payment is in its contract's currency. */
  currency: string;
  amount: number;
  date: string | null;
  detail: string | null;
}

/**
 * One stream of breaches: its rows (from, joins, filters, in scope), its date key and id written
 * exactly as its index's expressions, and the index (SQLite's `indexed by`).
 */
interface BreachStream {
  kind: ContractOversightKind;
  rows: SelectQueryBuilder<any, any, object>;
  key: RawBuilder<string>;
  id: RawBuilder<string>;
  index: string;
  /** The first table, the one read through the index (its alias). */
  table: 'c' | 'p';
  /** The stream holds only rows whose date key is before today (a bound the walk starts from). */
  beforeToday: boolean;
}

/** The UTC date of a payment's request, exactly as the migration's index writes it. */
const overrideDateKey = (db: Db) =>
  sql<string>`${sql.raw(isPostgres(db) ? `((p.created_at at time zone 'UTC')::date)` : 'substr(p.created_at, 1, 10)')}`;
/** A contract's sign date; a draft's null as the ledger's stand-in, as the partner index writes it. */
const signDateKey = sql<string>`coalesce(c.sign_date, '0001-01-01')`;

/** The open amount of a contract's plan items due before `today` (correlated on `c`). */
export function overdueAmountOf(today: string) {
  return sql<number>`(select coalesce(sum(i.amount - i.paid_amount), 0) from contract_plan_item i where i.contract_id = c.id and i.due_date < ${today} and i.paid_amount < i.amount)`;
}

/** The streams of the kinds asked for. A partner kind has one stream per flagged partner (none: no stream). */
export function breachStreams(
  db: Db,
  scope: Scope,
  filter: OversightFilter,
  kinds: readonly ContractOversightKind[],
): BreachStream[] {
  const inScope = <Q extends SelectQueryBuilder<any, any, object>>(query: Q): Q => {
    let scoped = withScope(query, scope, scopeColumns);
    if (filter.entityId) scoped = scoped.where('c.entity_id', '=', filter.entityId);
    return scoped as Q;
  };
  const streams: BreachStream[] = [];
  for (const kind of kinds) {
    switch (kind) {
      case 'OVERRIDE_PAYMENT':
        streams.push({
          kind,
          rows: inScope(
            db
              .selectFrom('contract_payment as p')
              .innerJoin('contract as c', 'c.id', 'p.contract_id')
              // Written as the partial index's condition, so both databases match the index.
              .where('p.override_reason', 'is not', null)
              .where('p.status', 'not in', ['REJECTED', 'WITHDRAWN', 'CANCELED']),
          ),
          key: overrideDateKey(db),
          id: sql<string>`p.id`,
          index: 'contract_payment_oversight_override',
          table: 'p',
          beforeToday: false,
        });
        break;
      case 'PAST_END':
        streams.push({
          kind,
          rows: inScope(db.selectFrom('contract as c').where('c.status', '=', 'IN_FORCE')),
          key: sql<string>`c.end_date`,
          id: sql<string>`c.id`,
          index: 'contract_oversight_past_end',
          table: 'c',
          beforeToday: true,
        });
        break;
      case 'OVERDUE_COLLECTION':
        // next_due_date is the earliest due date with money open (figures.service), so it is past
        // exactly when some receipt milestone is overdue.
        streams.push({
          kind,
          rows: inScope(
            db
              .selectFrom('contract as c')
              .where('c.status', '=', 'IN_FORCE')
              .where('c.direction', '=', 'INCOME'),
          ),
          key: sql<string>`c.next_due_date`,
          id: sql<string>`c.id`,
          index: 'contract_oversight_overdue',
          table: 'c',
          beforeToday: true,
        });
        break;
      case 'BLACKLISTED_PARTNER':
      case 'UNQUALIFIED_PARTNER':
        for (const partnerId of kind === 'BLACKLISTED_PARTNER' ? filter.blacklisted : filter.unqualified) {
          streams.push({
            kind,
            rows: inScope(partnerContracts(db).where('c.partner_id', '=', partnerId)),
            key: signDateKey,
            id: sql<string>`c.id`,
            index: 'contract_oversight_partner',
            table: 'c',
            beforeToday: false,
          });
        }
        break;
    }
  }
  return streams;
}

/** Approved or in-force contracts, the status written as the partial partner index's condition. */
const partnerContracts = (db: Db) =>
  db.selectFrom('contract as c').where(sql<boolean>`c.status in ('APPROVED', 'IN_FORCE')`);

/** The columns every stream answers with (the same names and types on both dialects). */
function breachColumns(stream: BreachStream, filter: OversightFilter) {
  const payment = stream.kind === 'OVERRIDE_PAYMENT';
  const amount = payment
    ? sql`p.amount`
    : stream.kind === 'OVERDUE_COLLECTION'
      ? filter.storedOverdueIsCurrent
        ? sql`c.past_due_open_amount`
        : overdueAmountOf(filter.today)
      : sql`c.current_amount`;
  const date =
    stream.kind === 'BLACKLISTED_PARTNER' || stream.kind === 'UNQUALIFIED_PARTNER'
      ? sql`c.sign_date`
      : stream.key;
  return [
    sql<string>`cast(${stream.kind} as text)`.as('kind'),
    sql<string>`${stream.id}`.as('record_id'),
    sql<string>`${stream.key}`.as('date_key'),
    sql<string>`c.id`.as('contract_id'),
    sql<string | null>`c.number`.as('number'),
    sql<string>`c.name`.as('contract_name'),
    sql<string>`c.status`.as('contract_status'),
    sql<string>`c.partner_id`.as('partner_id'),
    sql<string>`c.partner_name`.as('partner_name'),
    sql<string>`c.entity_id`.as('entity_id'),
    sql<string>`c.department_id`.as('department_id'),
    sql<string>`c.owner_id`.as('owner_id'),
    sql<string>`c.currency`.as('currency'),
    sql<number>`${amount}`.as('amount'),
    sql<string | null>`${date}`.as('date'),
    sql<string | null>`${payment ? sql`p.override_reason` : sql`cast(null as text)`}`.as('detail'),
  ];
}

/** What a page is: the kinds, the filters, the order, where it continues and how many rows. */
export interface OversightPageRequest {
  scope: Scope;
  filter: OversightFilter;
  kinds: readonly ContractOversightKind[];
  sort: OversightSort;
  cursor: OversightCursor | null;
  limit: number;
}

/**
 * One stream's rows after the cursor, in the list's order, at most `limit`: the key's own scalar
 * bound, then the row value (SQLite seeks an index by a scalar bound on an expression key, not by a
 * row value; PostgreSQL seeks by the row value). A stream before today starts at today unless the
 * cursor bounds it tighter (one upper bound: SQLite seeks by one of them only). Null when no row of
 * the stream comes after the cursor.
 */
export function streamPageQuery(
  stream: BreachStream,
  request: Pick<OversightPageRequest, 'filter' | 'sort' | 'cursor' | 'limit'>,
) {
  const { filter, sort, cursor, limit } = request;
  const continuation: Continuation = continuationOf(stream.kind, sort, cursor);
  if (continuation === 'none') return null;
  const { key, id } = stream;
  let query = stream.rows.select(breachColumns(stream, filter));
  const bounded = cursor && continuation !== 'all' ? cursor : null;
  if (bounded) {
    const scalar = sql.raw(sort.descending ? '<=' : '>=');
    const row = sql.raw(
      continuation === 'from' ? (sort.descending ? '<=' : '>=') : sort.descending ? '<' : '>',
    );
    // Descending below a cursor before today, "before today" is implied: the cursor's bound seeks.
    const cursorBoundsToday = sort.descending && bounded.dateKey < filter.today;
    if (!stream.beforeToday || !sort.descending || cursorBoundsToday) {
      query = query.where(sql<boolean>`${key} ${scalar} ${bounded.dateKey}`);
    }
    query = query.where(sql<boolean>`(${key}, ${id}) ${row} (${bounded.dateKey}, ${bounded.id})`);
    if (stream.beforeToday && !cursorBoundsToday) query = query.where(sql<boolean>`${key} < ${filter.today}`);
  } else if (stream.beforeToday) {
    query = query.where(sql<boolean>`${key} < ${filter.today}`);
  }
  const direction = sort.descending ? 'desc' : 'asc';
  return query.orderBy(key, direction).orderBy(id, direction).limit(limit);
}

/**
 * A stream's page query as run: on SQLite its first table read through the stream's index (SQLite
 * prices a filter's index, such as the entity's, above the walk in order; the walk is what bounds a
 * page to its rows). PostgreSQL prices the limit itself.
 */
export function compiledStreamPage(
  db: Db,
  stream: BreachStream,
  request: Pick<OversightPageRequest, 'filter' | 'sort' | 'cursor' | 'limit'>,
): CompiledQuery<BreachRow> | null {
  const query = streamPageQuery(stream, request);
  if (!query) return null;
  const compiled = query.compile() as CompiledQuery<BreachRow>;
  if (isPostgres(db)) return compiled;
  const table = stream.table === 'p' ? 'contract_payment' : 'contract';
  const from = `from "${table}" as "${stream.table}"`;
  if (!compiled.sql.includes(from)) throw new Error(`Not an oversight stream query: ${compiled.sql}`);
  return CompiledQuery.raw(compiled.sql.replace(from, `${from} indexed by "${stream.index}"`), [
    ...compiled.parameters,
  ]) as CompiledQuery<BreachRow>;
}

/** Streams per statement on PostgreSQL (a union of their pages: one round trip, not one per partner). */
const STREAMS_PER_STATEMENT = 100;

/**
 * The page: every stream's rows after the cursor, merged in the list's order, at most `limit`. With
 * `reads` (an export's batches) read on the heavy-read pool, never holding the connection other
 * requests use.
 */
export async function oversightPage(
  db: Db,
  request: OversightPageRequest,
  reads?: HeavyReads,
): Promise<BreachRow[]> {
  const { scope, filter, kinds, sort } = request;
  const streams = breachStreams(db, scope, filter, kinds);
  const run = async (query: CompiledQuery<BreachRow>) =>
    reads ? reads.all({ compile: () => query }) : (await db.executeQuery(query)).rows;
  const rows: BreachRow[] = [];
  if (isPostgres(db)) {
    const pages = streams
      .map((stream) => streamPageQuery(stream, request))
      .filter((query): query is NonNullable<typeof query> => query !== null);
    for (let at = 0; at < pages.length; at += STREAMS_PER_STATEMENT) {
      const chunk = pages
        .slice(at, at + STREAMS_PER_STATEMENT)
        .map((page, n) => db.selectFrom(page.as(`s${n}`)).selectAll());
      const union = chunk.slice(1).reduce((all, part) => all.unionAll(part), chunk[0]);
      rows.push(...(await run(union.compile() as CompiledQuery<BreachRow>)));
    }
  } else {
    // One statement per stream: SQLite runs in-process, so a statement costs microseconds, and each
    // keeps its `indexed by`.
    for (const stream of streams) {
      const page = compiledStreamPage(db, stream, request);
      if (page) rows.push(...(await run(page)));
    }
  }
  return rows.sort(compareBreaches(sort)).slice(0, request.limit);
}

/** A kind's breaches in scope, as one set to count (the partner kinds: all flagged partners at once); null when none can be. */
export function kindSet(
  db: Db,
  scope: Scope,
  filter: OversightFilter,
  kind: ContractOversightKind,
): SelectQueryBuilder<any, any, object> | null {
  if (kind === 'BLACKLISTED_PARTNER' || kind === 'UNQUALIFIED_PARTNER') {
    const partners = kind === 'BLACKLISTED_PARTNER' ? filter.blacklisted : filter.unqualified;
    if (!partners.length) return null;
    let query = withScope(partnerContracts(db).where('c.partner_id', 'in', partners), scope, scopeColumns);
    if (filter.entityId) query = query.where('c.entity_id', '=', filter.entityId);
    return query;
  }
  const [stream] = breachStreams(db, scope, filter, [kind]);
  return stream.beforeToday ? stream.rows.where(sql<boolean>`${stream.key} < ${filter.today}`) : stream.rows;
}
