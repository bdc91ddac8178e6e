import type { OrgNames } from '../../platform/org/index.js';

/** The columns that say whose a contract-linked row is: its entity, department and owner. */
export interface OwnedRow {
  entity_id: string;
  department_id: string;
  owner_id: string;
}

/**
 * The names of the rows' entities, departments and owners (the organisation's name cache: no
 * statement once they are cached): the ledger, the overdue list and oversight show them beside
 * every row.
 */
export async function ownerNames(names: OrgNames, rows: readonly OwnedRow[]) {
  const distinct = (column: keyof OwnedRow) => [...new Set(rows.map((r) => r[column]))];
  const [entities, departments, owners] = await Promise.all([
    names.entities(distinct('entity_id')),
    names.departments(distinct('department_id')),
    names.userNames(distinct('owner_id')),
  ]);
  return {
    entityName: (id: string) => entities.get(id)?.name ?? '',
    departmentName: (id: string) => departments.get(id)?.name ?? '',
    ownerName: (id: string) => owners.get(id) ?? '',
  };
}
