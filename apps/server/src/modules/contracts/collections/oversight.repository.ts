import type { ContractOversightKind } from '@concord/contracts';
import { type SelectQueryBuilder, sql } from 'kysely';
import { type Scope, withScope } from '../../../platform/access/index.js';
import { applySort } from '../../../platform/http/index.js';
import type { Db } from '../../../db/index.js';

const scopeColumns = { entity: 'c.entity_id', department: 'c.department_id', owner: 'c.owner_id' };

export interface OversightFilter {
  kind?: ContractOversightKind;
  entityId?: string;
  today: string;
  /** Partners blacklisted now, and partners with an expired qualification (from the partner library). */
  blacklisted: string[];
  unqualified: string[];
}

/** A breach as every branch of the union answers it (see breachColumns). */
export interface BreachRow {
  kind: ContractOversightKind;
  record_id: string;
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
  /** A date, or an instant's text whose first ten characters are its date. */
  date: string | null;
  detail: string | null;
}

/** The columns every kind of breach answers with (the same names and types on both dialects). */
function breachColumns(
  kind: ContractOversightKind,
  record: ReturnType<typeof sql.ref>,
  amount: ReturnType<typeof sql>,
  date: ReturnType<typeof sql>,
  detail: ReturnType<typeof sql>,
) {
  return [
    sql<string>`cast(${kind} as text)`.as('kind'),
    sql<string>`${record}`.as('record_id'),
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
    sql<string | null>`${detail}`.as('detail'),
  ];
}

const asText = (expression: ReturnType<typeof sql>) => sql`cast(${expression} as text)`;
const noDetail = sql`cast(null as text)`;

/** Each kind of breach as one SELECT over the contracts in the caller's scope. */
function branches(db: Db, scope: Scope, filter: OversightFilter) {
  const contracts = (query: SelectQueryBuilder<any, any, object>) => {
    let scoped = withScope(query, scope, scopeColumns);
    if (filter.entityId) scoped = scoped.where('c.entity_id', '=', filter.entityId);
    return scoped;
  };
  const out: Partial<Record<ContractOversightKind, SelectQueryBuilder<any, any, any>>> = {};
  out.OVERRIDE_PAYMENT = contracts(
    db
      .selectFrom('contract_payment as p')
      .innerJoin('contract as c', 'c.id', 'p.contract_id')
      .where('p.override_reason', 'is not', null)
      .where('p.status', 'not in', ['REJECTED', 'WITHDRAWN', 'CANCELED']),
  ).select(
    breachColumns(
      'OVERRIDE_PAYMENT',
      sql.ref('p.id'),
      sql`p.amount`,
      sql`substr(${asText(sql`p.created_at`)}, 1, 10)`,
      sql`p.override_reason`,
    ),
  );
  out.PAST_END = contracts(
    db.selectFrom('contract as c').where('c.status', '=', 'IN_FORCE').where('c.end_date', '<', filter.today),
  ).select(
    breachColumns('PAST_END', sql.ref('c.id'), sql`c.current_amount`, asText(sql`c.end_date`), noDetail),
  );
  // next_due_date is the earliest due date with money open (figures.service), so it is past exactly
  // when some receipt milestone is overdue.
  out.OVERDUE_COLLECTION = contracts(
    db
      .selectFrom('contract as c')
      .where('c.status', '=', 'IN_FORCE')
      .where('c.direction', '=', 'INCOME')
      .where('c.next_due_date', '<', filter.today),
  ).select(
    breachColumns(
      'OVERDUE_COLLECTION',
      sql.ref('c.id'),
      overdueAmountOf(filter.today),
      asText(sql`c.next_due_date`),
      noDetail,
    ),
  );
  const partnerBranch = (kind: ContractOversightKind, ids: string[]) =>
    ids.length
      ? contracts(
          db
            .selectFrom('contract as c')
            .where('c.status', 'in', ['APPROVED', 'IN_FORCE'])
            .where('c.partner_id', 'in', ids),
        ).select(
          breachColumns(kind, sql.ref('c.id'), sql`c.current_amount`, asText(sql`c.sign_date`), noDetail),
        )
      : undefined;
  out.BLACKLISTED_PARTNER = partnerBranch('BLACKLISTED_PARTNER', filter.blacklisted);
  out.UNQUALIFIED_PARTNER = partnerBranch('UNQUALIFIED_PARTNER', filter.unqualified);
  return out;
}

/** The open amount of a contract's plan items due before `today` (correlated on `c`). */
export function overdueAmountOf(today: string) {
  return sql<number>`(select coalesce(sum(i.amount - i.paid_amount), 0) from contract_plan_item i where i.contract_id = c.id and i.due_date < ${today} and i.paid_amount < i.amount)`;
}

function unionOf(parts: SelectQueryBuilder<any, any, any>[]) {
  const [first, ...rest] = parts;
  return rest.reduce((union, part) => union.unionAll(part), first);
}

/** Every breach in scope (of one kind when filtered), sorted; null when there is nothing to ask. */
export function breaches(db: Db, scope: Scope, filter: OversightFilter, sort: string | undefined) {
  const all = branches(db, scope, filter);
  const parts = (filter.kind ? [all[filter.kind]] : Object.values(all)).filter(
    (part): part is SelectQueryBuilder<any, any, any> => !!part,
  );
  if (!parts.length) return null;
  // The branches are untyped unions of raw columns; their rows have breachColumns' shape.
  const query = db.selectFrom(unionOf(parts).as('o')).selectAll().$castTo<BreachRow>();
  return applySort(
    query,
    sort,
    { date: 'o.date', amount: 'o.amount', kind: 'o.kind', contractNumber: 'o.number' },
    { column: 'o.date', direction: 'asc' },
    'o.record_id',
  ).orderBy('o.kind');
}

/** Breaches per kind in scope (ignoring the kind filter), in one query. */
export async function countsByKind(db: Db, scope: Scope, filter: OversightFilter) {
  const parts = Object.values(branches(db, scope, { ...filter, kind: undefined })).filter(
    (part): part is SelectQueryBuilder<any, any, any> => !!part,
  );
  const rows = await db
    .selectFrom(unionOf(parts).as('o'))
    .select(['o.kind', sql<number>`count(*)`.as('count')])
    .groupBy('o.kind')
    .execute();
  return new Map(rows.map((r) => [r.kind as ContractOversightKind, r.count]));
}
