import type { MigrationSet } from '../../db/index.js';
import * as init from './migrations/20261201_000060_partners_init.js';

export const partnersMigrations: MigrationSet = {
  '20261201_000060_partners_init': init,
};
