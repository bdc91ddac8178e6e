import type { Kysely } from 'kysely';
import { columnTypes } from '../../../db/index.js';

/*
 * How a company's own import file maps onto an import's fields, saved per source: the header's
 * fingerprint (its normalised column names) finds the mapping again when next month's file comes.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('import_mapping')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('entity_id', t.id, (c) => c.notNull().references('org_entity.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('mapping', t.json, (c) => c.notNull())
    .addColumn('updated_by', t.id, (c) => c.notNull().references('org_user.id'))
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('import_mapping_source')
    .on('import_mapping')
    .columns(['entity_id', 'kind', 'fingerprint'])
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('import_mapping').execute();
}
