export { auditMigrations } from './audit.migrations.js';
export { auditRoutes } from './audit.routes.js';
export { type AuditRecordInput, AuditService } from './audit.service.js';
export { diffFields } from './audit.diff.js';
