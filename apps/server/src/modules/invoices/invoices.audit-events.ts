import type { AuditEventSet } from '../../platform/audit/index.js';

export const invoicesAuditEvents: AuditEventSet = {
  invoice: {
    label: { 'zh-CN': '发票', 'en-US': 'Invoice' },
    actions: {
      create: { 'zh-CN': '登记', 'en-US': 'Registered' },
      use: { 'zh-CN': '使用', 'en-US': 'Used' },
      release: { 'zh-CN': '释放', 'en-US': 'Use released' },
      void: { 'zh-CN': '作废', 'en-US': 'Voided' },
    },
  },
};
