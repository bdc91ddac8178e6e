import { type WfActionName, wfInstanceStatusSchema } from '@concord/contracts';
import { z } from 'zod';
import {
  type AuditEventSet,
  type AuditLabel,
  auditFields,
  auditRecord,
  auditValue as v,
  label,
} from '../audit/index.js';

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

/** A definition without its versions; the draft only as whether one is saved. */
const definitionFields = auditFields({
  id: v.id,
  key: v.text,
  name: v.text,
  businessType: v.text,
  entityId: v.id,
  category: v.text,
  minAmount: v.integer,
  maxAmount: v.integer,
  amountCurrency: v.text,
  priority: v.integer,
  active: v.flag,
  currentVersion: v.integer,
  hasUnpublishedChanges: v.flag,
  draftFlow: z.literal('saved'),
});

export const workflowAuditEvents: AuditEventSet = {
  workflow_definition: auditRecord(
    '审批流程',
    'Approval flow',
    { publish: label('发布', 'Published') },
    ['create', 'update'],
    { '*': definitionFields, publish: auditFields({ version: v.integer }) },
  ),
  // Every action records the instance's status before and after it.
  workflow_instance: auditRecord(
    '审批',
    'Approval',
    {
      submit: label('发起', 'Started'),
      handover: label('离职交接', 'Handed over (user left)'),
      ...approvalActions,
    },
    [],
    { '*': auditFields({ status: wfInstanceStatusSchema }) },
  ),
  workflow_proxy_rule: auditRecord('代理规则', 'Proxy rule', {}, ['create', 'delete'], {
    '*': auditFields({ userId: v.id, proxyId: v.id, startAt: v.instant, endAt: v.instant }),
  }),
  form_submission: auditRecord(
    '表单申请',
    'Form request',
    { submit: label('提交', 'Submitted') },
    ['status'],
    {
      submit: auditFields({
        formId: v.id,
        data: z.record(z.string(), z.unknown()),
        amount: v.integer,
        instanceId: v.id,
      }),
      status: auditFields({ status: v.text }),
    },
  ),
};
