import type { AuditEventSet } from '../../platform/audit/index.js';

export const partnersAuditEvents: AuditEventSet = {
  partner: {
    label: { 'zh-CN': '合作方', 'en-US': 'Partner' },
    actions: {
      create: { 'zh-CN': '登记', 'en-US': 'Registered' },
      update: { 'zh-CN': '修改', 'en-US': 'Updated' },
      rate: { 'zh-CN': '评级', 'en-US': 'Rated' },
      blacklist: { 'zh-CN': '列入黑名单', 'en-US': 'Blacklisted' },
      restore: { 'zh-CN': '解除黑名单', 'en-US': 'Restored' },
      addBankAccount: { 'zh-CN': '新增银行账户', 'en-US': 'Bank account added' },
      updateBankAccount: { 'zh-CN': '修改银行账户', 'en-US': 'Bank account updated' },
      removeBankAccount: { 'zh-CN': '删除银行账户', 'en-US': 'Bank account removed' },
      addContact: { 'zh-CN': '新增联系人', 'en-US': 'Contact added' },
      updateContact: { 'zh-CN': '修改联系人', 'en-US': 'Contact updated' },
      removeContact: { 'zh-CN': '删除联系人', 'en-US': 'Contact removed' },
      addQualification: { 'zh-CN': '新增资质', 'en-US': 'Qualification added' },
      updateQualification: { 'zh-CN': '修改资质', 'en-US': 'Qualification updated' },
      removeQualification: { 'zh-CN': '删除资质', 'en-US': 'Qualification removed' },
    },
  },
};
