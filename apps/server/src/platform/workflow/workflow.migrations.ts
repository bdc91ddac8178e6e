import type { MigrationSet } from '../../db/index.js';
import * as init from './migrations/20261129_000600_workflow_init.js';

export const workflowMigrations: MigrationSet = { '20261129_000600_workflow_init': init };
