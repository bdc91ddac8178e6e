import { type AuditEventSet, auditFields, auditRecord, auditValue as v, label } from '../audit/index.js';

/** A user starting a background job of theirs (an export or an import of a ledger). */
export const jobsAuditEvents: AuditEventSet = {
  job: auditRecord('后台任务', 'Background job', { start: label('发起', 'Started') }, [], {
    start: auditFields({
      type: v.text,
      /** What it works on, as the user asked: the ledger's filters, or the uploaded file. */
      query: v.text,
      file_id: v.id,
      mode: v.text,
      /** The rows counted when it started (at least this many). */
      rows: v.integer,
    }),
  }),
};
