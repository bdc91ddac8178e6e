import { type AuditEventSet, auditRecord } from '../audit/index.js';

export const numberingAuditEvents: AuditEventSet = {
  numbering_rule: auditRecord('编号规则', 'Numbering rule', {}, ['create', 'update']),
};
