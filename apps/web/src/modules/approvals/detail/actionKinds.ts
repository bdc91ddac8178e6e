import type { WfActionName, WfInstanceDetail } from '@concord/contracts';

/*
 * What each action asks for in its modal. Kept as data so the modal, the buttons and the request
 * body agree on one list; the server still decides what is allowed (myTask.actions / actions).
 */
export interface ActionKind {
  /** A person to hand the task to (转交, 委派). */
  toUser?: boolean;
  /** Several people (加签, 抄送, 减签). */
  users?: boolean;
  /** 加签 before / after / parallel. */
  signType?: boolean;
  /** 退回: an earlier node to return to. */
  target?: boolean;
  /** The node's "comment required" applies (approve, reject, return). */
  decision?: boolean;
  /** Sends the approver's or initiator's field edits along (formPatch). */
  carriesEdits?: boolean;
  danger?: boolean;
}

export const actionKinds: Record<WfActionName, ActionKind> = {
  approve: { decision: true, carriesEdits: true },
  reject: { decision: true, danger: true },
  return: { decision: true, target: true },
  transfer: { toUser: true },
  addSign: { users: true, signType: true },
  removeSign: { users: true },
  delegate: { toUser: true },
  delegateReply: { carriesEdits: true },
  unapprove: {},
  withdraw: { danger: true },
  remind: {},
  addCc: { users: true },
  resubmit: { carriesEdits: true },
};

/** Display order: the decisions first, then hand-offs, then the initiator's tools. */
export const actionOrder: WfActionName[] = [
  'approve',
  'reject',
  'return',
  'transfer',
  'addSign',
  'removeSign',
  'delegate',
  'delegateReply',
  'unapprove',
  'resubmit',
  'withdraw',
  'remind',
  'addCc',
];

export interface AvailableAction {
  name: WfActionName;
  /** Task actions carry the viewer's taskId; instance actions (withdraw, remind, ...) do not. */
  taskId?: string;
}

/** The buttons to show: the open task's actions and the instance-level ones, each once, in order. */
export function availableActions(detail: WfInstanceDetail): AvailableAction[] {
  const taskActions = new Set(detail.myTask?.actions ?? []);
  const instanceActions = new Set(detail.actions);
  return actionOrder
    .filter((name) => taskActions.has(name) || instanceActions.has(name))
    .map((name) => ({ name, taskId: taskActions.has(name) ? detail.myTask?.taskId : undefined }));
}
