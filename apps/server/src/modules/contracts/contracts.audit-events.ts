import { type AuditEventSet, type AuditLabel, auditRecord, label } from '../../platform/audit/index.js';

/** How an approval through the engine ended, as the document records it. */
const approvalOutcomes: Record<'approved' | 'rejected' | 'withdrawn', AuditLabel> = {
  approved: label('审批通过', 'Approved'),
  rejected: label('审批驳回', 'Rejected'),
  withdrawn: label('撤回审批', 'Withdrawn'),
};

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
    },
    ['delete'],
  ),
  contract_change: auditRecord('合同变更', 'Contract change', approvalOutcomes, ['create']),
  contract_category: auditRecord('合同分类', 'Contract category'),
  contract_plan_line: auditRecord('合同计划', 'Contract plan line'),
  contract_archive: auditRecord('合同归档', 'Contract archive', { create: label('归档', 'Archived') }, [
    'update',
  ]),
  contract_borrow: auditRecord(
    '合同借阅',
    'Contract borrowing',
    { borrow: label('借阅', 'Borrowed'), return: label('归还', 'Returned') },
    [],
  ),
  contract_seal_request: auditRecord(
    '用印申请',
    'Seal request',
    { request: label('申请', 'Requested'), used: label('已用印', 'Seal used') },
    ['status'],
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
  ),
  contract_delivery: auditRecord(
    '交付验收',
    'Delivery',
    { accept: label('验收通过', 'Accepted'), reject: label('验收不通过', 'Rejected') },
    ['create'],
  ),
  contract_settlement: auditRecord(
    '合同结算',
    'Settlement',
    { 'release-retention': label('释放质保金', 'Retention released') },
    ['create', 'status'],
  ),
  contract_evaluation: auditRecord(
    '合同评价',
    'Contract evaluation',
    { create: label('评价', 'Evaluated') },
    [],
  ),
  contract_execution_setting: auditRecord('履约设置', 'Execution settings'),
};
