import { partnerKinds, partnerRatings, partnerTypes } from '@concord/contracts';
import { z } from 'zod';
import {
  type AuditEventSet,
  auditFields,
  auditRecord,
  auditValue as v,
  label,
} from '../../platform/audit/index.js';

/** The partner itself (`partnerSnapshot`); blacklisting adds the reason given. */
const partnerFields = {
  name: v.text,
  creditCode: v.text,
  kinds: z.array(z.enum(partnerKinds)),
  type: z.enum(partnerTypes),
  industry: v.text,
  region: v.text,
  address: v.text,
  rating: z.enum(partnerRatings),
  remarks: v.text,
  entityId: v.id,
  sharedWithGroup: v.flag,
  blacklisted: v.flag,
  blacklistReason: v.text,
};
const blacklisting = auditFields({ ...partnerFields, reason: v.text });
const bankAccount = auditFields({
  accountId: v.id,
  bankName: v.text,
  accountName: v.text,
  accountNumber: v.text,
  isDefault: v.flag,
});
const contact = auditFields({
  contactId: v.id,
  contactName: v.text,
  role: v.text,
  position: v.text,
  phone: v.text,
  email: v.text,
});
const qualification = auditFields({
  qualificationId: v.id,
  qualificationType: v.text,
  number: v.text,
  validFrom: v.date,
  validTo: v.date,
  attachmentFileId: v.id,
});

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
    {
      '*': auditFields(partnerFields),
      blacklist: blacklisting,
      restore: blacklisting,
      addBankAccount: bankAccount,
      updateBankAccount: bankAccount,
      removeBankAccount: bankAccount,
      addContact: contact,
      updateContact: contact,
      removeContact: contact,
      addQualification: qualification,
      updateQualification: qualification,
      removeQualification: qualification,
    },
  ),
};
