import type { Db } from '../../db/index.js';
import type { ContractPorts } from './contracts.ports.js';

/** The columns that say whose a contract-linked row is: its entity, department and owner. */
export interface OwnedRow {
  entity_id: string;
  department_id: string;
  owner_id: string;
}

/**
 * The names of the rows' entities, departments and owners, read from the organisation in one batch
 * each: the ledger, the overdue list and oversight show them beside every row.
 */
export async function ownerNames(org: ContractPorts['org'], db: Db, rows: readonly OwnedRow[]) {
  const distinct = (column: keyof OwnedRow) => [...new Set(rows.map((r) => r[column]))];
  const [entities, departments, owners] = await Promise.all([
    org.entities(db, distinct('entity_id')),
    org.departments(db, distinct('department_id')),
    org.userNames(db, distinct('owner_id')),
  ]);
  return {
    entityName: (id: string) => entities.get(id)?.name ?? '',
    departmentName: (id: string) => departments.get(id)?.name ?? '',
    ownerName: (id: string) => owners.get(id) ?? '',
  };
}
