export { auditModule } from './audit.module.js';
export {
  AuditEventCatalogue,
  type AuditEventSet,
  type AuditLabel,
  type AuditPayloads,
  auditRecord,
  commonAuditActions,
  label,
} from './audit.events.js';
export { type AuditPayload, auditFields, auditValue, redacted } from './audit.payloads.js';
export { type AuditRecordInput, AuditService } from './audit.service.js';
export { diffFields } from './audit.diff.js';
export { type ChainedFields, canonicalJson, entryHash } from './audit.hash.js';
export { type AuditKey, auditKeyOf } from './audit.key.js';
