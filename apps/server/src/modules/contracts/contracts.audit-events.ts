import { contractStatusSchema, settlementStatuses } from '@concord/contracts';
import { z } from 'zod';
import {
  type AuditEventSet,
  type AuditLabel,
  auditFields,
  auditRecord,
  auditValue as v,
  label,
} from '../../platform/audit/index.js';

/** How an approval through the engine ended, as the document records it. */
const approvalOutcomes: Record<'approved' | 'rejected' | 'withdrawn', AuditLabel> = {
  approved: label('审批通过', 'Approved'),
  rejected: label('审批驳回', 'Rejected'),
  withdrawn: label('撤回审批', 'Withdrawn'),
};

/** Parsed JSON (an object or a list), never its text: both dialects must record the same value. */
const json = z.union([z.array(z.unknown()), z.record(z.string(), z.unknown())]);
const list = z.array(z.unknown());
const status = { status: v.text };

/**
 * A contract as registered (`auditable`) and what its lifecycle, plan, settlement and invoice
 * links record; fields of the plan fitted to a settlement are `planItem.<seq>.amount`.
 */
const contractFields = auditFields({
  number: v.text,
  name: v.text,
  categoryId: v.id,
  partnerId: v.id,
  partnerName: v.text,
  partnerBank: json,
  entityId: v.id,
  departmentId: v.id,
  ownerId: v.id,
  amount: v.integer,
  taxRate: v.integer,
  taxExemption: v.text,
  taxAmount: v.integer,
  currency: v.text,
  signDate: v.date,
  startDate: v.date,
  endDate: v.date,
  planLineId: v.id,
  projectRef: v.text,
  budgetRef: v.text,
  body: v.text,
  attachments: list,
  customData: json,
  status: contractStatusSchema,
  statusReason: v.text,
  version: v.integer,
  signedAmount: v.integer,
  schedule: list,
  settledAmount: v.integer,
});
/** An invoice split across plan items records its parts: [{ planItemId, amount }]. */
const invoiceLink = auditFields({
  usageId: v.id,
  invoiceId: v.id,
  planItemId: v.id,
  amount: v.integer,
  allocations: list,
});
const planFit = z.record(z.string().regex(/^planItem\.\d+\.amount$/), v.integer.nullable());

const paymentFields = auditFields({
  contractId: v.id,
  kind: v.text,
  number: v.text,
  planItemId: v.id,
  amount: v.integer,
  status: v.text,
  refundOfId: v.id,
  purpose: v.text,
  paidOn: v.date,
  bankAccount: v.text,
  method: v.text,
  reference: v.text,
  overrideReason: v.text,
  overrideBy: v.id,
  idempotencyKey: v.text,
  instanceId: v.id,
  reason: v.text,
});

/** Categories and plan lines record their columns as stored, JSON columns parsed. */
const categoryFields = auditFields({
  id: v.id,
  parent_id: v.id,
  code: v.text,
  name: v.text,
  description: v.text,
  direction: v.text,
  direction_inherited: v.flag,
  active: v.flag,
  sort_order: v.integer,
  number_rule_id: v.id,
  flow_key: v.text,
  expiry_reminder_days: v.integer,
  required_attachment_types: v.texts,
  fields: list,
  evaluation_criteria: json,
  created_at: v.instant,
  updated_at: v.instant,
});
const planLineFields = auditFields({
  id: v.id,
  entity_id: v.id,
  department_id: v.id,
  category_id: v.id,
  year: v.integer,
  name: v.text,
  direction: v.text,
  currency: v.text,
  planned_amount: v.integer,
  project_ref: v.text,
  note: v.text,
  lock_version: v.integer,
  created_by: v.id,
  created_at: v.instant,
  updated_at: v.instant,
});

