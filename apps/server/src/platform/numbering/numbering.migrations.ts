import type { MigrationSet } from '../../db/index.js';
import * as init from './migrations/20261201_000050_numbering_init.js';

export const numberingMigrations: MigrationSet = {
  '20261201_000050_numbering_init': init,
};
