import { type AuditEventSet, auditRecord, label } from '../../platform/audit/index.js';

export const partnersAuditEvents: AuditEventSet = {
  partner: auditRecord(
    '合作方',
    'Partner',
    {
      create: label('登记', 'Registered'),
      rate: label('评级', 'Rated'),
      blacklist: label('列入黑名单', 'Blacklisted'),
      restore: label('解除黑名单', 'Restored'),
      addBankAccount: label('新增银行账户', 'Bank account added'),
      updateBankAccount: label('修改银行账户', 'Bank account updated'),
      removeBankAccount: label('删除银行账户', 'Bank account removed'),
      addContact: label('新增联系人', 'Contact added'),
      updateContact: label('修改联系人', 'Contact updated'),
      removeContact: label('删除联系人', 'Contact removed'),
      addQualification: label('新增资质', 'Qualification added'),
      updateQualification: label('修改资质', 'Qualification updated'),
      removeQualification: label('删除资质', 'Qualification removed'),
    },
    ['update'],
  ),
};
