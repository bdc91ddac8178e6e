import type { MigrationSet } from '../../db/index.js';
import * as init from './migrations/20261130_000600_files_init.js';

export const filesMigrations: MigrationSet = { '20261130_000600_files_init': init };
