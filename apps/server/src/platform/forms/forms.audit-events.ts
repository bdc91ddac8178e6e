import { type AuditEventSet, auditRecord } from '../audit/index.js';

export const formsAuditEvents: AuditEventSet = {
  form_definition: auditRecord('表单定义', 'Form definition'),
};
