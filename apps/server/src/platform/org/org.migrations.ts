import type { MigrationSet } from '../../db/index.js';
import * as init from './migrations/20261129_000100_org_init.js';

export const orgMigrations: MigrationSet = { '20261129_000100_org_init': init };
