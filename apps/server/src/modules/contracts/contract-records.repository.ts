import type { Kysely } from 'kysely';

type Db = Kysely<any>;

/**
 * The one way a record that belongs to a contract (a settlement, a delivery, a seal request) is read
 * with what the access check and the screens need of its contract: number, name and the scope
 * columns (entity, department, owner). The child table is aliased `alias`, the contract `c`.
 */
export function withContractFacts(db: Db, table: string, alias: string) {
  return db
    .selectFrom(`${table} as ${alias}`)
    .innerJoin('contract as c', 'c.id', `${alias}.contract_id`)
    .selectAll(alias)
    .select([
      'c.number as contract_number',
      'c.name as contract_name',
      'c.entity_id as entity_id',
      'c.department_id as department_id',
      'c.owner_id as owner_id',
    ]);
}
