import { type AuditEventSet, auditFields, auditRecord, auditValue as v } from '../audit/index.js';

export const numberingAuditEvents: AuditEventSet = {
  numbering_rule: auditRecord('编号规则', 'Numbering rule', {}, ['create', 'update'], {
    '*': auditFields({
      code: v.text,
      name: v.text,
      pattern: v.text,
      prefix: v.text,
      seqWidth: v.integer,
      reset: v.text,
      active: v.flag,
      description: v.text,
    }),
  }),
};
