import type { WfApprovalMode } from '@concord/contracts';
import type { FlowGraph } from './workflow.compiler.js';
import { HOME_CURRENCY } from '@concord/contracts';

/*
 * The instance state the core works on, one array per table of WORKFLOW.md §3 so the service can
 * persist it row by row (insert new rows, update changed ones). Ids are local to the instance
 * (`n3`, `t7`, ...) and come from a counter in the state, so `decide` stays deterministic; the
 * repository stores them next to the instance id.
 */

export type InstanceStatus =
  | 'DRAFT'
  | 'RUNNING'
  | 'RETURNED'
  | 'APPROVED'
  | 'REJECTED'
  | 'CANCELED'
  | 'REVERTED'
  | 'ERROR';

export interface WfInstanceRow {
  id: string;
  versionId: string | null;
  title: string;
  initiatorId: string;
  initiatorDeptId: string | null;
  /** Legal entity of the initiator, to narrow role lookups. */
  entityId: string | null;
  /**
   * The document's currency: amount conditions in another currency never hold (ADR 0007). Absent in
   * states stored before currencies, which were all CNY.
   */
  currency?: string;
  status: InstanceStatus;
  formData: Record<string, unknown>;
  /** selections: nodeId → users picked by the initiator or the previous approver. */
  variables: { selections: Record<string, string[]> };
  lockVersion: number;
  /** Bumped on every return: dedupe only counts approvals of the current epoch. */
  epoch: number;
  /** Where the last return came from, for resubmit=backToReturner. */
  returnInfo: { fromNodeId: string; resubmit: 'rerun' | 'backToReturner' } | null;
  submittedAt: string | null;
  finishedAt: string | null;
}

export type NodeStatus =
  | 'ACTIVE'
  | 'WAITING'
  | 'COMPLETED'
  | 'REJECTED'
  | 'SKIPPED'
  | 'CANCELED'
  | 'RETURNED';

export interface WfNodeInstanceRow {
  id: string;
  nodeId: string;
  /** 1 on first entry, +1 on every re-entry (return, resubmit). */
  iteration: number;
  epoch: number;
  status: NodeStatus;
  mode: WfApprovalMode | null;
  ratio: number | null;
  resolvedAssignees: string[];
  autoReason: ReasonCode | null;
  /** The join record this token arrives at when its chain ends; null at the top level. */
  joinId: string | null;
  /** Node instance whose completion created this one (for un-approve's "next node untouched"). */
  fromId: string | null;
  /** Entered as a return target or resume point: never auto-passed by self/dedupe rules. */
  returnEntry: boolean;
  /** Trigger nodes: attempts made so far. */
  attempts: number;
  createdAt: string;
  createdSeq: number;
  finishedAt: string | null;
}

export type TaskStatus =
  | 'WAIT'
  | 'PENDING'
  | 'APPROVING'
  | 'APPROVED'
  | 'REJECTED'
  | 'RETURNED'
  | 'TRANSFERRED'
  | 'CANCELED'
  | 'SKIPPED';

/** BEFORE/AFTER/PARALLEL are 加签 kinds; DELEGATE (委派) extends the table's sign_type column. */
export type SignType = 'BEFORE' | 'AFTER' | 'PARALLEL' | 'DELEGATE';

export interface WfTaskRow {
  id: string;
  nodeInstanceId: string;
  nodeId: string;
  assigneeId: string;
  /** The approver the node resolved (kept through transfers, so the log can say "for A"). */
  originalAssigneeId: string;
  /** Set when a proxy rule routed the task: the user it acts for. */
  proxyForId: string | null;
  seq: number;
  parentTaskId: string | null;
  signType: SignType | null;
  /** Mode among the signers added together (加签 with several people). */
  signMode: 'and' | 'or' | 'seq' | null;
  status: TaskStatus;
  createdAt: string;
  dueAt: string | null;
  remindCount: number;
  decidedAt: string | null;
  /** User id, or 'system' for automatic decisions. */
  decidedBy: string | null;
  autoReason: ReasonCode | null;
  comment: string | null;
}

export interface WfCcRow {
  id: string;
  nodeId: string | null;
  userId: string;
  source: 'node' | 'initiator' | 'approver';
  createdAt: string;
  readAt: string | null;
}

export type LogAction =
  | 'SUBMIT'
  | 'RESUBMIT'
  | 'APPROVE'
  | 'REJECT'
  | 'RETURN'
  | 'WITHDRAW'
  | 'UNAPPROVE'
  | 'TRANSFER'
  | 'ADD_SIGN'
  | 'REMOVE_SIGN'
  | 'DELEGATE_START'
  | 'DELEGATE_END'
  | 'REMIND'
  | 'ADD_CC'
  | 'CC'
  | 'NODE_ENTER'
  | 'NODE_COMPLETE'
  | 'NODE_SKIP'
  | 'NODE_REJECT'
  | 'TASK_CREATE'
  | 'TASK_AUTO_APPROVE'
  | 'TASK_CANCEL'
  | 'BRANCH'
  | 'JOIN'
  | 'TIMEOUT'
  | 'ESCALATE'
  | 'DELAY_WAIT'
  | 'DELAY_DONE'
  | 'TRIGGER_CALL'
  | 'TRIGGER_RESULT'
  | 'SUBPROCESS_START'
  | 'SUBPROCESS_RESULT'
  | 'INSTANCE_APPROVED'
  | 'INSTANCE_REJECTED'
  | 'INSTANCE_CANCELED'
  | 'INSTANCE_ERROR';

