import { type Db, newId, readJson, writeJson } from '../../db/index.js';
import type { ColumnMapping } from './layout.js';

/** The mapping saved for the first of `fingerprints` that has one, in the order given. */
export async function findMapping(
  db: Db,
  entityId: string,
  kind: string,
  fingerprints: string[],
): Promise<{ fingerprint: string; mapping: ColumnMapping[] } | null> {
  if (!fingerprints.length) return null;
  const rows = await db
    .selectFrom('import_mapping')
    .select(['fingerprint', 'mapping'])
    .where('entity_id', '=', entityId)
    .where('kind', '=', kind)
    .where('fingerprint', 'in', fingerprints)
    .execute();
  const byPrint = new Map(rows.map((row) => [row.fingerprint, row.mapping]));
  const first = fingerprints.find((print) => byPrint.has(print));
  return first ? { fingerprint: first, mapping: readJson<ColumnMapping[]>(byPrint.get(first), []) } : null;
}

/** Saves (or replaces) the mapping of one source; the row's id and whether it replaced one. */
export async function saveMapping(
  db: Db,
  row: {
    entityId: string;
    kind: string;
    fingerprint: string;
    mapping: ColumnMapping[];
    userId: string;
    at: string;
  },
): Promise<{ id: string; before: ColumnMapping[] | null }> {
  const existing = await db
    .selectFrom('import_mapping')
    .select(['id', 'mapping'])
    .where('entity_id', '=', row.entityId)
    .where('kind', '=', row.kind)
    .where('fingerprint', '=', row.fingerprint)
    .executeTakeFirst();
  const values = { mapping: writeJson(row.mapping), updated_by: row.userId, updated_at: row.at };
  if (existing) {
    await db.updateTable('import_mapping').set(values).where('id', '=', existing.id).execute();
    return { id: existing.id, before: readJson<ColumnMapping[]>(existing.mapping, []) };
  }
  const id = newId();
  await db
    .insertInto('import_mapping')
    .values({ id, entity_id: row.entityId, kind: row.kind, fingerprint: row.fingerprint, ...values })
    .execute();
  return { id, before: null };
}
