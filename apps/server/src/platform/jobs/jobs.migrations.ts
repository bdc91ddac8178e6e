import type { MigrationSet } from '../../db/index.js';
import * as init from './migrations/20261129_000400_jobs_init.js';
import * as cron from './migrations/20261204_000400_job_schedule_cron.js';
import * as progress from './migrations/20261207_000400_job_progress.js';

export const jobsMigrations: MigrationSet = {
  '20261129_000400_jobs_init': init,
  '20261204_000400_job_schedule_cron': cron,
  '20261207_000400_job_progress': progress,
};
