import type { MigrationSet } from '../../db/index.js';
import * as init from './migrations/20261129_000500_notifications_init.js';

export const notificationsMigrations: MigrationSet = { '20261129_000500_notifications_init': init };
