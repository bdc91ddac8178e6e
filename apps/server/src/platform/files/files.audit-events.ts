import type { AuditEventSet } from '../audit/index.js';

export const filesAuditEvents: AuditEventSet = {
  file: {
    label: { 'zh-CN': '附件', 'en-US': 'Attachment' },
    actions: { create: { 'zh-CN': '上传', 'en-US': 'Uploaded' } },
  },
};
