import type { AuditEventSet, AuditLabel } from '../../platform/audit/index.js';

const created = { 'zh-CN': '新增', 'en-US': 'Created' };
const updated = { 'zh-CN': '修改', 'en-US': 'Updated' };
const deleted = { 'zh-CN': '删除', 'en-US': 'Deleted' };
const status = { 'zh-CN': '状态变更', 'en-US': 'Status changed' };
/** How an approval through the engine ended, as the document records it. */
const approvalOutcomes: Record<'approved' | 'rejected' | 'withdrawn', AuditLabel> = {
  approved: { 'zh-CN': '审批通过', 'en-US': 'Approved' },
  rejected: { 'zh-CN': '审批驳回', 'en-US': 'Rejected' },
  withdrawn: { 'zh-CN': '撤回审批', 'en-US': 'Withdrawn' },
};

export const contractsAuditEvents: AuditEventSet = {
  contract: {
    label: { 'zh-CN': '合同', 'en-US': 'Contract' },
    actions: {
      create: { 'zh-CN': '登记', 'en-US': 'Registered' },
      update: { 'zh-CN': '编辑', 'en-US': 'Edited' },
      delete: deleted,
      import: { 'zh-CN': '导入', 'en-US': 'Imported' },
      submit: { 'zh-CN': '提交审批', 'en-US': 'Submitted for approval' },
      ...approvalOutcomes,
      approval_edit: { 'zh-CN': '审批中修改', 'en-US': 'Edited in approval' },
      sign: { 'zh-CN': '签订', 'en-US': 'Signed' },
      complete: { 'zh-CN': '完成', 'en-US': 'Completed' },
      terminate: { 'zh-CN': '终止', 'en-US': 'Terminated' },
      void: { 'zh-CN': '作废', 'en-US': 'Voided' },
      change: { 'zh-CN': '变更生效', 'en-US': 'Change applied' },
      schedule: { 'zh-CN': '修改收付款计划', 'en-US': 'Payment plan updated' },
      change_schedule: { 'zh-CN': '变更收付款计划', 'en-US': 'Payment plan changed' },
      settle: { 'zh-CN': '结算', 'en-US': 'Settled' },
      plan_fit_to_settlement: { 'zh-CN': '按结算调整付款计划', 'en-US': 'Plan fitted to the settlement' },
      'invoice.link': { 'zh-CN': '关联发票', 'en-US': 'Invoice linked' },
      'invoice.release': { 'zh-CN': '解除发票', 'en-US': 'Invoice released' },
    },
  },
  contract_change: {
    label: { 'zh-CN': '合同变更', 'en-US': 'Contract change' },
    actions: { create: created, ...approvalOutcomes },
  },
  contract_category: {
    label: { 'zh-CN': '合同分类', 'en-US': 'Contract category' },
    actions: { create: created, update: updated, delete: deleted },
  },
  contract_plan_line: {
    label: { 'zh-CN': '合同计划', 'en-US': 'Contract plan line' },
    actions: { create: created, update: updated, delete: deleted },
  },
  contract_archive: {
    label: { 'zh-CN': '合同归档', 'en-US': 'Contract archive' },
    actions: { create: { 'zh-CN': '归档', 'en-US': 'Archived' }, update: updated },
  },
  contract_borrow: {
    label: { 'zh-CN': '合同借阅', 'en-US': 'Contract borrowing' },
    actions: {
      borrow: { 'zh-CN': '借阅', 'en-US': 'Borrowed' },
      return: { 'zh-CN': '归还', 'en-US': 'Returned' },
    },
  },
  contract_seal_request: {
    label: { 'zh-CN': '用印申请', 'en-US': 'Seal request' },
    actions: {
      request: { 'zh-CN': '申请', 'en-US': 'Requested' },
      used: { 'zh-CN': '已用印', 'en-US': 'Seal used' },
      status,
    },
  },
  contract_payment: {
    label: { 'zh-CN': '合同收付款', 'en-US': 'Contract payment' },
    actions: {
      request: { 'zh-CN': '付款申请', 'en-US': 'Payment requested' },
      pay: { 'zh-CN': '付款', 'en-US': 'Paid' },
      receive: { 'zh-CN': '收款', 'en-US': 'Received' },
      refund: { 'zh-CN': '退款', 'en-US': 'Refunded' },
      cancel: { 'zh-CN': '取消', 'en-US': 'Canceled' },
      status,
    },
  },
  contract_delivery: {
    label: { 'zh-CN': '交付验收', 'en-US': 'Delivery' },
    actions: {
      create: created,
      accept: { 'zh-CN': '验收通过', 'en-US': 'Accepted' },
      reject: { 'zh-CN': '验收不通过', 'en-US': 'Rejected' },
    },
  },
  contract_settlement: {
    label: { 'zh-CN': '合同结算', 'en-US': 'Settlement' },
    actions: {
      create: created,
      status,
      'release-retention': { 'zh-CN': '释放质保金', 'en-US': 'Retention released' },
    },
  },
  contract_evaluation: {
    label: { 'zh-CN': '合同评价', 'en-US': 'Contract evaluation' },
    actions: { create: { 'zh-CN': '评价', 'en-US': 'Evaluated' } },
  },
  contract_execution_setting: {
    label: { 'zh-CN': '履约设置', 'en-US': 'Execution settings' },
    actions: { create: created, update: updated, delete: deleted },
  },
};
