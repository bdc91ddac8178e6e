import type { AuditEventSet } from '../audit/index.js';

export const numberingAuditEvents: AuditEventSet = {
  numbering_rule: {
    label: { 'zh-CN': '编号规则', 'en-US': 'Numbering rule' },
    actions: {
      create: { 'zh-CN': '新增', 'en-US': 'Created' },
      update: { 'zh-CN': '修改', 'en-US': 'Updated' },
    },
  },
};
