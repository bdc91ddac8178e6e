import type { AuditEventSet } from '../audit/index.js';

export const formsAuditEvents: AuditEventSet = {
  form_definition: {
    label: { 'zh-CN': '表单定义', 'en-US': 'Form definition' },
    actions: {
      create: { 'zh-CN': '新增', 'en-US': 'Created' },
      update: { 'zh-CN': '修改', 'en-US': 'Updated' },
      delete: { 'zh-CN': '删除', 'en-US': 'Deleted' },
    },
  },
};
