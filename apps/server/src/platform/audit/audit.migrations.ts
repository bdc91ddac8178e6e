import type { MigrationSet } from '../../db/index.js';
import * as init from './migrations/20261129_000300_audit_init.js';
import * as keyedChain from './migrations/20261220_000100_audit_keyed_chain.js';

export const auditMigrations: MigrationSet = {
  '20261129_000300_audit_init': init,
  '20261220_000100_audit_keyed_chain': keyedChain,
};
