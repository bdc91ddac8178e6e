import { sql } from 'kysely';
import { type Db, isPostgres, likePattern } from '../../../db/index.js';
import { type Scope, withScope } from '../../../platform/access/index.js';
import type { ContractFacts } from '../contract-records.repository.js';
import type { ContractArchiveTable, ContractBorrowTable } from '../contracts.tables.js';

/** A borrow with the contract facts every view of it needs (number, name, scope columns). */
export type BorrowRow = ContractBorrowTable & ContractFacts;

// ---------------------------------------------------------------- archive record
export function findArchive(db: Db, contractId: string): Promise<ContractArchiveTable | undefined> {
  return db
    .selectFrom('contract_archive')
    .selectAll()
    .where('contract_id', '=', contractId)
    .executeTakeFirst();
}

/** The archive record, locked for the rest of the transaction: borrows of one original queue here. */
export function lockArchive(db: Db, contractId: string): Promise<ContractArchiveTable | undefined> {
  let query = db.selectFrom('contract_archive').selectAll().where('contract_id', '=', contractId);
  if (isPostgres(db)) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function insertArchive(db: Db, row: ContractArchiveTable): Promise<void> {
  await db.insertInto('contract_archive').values(row).execute();
}

export async function updateArchive(
  db: Db,
  contractId: string,
  patch: Omit<ContractArchiveTable, 'contract_id' | 'created_by' | 'created_at'>,
): Promise<void> {
  await db.updateTable('contract_archive').set(patch).where('contract_id', '=', contractId).execute();
}

// ---------------------------------------------------------------- borrows
function borrowsWithContract(db: Db) {
  return db
    .selectFrom('contract_borrow as b')
    .innerJoin('contract as c', 'c.id', 'b.contract_id')
    .selectAll('b')
    .select([
      'c.number as contract_number',
      'c.name as contract_name',
      'c.entity_id as entity_id',
      'c.department_id as department_id',
      'c.owner_id as owner_id',
    ]);
}

export async function findBorrow(db: Db, id: string): Promise<BorrowRow | undefined> {
  return borrowsWithContract(db).where('b.id', '=', id).executeTakeFirst();
}

export async function openBorrowOf(db: Db, contractId: string): Promise<BorrowRow | undefined> {
  return borrowsWithContract(db)
    .where('b.contract_id', '=', contractId)
    .where('b.returned_date', 'is', null)
    .executeTakeFirst();
}

export function borrowsOf(db: Db, contractId: string) {
  return borrowsWithContract(db).where('b.contract_id', '=', contractId);
}

/** Every borrow of contracts in scope, for the archivists' list. */
export function searchBorrows(
  db: Db,
  scope: Scope,
  filter: {
    q?: string;
    open?: boolean;
    overdue?: boolean;
    borrowerId?: string;
    entityId?: string;
    today: string;
  },
) {
  let query = withScope(borrowsWithContract(db), scope, {
    entity: 'c.entity_id',
    department: 'c.department_id',
    owner: 'c.owner_id',
  });
  if (filter.open !== undefined) query = query.where('b.returned_date', filter.open ? 'is' : 'is not', null);
  if (filter.overdue !== undefined) {
    query = filter.overdue
      ? query.where('b.returned_date', 'is', null).where('b.due_date', '<', filter.today)
      : query.where((eb) =>
          eb.or([eb('b.returned_date', 'is not', null), eb('b.due_date', '>=', filter.today)]),
        );
  }
  if (filter.borrowerId) query = query.where('b.borrower_id', '=', filter.borrowerId);
  if (filter.entityId) query = query.where('c.entity_id', '=', filter.entityId);
  if (filter.q) {
    const pattern = sql`${likePattern(filter.q.toLowerCase())} escape '\\'`;
    query = query.where((eb) =>
      eb.or([
        eb(sql`lower(c.name)`, 'like', pattern),
        eb(sql`lower(c.number)`, 'like', pattern),
        eb(sql`lower(b.purpose)`, 'like', pattern),
      ]),
    );
  }
  return query;
}

export async function insertBorrow(db: Db, row: ContractBorrowTable): Promise<void> {
  await db.insertInto('contract_borrow').values(row).execute();
}

export async function closeBorrow(
  db: Db,
  id: string,
  patch: { returned_date: string; return_note: string | null; updated_at: string },
): Promise<number> {
  const result = await db
    .updateTable('contract_borrow')
    .set(patch)
    .where('id', '=', id)
    .where('returned_date', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** One borrow per entity (through its contract), for the route guard test. */
export async function borrowSampleIn(db: Db, entityId: string): Promise<string | null> {
  const row = await db
    .selectFrom('contract_borrow as b')
    .innerJoin('contract as c', 'c.id', 'b.contract_id')
    .select('b.id')
    .where('c.entity_id', '=', entityId)
    .executeTakeFirst();
  return row?.id ?? null;
}

// ---------------------------------------------------------------- reminders
/**
 * Open borrows past their due date, in keyset pages by (due date, id) on the open-and-due index,
 * with the archivist of the contract's archive record.
 */
export function overdueBorrows(
  db: Db,
  today: string,
  after: { dueDate: string; id: string } | null,
  limit: number,
): Promise<
  {
    id: string;
    contract_id: string;
    borrower_id: string;
    due_date: string;
    contract_number: string | null;
    contract_name: string;
    entity_id: string;
    archivist_id: string | null;
  }[]
> {
  let query = db
    .selectFrom('contract_borrow as b')
    .innerJoin('contract as c', 'c.id', 'b.contract_id')
    .leftJoin('contract_archive as a', 'a.contract_id', 'b.contract_id')
    .select([
      'b.id',
      'b.contract_id',
      'b.borrower_id',
      'b.due_date',
      'c.number as contract_number',
      'c.name as contract_name',
      'c.entity_id',
      'a.archivist_id',
    ])
    .where('b.returned_date', 'is', null)
    .where('b.due_date', '<', today);
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('b.due_date', '>', after.dueDate),
        eb.and([eb('b.due_date', '=', after.dueDate), eb('b.id', '>', after.id)]),
      ]),
    );
  }
  return query.orderBy('b.due_date').orderBy('b.id').limit(limit).execute();
}

