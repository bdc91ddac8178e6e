import type { WfTriggerNode } from '@concord/contracts';
import type { WfTimerRow } from './workflow.state.js';

/** Who acts and on whose behalf; `asAdmin` is set by the service after checking admin rights. */
interface Actor {
  actorId: string;
  asAdmin?: boolean;
  /** Optimistic check against the instance's lock_version: a mismatch is STALE (409). */
  expectedLockVersion?: number;
  requestId?: string;
}

interface StartInput {
  formData?: Record<string, unknown>;
  /** nodeId → chosen users, for initiatorSelect nodes */
  selections?: Record<string, string[]>;
  comment?: string;
}

interface TaskCommand extends Actor {
  taskId: string;
  comment?: string;
}

export type Command =
  | (Actor & StartInput & { type: 'submit' })
  | (Actor & StartInput & { type: 'resubmit' })
  | (TaskCommand & {
      type: 'approve';
      signature?: string;
      /** Field edits allowed by the node's fieldPerms ("edit"). */
      formPatch?: Record<string, unknown>;
      /** nodeId → users, for a following previousApproverSelect node. */
      selections?: Record<string, string[]>;
    })
  | (TaskCommand & { type: 'reject' })
  | (TaskCommand & { type: 'return'; targetNodeId: string })
  | (Actor & { type: 'withdraw'; comment?: string })
  | (TaskCommand & { type: 'unapprove' })
  | (TaskCommand & { type: 'transfer'; toUserId: string })
  | (TaskCommand & {
      type: 'addSign';
      signType: 'before' | 'after' | 'parallel';
      userIds: string[];
      mode?: 'and' | 'or' | 'seq';
    })
  | (TaskCommand & { type: 'removeSign' })
  | (TaskCommand & { type: 'delegate'; toUserId: string })
  | (TaskCommand & { type: 'delegateReply' })
  | (Actor & { type: 'remind'; taskId?: string })
  | (Actor & { type: 'addCc'; userIds: string[] })
  | { type: 'timerFired'; timerId: string }
  | {
      type: 'webhookResult';
      nodeInstanceId: string;
      ok: boolean;
      response?: unknown;
      error?: string;
    }
  | {
      /** A sub-process node's child instance finished (子流程); `outputs` is the child's final form. */
      type: 'subprocessResult';
      nodeInstanceId: string;
      outcome: 'approved' | 'rejected' | 'canceled';
      outputs?: Record<string, unknown>;
    };

export type NotifyReason =
  | 'TASK_ASSIGNED'
  /** A task handed to an administrator because the node's own rule named nobody. */
  | 'EMPTY_APPROVER'
  | 'TASK_CANCELED'
  | 'REMIND'
  | 'CC'
  | 'APPROVED'
  | 'REJECTED'
  | 'RETURNED'
  | 'CANCELED'
  | 'ERROR';

/** Work for the outside world, done after commit through the outbox and the job table. */
export type Effect =
  | { kind: 'notify'; userIds: string[]; reason: NotifyReason; taskId?: string; nodeId?: string }
  | { kind: 'scheduleTimer'; timer: WfTimerRow }
  | { kind: 'cancelTimer'; timerId: string }
  | {
      kind: 'callWebhook';
      nodeInstanceId: string;
      nodeId: string;
      attempt: number;
      /** Delay before this attempt (retry backoff), ISO-8601; absent for the first call. */
      after?: string;
      http: WfTriggerNode['http'];
      /** Stable per attempt so the outbox can deduplicate deliveries. */
      idempotencyKey: string;
    }
  | {
      /** Start the child instance of a sub-process node, in the same transaction, by the initiator. */
      kind: 'startSubprocess';
      nodeInstanceId: string;
      nodeId: string;
      definitionKey: string;
      /** The child's starting form, mapped from the parent's by the node's inputMap. */
      formData: Record<string, unknown>;
    }
  | { kind: 'subjectCallback'; event: 'onApproved' | 'onRejected' | 'onWithdrawn' };
