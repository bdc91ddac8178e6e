import type { MigrationSet } from '../../db/index.js';
import * as init from './migrations/20261129_000300_audit_init.js';

export const auditMigrations: MigrationSet = { '20261129_000300_audit_init': init };