/** The distinct positive reminder lead times of the categories (a handful of values). */
export async function reminderDayValues(db: Db): Promise<number[]> {
  const rows = await db
    .selectFrom('contract_category')
    .select('expiry_reminder_days')
    .distinct()
    .where('expiry_reminder_days', '>', 0)
    .execute();
  return rows.map((r) => r.expiry_reminder_days).sort((a, b) => a - b);
}

/**
 * In-force contracts of categories with `days` reminder days ending between `today` and
 * `today + days`, in keyset pages by (end date, id) on the (status, end_date) index.
 */
export function expiringContracts(
  db: Db,
  range: { from: string; to: string; days: number },
  after: { endDate: string; id: string } | null,
  limit: number,
): Promise<{ id: string; end_date: string }[]> {
  let query = db
    .selectFrom('contract as c')
    .innerJoin('contract_category as cat', 'cat.id', 'c.category_id')
    .select(['c.id', 'c.end_date'])
    .where('c.status', '=', 'IN_FORCE')
    .where('c.end_date', '>=', range.from)
    .where('c.end_date', '<=', range.to)
    .where('cat.expiry_reminder_days', '=', range.days);
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('c.end_date', '>', after.endDate),
        eb.and([eb('c.end_date', '=', after.endDate), eb('c.id', '>', after.id)]),
      ]),
    );
  }
  // The range conditions above exclude contracts without an end date.
  return query
    .$narrowType<{ end_date: string }>()
    .orderBy('c.end_date')
    .orderBy('c.id')
    .limit(limit)
    .execute();
}
