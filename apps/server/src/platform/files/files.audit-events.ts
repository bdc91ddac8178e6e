import { type AuditEventSet, auditFields, auditRecord, auditValue as v, label } from '../audit/index.js';

export const filesAuditEvents: AuditEventSet = {
  file: auditRecord('附件', 'Attachment', { create: label('上传', 'Uploaded') }, [], {
    // The stored row of `file_object`.
    create: auditFields({
      id: v.id,
      entity_id: v.id,
      owner_id: v.id,
      name: v.text,
      content_type: v.text,
      size: v.integer,
      sha256: v.text,
      created_at: v.instant,
      owner_only: v.flag,
    }),
  }),
};