export const contractsAuditEvents: AuditEventSet = {
  contract: auditRecord(
    '合同',
    'Contract',
    {
      create: label('登记', 'Registered'),
      update: label('编辑', 'Edited'),
      import: label('导入', 'Imported'),
      submit: label('提交审批', 'Submitted for approval'),
      ...approvalOutcomes,
      approval_edit: label('审批中修改', 'Edited in approval'),
      sign: label('签订', 'Signed'),
      complete: label('完成', 'Completed'),
      terminate: label('终止', 'Terminated'),
      void: label('作废', 'Voided'),
      change: label('变更生效', 'Change applied'),
      schedule: label('修改收付款计划', 'Payment plan updated'),
      change_schedule: label('变更收付款计划', 'Payment plan changed'),
      settle: label('结算', 'Settled'),
      plan_fit_to_settlement: label('按结算调整付款计划', 'Plan fitted to the settlement'),
      'invoice.link': label('关联发票', 'Invoice linked'),
      'invoice.release': label('解除发票', 'Invoice released'),
      past_due_repair: label('核对后修正逾期金额', 'Past-due figures corrected after a check'),
    },
    ['delete'],
    {
      '*': contractFields,
      past_due_repair: auditFields({ past_due_open_amount: v.integer, past_due_open_items: v.integer }),
      'invoice.link': invoiceLink,
      'invoice.release': invoiceLink,
      plan_fit_to_settlement: planFit,
    },
  ),
  contract_change: auditRecord('合同变更', 'Contract change', approvalOutcomes, ['create'], {
    // The changed fields before and as proposed; each outcome records the change's status.
    '*': auditFields(status),
    create: auditFields({
      contractId: v.id,
      number: v.text,
      kind: v.text,
      reason: v.text,
      before: json,
      proposed: json,
      instanceId: v.id,
    }),
  }),
  contract_category: auditRecord('合同分类', 'Contract category', {}, undefined, { '*': categoryFields }),
  contract_plan_line: auditRecord('合同计划', 'Contract plan line', {}, undefined, { '*': planLineFields }),
  contract_archive: auditRecord(
    '合同归档',
    'Contract archive',
    { create: label('归档', 'Archived') },
    ['update'],
    {
      '*': auditFields({
        archivedDate: v.date,
        archivistId: v.id,
        boxNumber: v.text,
        copies: v.integer,
        location: v.text,
        note: v.text,
      }),
    },
  ),
  contract_borrow: auditRecord(
    '合同借阅',
    'Contract borrowing',
    { borrow: label('借阅', 'Borrowed'), return: label('归还', 'Returned') },
    [],
    {
      borrow: auditFields({
        contractId: v.id,
        borrowerId: v.id,
        borrowedDate: v.date,
        dueDate: v.date,
        purpose: v.text,
      }),
      return: auditFields({ returnedDate: v.date, returnNote: v.text }),
    },
  ),
  contract_seal_request: auditRecord(
    '用印申请',
    'Seal request',
    { request: label('申请', 'Requested'), used: label('已用印', 'Seal used') },
    ['status'],
    {
      '*': auditFields({
        contractId: v.id,
        contractVersion: v.integer,
        sealType: v.text,
        copies: v.integer,
        purpose: v.text,
        instanceId: v.id,
        status: v.text,
        usedDate: v.date,
      }),
    },
  ),
  contract_payment: auditRecord(
    '合同收付款',
    'Contract payment',
    {
      request: label('付款申请', 'Payment requested'),
      pay: label('付款', 'Paid'),
      receive: label('收款', 'Received'),
      refund: label('退款', 'Refunded'),
      cancel: label('取消', 'Canceled'),
    },
    ['status'],
    { '*': paymentFields },
  ),
  contract_delivery: auditRecord(
    '交付验收',
    'Delivery',
    { accept: label('验收通过', 'Accepted'), reject: label('验收不通过', 'Rejected') },
    ['create'],
    {
      '*': auditFields({
        contractId: v.id,
        planItemId: v.id,
        planItemName: v.text,
        description: v.text,
        quantity: v.text,
        unit: v.text,
        deliveredAmount: v.integer,
        deliveredOn: v.date,
        fileIds: v.ids,
        status: v.text,
        acceptedAmount: v.integer,
        acceptedOn: v.date,
        acceptanceNote: v.text,
        acceptanceFileIds: v.ids,
      }),
    },
  ),
  contract_settlement: auditRecord(
    '合同结算',
    'Settlement',
    { 'release-retention': label('释放质保金', 'Retention released') },
    ['create', 'status'],
    {
      '*': auditFields({
        contractId: v.id,
        finalAmount: v.integer,
        deductions: list,
        deductionTotal: v.integer,
        settledAmount: v.integer,
        retentionAmount: v.integer,
        retentionReleaseDate: v.date,
        instanceId: v.id,
        status: z.enum(settlementStatuses),
        retentionReleasedOn: v.date,
        releaseNote: v.text,
        /** Released before this due date (an override). */
        releasedBeforeDue: v.date,
      }),
    },
  ),
  contract_evaluation: auditRecord(
    '合同评价',
    'Contract evaluation',
    { create: label('评价', 'Evaluated') },
    [],
    {
      create: auditFields({
        contractId: v.id,
        partnerId: v.id,
        scores: list,
        totalScore: v.integer,
        grade: v.text,
        comment: v.text,
      }),
    },
  ),
  contract_execution_setting: auditRecord('履约设置', 'Execution settings', {}, undefined, {
    '*': auditFields({
      toleranceAmount: v.integer,
      toleranceRate: v.integer,
      remindBeforeDays: z.array(v.integer),
      ownerAfterDays: v.integer,
      headAfterDays: v.integer,
      financeAfterDays: v.integer,
    }),
  }),
};
