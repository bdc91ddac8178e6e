export { auditModule } from './audit.module.js';
export { type AuditRecordInput, AuditService } from './audit.service.js';
export { diffFields } from './audit.diff.js';
