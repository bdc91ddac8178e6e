import type { WfActionName } from '@concord/contracts';
import { type AuditEventSet, type AuditLabel, auditRecord, label } from '../audit/index.js';

/** The approval actions as the approval centre names them. */
const approvalActions: Record<WfActionName, AuditLabel> = {
  approve: label('同意', 'Approved'),
  reject: label('拒绝', 'Rejected'),
  return: label('退回', 'Returned'),
  transfer: label('转交', 'Transferred'),
  addSign: label('加签', 'Approver added'),
  removeSign: label('减签', 'Approver removed'),
  delegate: label('委派', 'Delegated'),
  delegateReply: label('回复委派', 'Delegation answered'),
  unapprove: label('撤回审批', 'Approval undone'),
  withdraw: label('撤回', 'Withdrawn'),
  remind: label('催办', 'Reminded'),
  addCc: label('抄送', 'CC added'),
  resubmit: label('重新提交', 'Resubmitted'),
};

export const workflowAuditEvents: AuditEventSet = {
  workflow_definition: auditRecord('审批流程', 'Approval flow', { publish: label('发布', 'Published') }, [
    'create',
    'update',
  ]),
  workflow_instance: auditRecord(
    '审批',
    'Approval',
    { submit: label('发起', 'Started'), ...approvalActions },
    [],
  ),
  workflow_proxy_rule: auditRecord('代理规则', 'Proxy rule', {}, ['create', 'delete']),
  form_submission: auditRecord('表单申请', 'Form request', { submit: label('提交', 'Submitted') }, [
    'status',
  ]),
};
