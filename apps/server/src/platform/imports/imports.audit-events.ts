import { type AuditEventSet, auditFields, auditRecord, auditValue as v } from '../audit/index.js';

export const importsAuditEvents: AuditEventSet = {
  import_mapping: auditRecord('导入列映射', 'Import column mapping', {}, ['create', 'update'], {
    '*': auditFields({
      kind: v.text,
      fingerprint: v.text,
      /** "合同编号 ← A" per mapped field. */
      mapping: v.texts,
    }),
  }),
};
