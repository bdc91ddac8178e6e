import type { MigrationSet } from '../../db/index.js';
import * as init from './migrations/20261201_000060_partners_init.js';
import * as ratingHistory from './migrations/20261202_000200_partner_rating_history.js';

export const partnersMigrations: MigrationSet = {
  '20261201_000060_partners_init': init,
  '20261202_000200_partner_rating_history': ratingHistory,
};