/** Why a transition happened; `USER_ACTION` for a person's own decision, the rest are system rules. */
export type ReasonCode =
  | 'USER_ACTION'
  | 'ADMIN_FORCE'
  | 'PROXY'
  | 'FLOW_START'
  | 'ROUTED'
  | 'EMPTY_PASS'
  | 'EMPTY_REJECT'
  | 'EMPTY_ADMIN'
  | 'EMPTY_NO_ADMIN'
  | 'EMPTY_USERS'
  | 'SELF_SKIP'
  | 'SELF_DEPT_HEAD'
  | 'SELF_DEPT_HEAD_MISSING'
  | 'DEDUPE'
  | 'MODE_PASSED'
  | 'MODE_REJECTED'
  | 'OR_SIGN_DECIDED'
  | 'NODE_DECIDED'
  | 'REJECTED_ELSEWHERE'
  | 'RETURNED'
  | 'WITHDRAWN'
  | 'UNAPPROVED'
  | 'REMOVED_SIGN'
  | 'SEQ_NEXT'
  | 'SIGNERS_DONE'
  | 'TIMEOUT_REMIND'
  | 'TIMEOUT_PASS'
  | 'TIMEOUT_REJECT'
  | 'TIMEOUT_ESCALATE'
  | 'TIMEOUT_NOTICE'
  | 'DELAY_ELAPSED'
  | 'CONDITION_MATCHED'
  | 'DEFAULT_BRANCH'
  | 'PARALLEL_SPLIT'
  | 'JOINED'
  | 'CC_REACH'
  | 'CC_END'
  | 'TRIGGER_OK'
  | 'TRIGGER_RETRY'
  | 'TRIGGER_FAILED'
  | 'TRIGGER_SKIPPED'
  | 'SUBPROCESS_STARTED'
  | 'SUBPROCESS_WAITING'
  | 'SUBPROCESS_APPROVED'
  | 'SUBPROCESS_REJECTED'
  | 'SUBPROCESS_CANCELED'
  | 'ALL_PASSED'
  | 'NODE_REJECTED';

export interface WfLogRow {
  seq: number;
  at: string;
  action: LogAction;
  reasonCode: ReasonCode;
  actorId: string;
  onBehalfOf: string | null;
  nodeId: string | null;
  nodeInstanceId: string | null;
  taskId: string | null;
  comment: string | null;
  formDiff: Record<string, { before: unknown; after: unknown }> | null;
  /** Extra facts for the timeline: target node, added users, branch ids, ... */
  detail: Record<string, unknown> | null;
}

export type TimerKind = 'REMIND' | 'TIMEOUT' | 'DELAY' | 'ESCALATE';

export interface WfTimerRow {
  id: string;
  kind: TimerKind;
  nodeInstanceId: string;
  fireAt: string;
  /** REMIND: milliseconds between reminders and how many are left after this one. */
  repeatEveryMs: number | null;
  remaining: number | null;
  status: 'PENDING' | 'FIRED' | 'CANCELED';
}

/** Join bookkeeping for a branch node's entry: how many tokens must arrive before it continues. */
export interface WfJoinRow {
  id: string;
  branchNodeId: string;
  /** Null for the one-token joins made when a return re-enters a branch from the side. */
  branchNodeInstanceId: string | null;
  parentJoinId: string | null;
  expected: number;
  arrived: number;
  done: boolean;
}

export interface WorkflowState {
  graph: FlowGraph;
  instance: WfInstanceRow;
  nodes: WfNodeInstanceRow[];
  tasks: WfTaskRow[];
  ccs: WfCcRow[];
  log: WfLogRow[];
  timers: WfTimerRow[];
  joins: WfJoinRow[];
  /** Source of the instance-local ids and the logical order of node entries. */
  counter: number;
}

export interface NewInstance {
  id: string;
  versionId?: string | null;
  title: string;
  initiatorId: string;
  initiatorDeptId?: string | null;
  entityId?: string | null;
  currency?: string;
  formData?: Record<string, unknown>;
}

/** A draft instance; `submit` starts it. */
export function createInstanceState(graph: FlowGraph, init: NewInstance): WorkflowState {
  return {
    graph,
    instance: {
      id: init.id,
      versionId: init.versionId ?? null,
      title: init.title,
      initiatorId: init.initiatorId,
      initiatorDeptId: init.initiatorDeptId ?? null,
      entityId: init.entityId ?? null,
      currency: init.currency ?? HOME_CURRENCY,
      status: 'DRAFT',
      formData: init.formData ?? {},
      variables: { selections: {} },
      lockVersion: 0,
      epoch: 0,
      returnInfo: null,
      submittedAt: null,
      finishedAt: null,
    },
    nodes: [],
    tasks: [],
    ccs: [],
    log: [],
    timers: [],
    joins: [],
    counter: 0,
  };
}

/** Tasks still waiting for someone (the todo list). */
export const isOpenTask = (t: WfTaskRow) =>
  t.status === 'PENDING' || t.status === 'WAIT' || t.status === 'APPROVING';
