import type { WfActionName } from '@concord/contracts';
import type { AuditEventSet, AuditLabel } from '../audit/index.js';

const created = { 'zh-CN': '新增', 'en-US': 'Created' };
const deleted = { 'zh-CN': '删除', 'en-US': 'Deleted' };

/** The approval actions as the approval centre names them. */
const approvalActions: Record<WfActionName, AuditLabel> = {
  approve: { 'zh-CN': '同意', 'en-US': 'Approved' },
  reject: { 'zh-CN': '拒绝', 'en-US': 'Rejected' },
  return: { 'zh-CN': '退回', 'en-US': 'Returned' },
  transfer: { 'zh-CN': '转交', 'en-US': 'Transferred' },
  addSign: { 'zh-CN': '加签', 'en-US': 'Approver added' },
  removeSign: { 'zh-CN': '减签', 'en-US': 'Approver removed' },
  delegate: { 'zh-CN': '委派', 'en-US': 'Delegated' },
  delegateReply: { 'zh-CN': '回复委派', 'en-US': 'Delegation answered' },
  unapprove: { 'zh-CN': '撤回审批', 'en-US': 'Approval undone' },
  withdraw: { 'zh-CN': '撤回', 'en-US': 'Withdrawn' },
  remind: { 'zh-CN': '催办', 'en-US': 'Reminded' },
  addCc: { 'zh-CN': '抄送', 'en-US': 'CC added' },
  resubmit: { 'zh-CN': '重新提交', 'en-US': 'Resubmitted' },
};

export const workflowAuditEvents: AuditEventSet = {
  workflow_definition: {
    label: { 'zh-CN': '审批流程', 'en-US': 'Approval flow' },
    actions: {
      create: created,
      update: { 'zh-CN': '修改', 'en-US': 'Updated' },
      publish: { 'zh-CN': '发布', 'en-US': 'Published' },
    },
  },
  workflow_instance: {
    label: { 'zh-CN': '审批', 'en-US': 'Approval' },
    actions: { submit: { 'zh-CN': '发起', 'en-US': 'Started' }, ...approvalActions },
  },
  workflow_proxy_rule: {
    label: { 'zh-CN': '代理规则', 'en-US': 'Proxy rule' },
    actions: { create: created, delete: deleted },
  },
  form_submission: {
    label: { 'zh-CN': '表单申请', 'en-US': 'Form request' },
    actions: {
      submit: { 'zh-CN': '提交', 'en-US': 'Submitted' },
      status: { 'zh-CN': '状态变更', 'en-US': 'Status changed' },
    },
  },
};
