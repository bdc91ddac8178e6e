import type { SelectQueryBuilder, Selectable } from 'kysely';
import type { Database, Db } from '../../db/index.js';

/** The tables whose records belong to one contract and are read with its facts. */
type ContractChildTable = 'contract_settlement' | 'contract_delivery' | 'contract_seal_request';

/** What a child record's access check and screens need of its contract. */
export interface ContractFacts {
  contract_number: string | null;
  contract_name: string;
  entity_id: string;
  department_id: string;
  owner_id: string;
}

/** The query's tables: the child under its alias and the contract as `c`. */
type WithContract<Table extends ContractChildTable, Alias extends string> = Database & {
  [A in Alias]: Database[Table];
} & { c: Database['contract'] };

/**
 * The one way a record that belongs to a contract (a settlement, a delivery, a seal request) is read
 * with what the access check and the screens need of its contract: number, name and the scope
 * columns (entity, department, owner). The child table is aliased `alias`, the contract `c`.
 */
export function withContractFacts<Table extends ContractChildTable, Alias extends string>(
  db: Db,
  table: Table,
  alias: Alias,
): SelectQueryBuilder<WithContract<Table, Alias>, Alias | 'c', Selectable<Database[Table]> & ContractFacts> {
  // The alias is a parameter, which Kysely's types cannot follow through the join: the query is
  // typed as if the alias were `child`, and the declared return type states what it selects.
  const child = alias as string as 'child';
  return db
    .selectFrom(`${table} as ${child}` as 'contract_settlement as child')
    .innerJoin('contract as c', 'c.id', `${child}.contract_id` as const)
    .selectAll(child)
    .select([
      'c.number as contract_number',
      'c.name as contract_name',
      'c.entity_id as entity_id',
      'c.department_id as department_id',
      'c.owner_id as owner_id',
    ]) as never;
}
