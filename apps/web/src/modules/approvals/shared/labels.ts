import type { WfInstanceStatus } from '@concord/contracts';
import type { TFunction } from 'i18next';

/*
 * Readable names for the engine's codes. The server sends codes (statuses, log actions, reason
 * codes); the words live in the locale files so both languages stay complete. Codes the UI does not
 * know yet (a newer server) fall back to the raw code rather than showing nothing.
 */

export const instanceStatusColors: Record<WfInstanceStatus, string> = {
  DRAFT: 'default',
  RUNNING: 'processing',
  RETURNED: 'warning',
  APPROVED: 'success',
  REJECTED: 'error',
  CANCELED: 'default',
  REVERTED: 'purple',
  ERROR: 'magenta',
};

export const listStatuses = ['RUNNING', 'RETURNED', 'APPROVED', 'REJECTED', 'CANCELED', 'ERROR'] as const;

export function instanceStatusLabel(t: TFunction, status: WfInstanceStatus): string {
  return t(`approvals.status.${status}`);
}

const taskStatuses = [
  'WAIT',
  'PENDING',
  'APPROVING',
  'APPROVED',
  'REJECTED',
  'RETURNED',
  'TRANSFERRED',
  'CANCELED',
  'SKIPPED',
] as const;
type TaskStatus = (typeof taskStatuses)[number];
const isTaskStatus = (value: string): value is TaskStatus =>
  (taskStatuses as readonly string[]).includes(value);

export const taskStatusColors: Record<TaskStatus, string> = {
  WAIT: 'default',
  PENDING: 'processing',
  APPROVING: 'processing',
  APPROVED: 'success',
  REJECTED: 'error',
  RETURNED: 'warning',
  TRANSFERRED: 'cyan',
  CANCELED: 'default',
  SKIPPED: 'default',
};

export function taskStatusLabel(t: TFunction, status: string | null): string {
  if (!status) return '';
  return isTaskStatus(status) ? t(`approvals.taskStatus.${status}`) : status;
}

export function taskStatusColor(status: string | null): string {
  return status && isTaskStatus(status) ? taskStatusColors[status] : 'default';
}

/** Log entries a person made (vs. the engine's bookkeeping), shown prominently in the timeline. */
const personLogActions = [
  'SUBMIT',
  'RESUBMIT',
  'APPROVE',
  'REJECT',
  'RETURN',
  'WITHDRAW',
  'UNAPPROVE',
  'TRANSFER',
  'ADD_SIGN',
  'REMOVE_SIGN',
  'DELEGATE_START',
  'DELEGATE_END',
  'REMIND',
  'ADD_CC',
] as const;

const logActions = [
  ...personLogActions,
  'CC',
  'NODE_ENTER',
  'NODE_COMPLETE',
  'NODE_SKIP',
  'NODE_REJECT',
  'TASK_CREATE',
  'TASK_AUTO_APPROVE',
  'TASK_CANCEL',
  'BRANCH',
  'JOIN',
  'TIMEOUT',
  'ESCALATE',
  'DELAY_WAIT',
  'DELAY_DONE',
  'TRIGGER_CALL',
  'TRIGGER_RESULT',
  'SUBPROCESS_START',
  'SUBPROCESS_RESULT',
  'INSTANCE_APPROVED',
  'INSTANCE_REJECTED',
  'INSTANCE_CANCELED',
  'INSTANCE_ERROR',
] as const;
type LogAction = (typeof logActions)[number];
const isLogAction = (value: string): value is LogAction => (logActions as readonly string[]).includes(value);

export function logActionLabel(t: TFunction, action: string): string {
  return isLogAction(action) ? t(`approvals.logAction.${action}`) : action;
}

export const personActions: ReadonlySet<string> = new Set(personLogActions);

const reasonCodes = [
  'USER_ACTION',
  'ADMIN_FORCE',
  'PROXY',
  'FLOW_START',
  'ROUTED',
  'EMPTY_PASS',
  'EMPTY_REJECT',
  'EMPTY_ADMIN',
  'EMPTY_NO_ADMIN',
  'EMPTY_USERS',
  'SELF_SKIP',
  'SELF_DEPT_HEAD',
  'SELF_DEPT_HEAD_MISSING',
  'DEDUPE',
  'MODE_PASSED',
  'MODE_REJECTED',
  'OR_SIGN_DECIDED',
  'NODE_DECIDED',
  'REJECTED_ELSEWHERE',
  'RETURNED',
  'WITHDRAWN',
  'UNAPPROVED',
  'REMOVED_SIGN',
  'SEQ_NEXT',
  'SIGNERS_DONE',
  'TIMEOUT_REMIND',
  'TIMEOUT_PASS',
  'TIMEOUT_REJECT',
  'TIMEOUT_ESCALATE',
  'TIMEOUT_NOTICE',
  'DELAY_ELAPSED',
  'CONDITION_MATCHED',
  'DEFAULT_BRANCH',
  'PARALLEL_SPLIT',
  'JOINED',
  'CC_REACH',
  'CC_END',
  'TRIGGER_OK',
  'TRIGGER_RETRY',
  'TRIGGER_FAILED',
  'TRIGGER_SKIPPED',
  'SUBPROCESS_STARTED',
  'SUBPROCESS_WAITING',
  'SUBPROCESS_APPROVED',
  'SUBPROCESS_REJECTED',
  'SUBPROCESS_CANCELED',
  'ALL_PASSED',
  'NODE_REJECTED',
] as const;
type ReasonCode = (typeof reasonCodes)[number];
const isReasonCode = (value: string): value is ReasonCode =>
  (reasonCodes as readonly string[]).includes(value);

/** A system decision's reason in words; null for a person's own action (nothing to explain). */
export function reasonLabel(t: TFunction, code: string): string | null {
  if (code === 'USER_ACTION') return null;
  return isReasonCode(code) ? t(`approvals.reason.${code}`) : code;
}
