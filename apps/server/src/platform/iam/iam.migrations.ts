import type { MigrationSet } from '../../db/index.js';
import * as init from './migrations/20261129_000200_iam_init.js';

export const iamMigrations: MigrationSet = { '20261129_000200_iam_init': init };
