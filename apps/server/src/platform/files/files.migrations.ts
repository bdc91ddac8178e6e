import type { MigrationSet } from '../../db/index.js';
import * as init from './migrations/20261130_000600_files_init.js';
import * as ownerOnly from './migrations/20261207_000600_file_owner_only.js';

export const filesMigrations: MigrationSet = {
  '20261130_000600_files_init': init,
  '20261207_000600_file_owner_only': ownerOnly,
};
