import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';

/** Each module exports its migrations keyed by a timestamped name, e.g. `20261129_0001_org_init`. */
export type MigrationSet = Record<string, Migration>;

class CollectedMigrations implements MigrationProvider {
  constructor(private readonly sets: MigrationSet[]) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const all: Record<string, Migration> = {};
    for (const set of this.sets) {
      for (const [name, migration] of Object.entries(set)) {
        if (all[name]) throw new Error(`Two modules declare the migration "${name}"`);
        all[name] = migration;
      }
    }
    return all;
  }
}

/**
 * Applies every pending migration. `schema` (PostgreSQL) keeps Kysely's bookkeeping tables in the
 * same schema as the data; without it Kysely may find another schema's tables and skip its own.
 */
export async function migrateToLatest(
  db: Kysely<any>,
  sets: MigrationSet[],
  options: { schema?: string } = {},
): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: new CollectedMigrations(sets),
    ...(options.schema ? { migrationTableSchema: options.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
