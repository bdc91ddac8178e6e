import { type AuditEventSet, auditRecord, label } from '../../platform/audit/index.js';

export const invoicesAuditEvents: AuditEventSet = {
  invoice: auditRecord(
    '发票',
    'Invoice',
    {
      create: label('登记', 'Registered'),
      use: label('使用', 'Used'),
      release: label('释放', 'Use released'),
      void: label('作废', 'Voided'),
    },
    [],
  ),
};
