import type { MigrationSet } from '../../db/index.js';
import * as init from './migrations/20261130_000700_forms_init.js';
import * as submissions from './migrations/20261130_000800_form_submissions.js';

export const formsMigrations: MigrationSet = {
  '20261130_000700_forms_init': init,
  '20261130_000800_form_submissions': submissions,
};
