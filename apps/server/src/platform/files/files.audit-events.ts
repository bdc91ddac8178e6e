import { type AuditEventSet, auditRecord, label } from '../audit/index.js';

export const filesAuditEvents: AuditEventSet = {
  file: auditRecord('附件', 'Attachment', { create: label('上传', 'Uploaded') }, []),
};
