import type { NotificationTemplate } from '../notifications/index.js';

/** Approval messages besides the platform's built-in pending/approved/rejected ones. */
export const workflowTemplates: Record<string, NotificationTemplate> = {
  'approval.reminder': {
    'zh-CN': { title: '催办：{subject}', body: '“{subject}”仍在等待您审批，请尽快处理。' },
    'en-US': { title: 'Reminder: {subject}', body: '"{subject}" is still waiting for your approval.' },
  },
  'approval.emptyApprover': {
    'zh-CN': {
      title: '审批人为空，转交给您：{subject}',
      body: '{applicant} 提交的“{subject}”在“{node}”节点没有找到审批人，按流程设置转交给您（流程管理员）。请审批，或转交给应当审批的人。',
    },
    'en-US': {
      title: 'No approver found, handed to you: {subject}',
      body: 'No approver was found for "{node}" of "{subject}" submitted by {applicant}, so it comes to you as the flow administrator. Decide it, or transfer it to the person who should.',
    },
  },
  'approval.taskCanceled': {
    'zh-CN': { title: '无需处理：{subject}', body: '“{subject}”已由他人处理或已结束，您的待办已取消。' },
    'en-US': {
      title: 'No action needed: {subject}',
      body: '"{subject}" was decided by someone else or ended; your task was cancelled.',
    },
  },
  'approval.cc': {
    'zh-CN': { title: '抄送：{subject}', body: '{applicant} 提交的“{subject}”抄送给您。' },
    'en-US': { title: 'For your information: {subject}', body: '{applicant} copied you on "{subject}".' },
  },
  'approval.returned': {
    'zh-CN': { title: '已退回：{subject}', body: '“{subject}”被退回：{reason}' },
    'en-US': { title: 'Returned: {subject}', body: '"{subject}" was returned: {reason}' },
  },
  'approval.canceled': {
    'zh-CN': { title: '已撤回：{subject}', body: '“{subject}”已被发起人撤回。' },
    'en-US': { title: 'Withdrawn: {subject}', body: '"{subject}" was withdrawn by its initiator.' },
  },
  'approval.error': {
    'zh-CN': { title: '审批出错：{subject}', body: '“{subject}”的审批流程出错，需要管理员处理。' },
    'en-US': {
      title: 'Approval error: {subject}',
      body: 'The approval of "{subject}" hit an error and needs an administrator.',
    },
  },
};
