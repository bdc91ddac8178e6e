import type { MigrationSet } from '../../db/index.js';
import * as mappings from './migrations/20261221_000100_import_mappings.js';

export const importsMigrations: MigrationSet = {
  '20261221_000100_import_mappings': mappings,
};
