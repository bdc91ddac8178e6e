import { z } from 'zod';
import { type AuditEventSet, auditFields, auditRecord, auditValue as v } from '../audit/index.js';

export const formsAuditEvents: AuditEventSet = {
  // The stored row of `form_definition`, its fields read from JSON.
  form_definition: auditRecord('表单定义', 'Form definition', {}, undefined, {
    '*': auditFields({
      id: v.id,
      code: v.text,
      name: v.text,
      description: v.text,
      entity_id: v.id,
      fields: z.array(z.record(z.string(), z.unknown())),
      amount_field: v.text,
      active: v.flag,
      created_at: v.instant,
      updated_at: v.instant,
    }),
  }),
};
