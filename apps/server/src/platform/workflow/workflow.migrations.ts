import type { MigrationSet } from '../../db/index.js';
import * as init from './migrations/20261129_000600_workflow_init.js';
import * as proxy from './migrations/20261129_000610_workflow_proxy.js';

export const workflowMigrations: MigrationSet = {
  '20261129_000600_workflow_init': init,
  '20261129_000610_workflow_proxy': proxy,
};
