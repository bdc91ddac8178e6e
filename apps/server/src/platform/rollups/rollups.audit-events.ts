import { type AuditEventSet, auditFields, auditRecord, auditValue as v, label } from '../audit/index.js';

export const rollupsAuditEvents: AuditEventSet = {
  rollup: auditRecord('汇总表', 'Rollup', { repair: label('核对后重建', 'Rebuilt after a check') }, [], {
    repair: auditFields({ table: v.text, driftedBuckets: v.integer }),
  }),
};
