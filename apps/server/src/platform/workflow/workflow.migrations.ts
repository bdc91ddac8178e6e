import type { MigrationSet } from '../../db/index.js';
import * as init from './migrations/20261129_000600_workflow_init.js';
import * as proxy from './migrations/20261129_000610_workflow_proxy.js';
import * as currency from './migrations/20261204_000700_workflow_currency.js';
import * as doneIndex from './migrations/20261215_000100_workflow_done_index.js';
import * as descIndexes from './migrations/20261216_000100_workflow_desc_indexes.js';

export const workflowMigrations: MigrationSet = {
  '20261129_000600_workflow_init': init,
  '20261129_000610_workflow_proxy': proxy,
  '20261204_000700_workflow_currency': currency,
  '20261215_000100_workflow_done_index': doneIndex,
  '20261216_000100_workflow_desc_indexes': descIndexes,
};
