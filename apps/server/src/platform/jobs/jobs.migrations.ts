import type { MigrationSet } from '../../db/index.js';
import * as init from './migrations/20261129_000400_jobs_init.js';

export const jobsMigrations: MigrationSet = { '20261129_000400_jobs_init': init };
