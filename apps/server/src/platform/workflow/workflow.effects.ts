import type { Db } from '../../db/index.js';
import type { RequestContext } from '../http/index.js';
import type { Clock, JobQueue } from '../jobs/index.js';
import type { NotificationsService } from '../notifications/index.js';
import type { Effect, NotifyReason } from './workflow.commands.js';
import { durationMs } from './workflow.context.js';
import * as repo from './workflow.repository.js';
import type { WorkflowState } from './workflow.state.js';
import type { ApprovalSubjects } from './workflow.subjects.js';
import type { WfInstanceTable } from './workflow.tables.js';
import { WORKFLOW_WEBHOOK_JOB } from './workflow.webhook.js';

export const WORKFLOW_TIMER_JOB = 'workflow.timer';

const templateOf: Record<NotifyReason, string> = {
  TASK_ASSIGNED: 'approval.pending',
  EMPTY_APPROVER: 'approval.emptyApprover',
  REMIND: 'approval.reminder',
  TASK_CANCELED: 'approval.taskCanceled',
  CC: 'approval.cc',
  APPROVED: 'approval.approved',
  REJECTED: 'approval.rejected',
  RETURNED: 'approval.returned',
  CANCELED: 'approval.canceled',
  ERROR: 'approval.error',
};

export interface EffectsDeps {
  notifications: NotificationsService;
  jobs: JobQueue;
  clock: Clock;
  subjects: ApprovalSubjects;
  userNames: (db: Db, ids: string[]) => Promise<Map<string, string>>;
}

type StartSubprocess = Extract<Effect, { kind: 'startSubprocess' }>;

/**
 * Carries out what the pure core decided, inside the action's transaction: notifications, timers
 * and webhook calls go through the outbox (they run after commit), sub-process children start and
 * the document's approval subject hears of the outcome in this same transaction.
 */
export class WorkflowEffects {
  constructor(
    private readonly deps: EffectsDeps,
    /** Starts a sub-process node's child; the engine owns starting instances. */
    private readonly startChild: (
      trx: Db,
      ctx: RequestContext,
      state: WorkflowState,
      row: WfInstanceTable | undefined,
      effect: StartSubprocess,
    ) => Promise<void>,
  ) {}

  async apply(
    trx: Db,
    ctx: RequestContext,
    state: WorkflowState,
    effects: Effect[],
    row?: WfInstanceTable,
  ): Promise<void> {
    const instance = state.instance;
    if (effects.length === 0) return;
    const stored = row ?? (await repo.findInstance(trx, instance.id));
    const businessType = stored?.business_type ?? '';
    const subjectId = stored?.subject_id ?? '';
    const initiatorName =
      (await this.deps.userNames(trx, [instance.initiatorId])).get(instance.initiatorId) ?? '';
    for (const effect of effects) {
      switch (effect.kind) {
        case 'notify':
          await this.deps.notifications.notify(trx, ctx, {
            recipients: effect.userIds,
            template: templateOf[effect.reason],
            params: {
              subject: instance.title,
              applicant: initiatorName,
              reason: lastComment(state),
              node: (effect.nodeId && state.graph.nodes[effect.nodeId]?.name) || '',
            },
            link: `/approvals/${instance.id}`,
            entityId: instance.entityId,
            robots: false,
          });
          break;
        case 'scheduleTimer':
          await this.deps.jobs.enqueue(
            trx,
            WORKFLOW_TIMER_JOB,
            { instanceId: instance.id, timerId: effect.timer.id },
            {
              runAt: new Date(effect.timer.fireAt),
              dedupeKey: `wf:${instance.id}:${effect.timer.id}:${effect.timer.fireAt}`,
            },
          );
          break;
        case 'cancelTimer':
          // The timer is marked cancelled in the state; its job finds that and does nothing.
          break;
        case 'callWebhook':
          // The call runs after commit in the webhook job; its result comes back through webhookResult.
          await this.deps.jobs.enqueue(
            trx,
            WORKFLOW_WEBHOOK_JOB,
            {
              instanceId: instance.id,
              nodeInstanceId: effect.nodeInstanceId,
              attempt: effect.attempt,
              idempotencyKey: effect.idempotencyKey,
              http: effect.http,
            },
            {
              runAt: new Date(
                this.deps.clock.now().getTime() + (effect.after ? durationMs(effect.after) : 0),
              ),
              dedupeKey: effect.idempotencyKey,
            },
          );
          break;
        case 'startSubprocess':
          await this.startChild(trx, ctx, state, row, effect);
          break;
        case 'subjectCallback': {
          const subject = this.deps.subjects.forBusinessType(businessType);
          if (subject) await subject[effect.event](trx, ctx, subjectId, instance.id, businessType);
          break;
        }
      }
    }
  }
}

function lastComment(state: WorkflowState): string {
  for (let i = state.log.length - 1; i >= 0; i--) if (state.log[i].comment) return state.log[i].comment ?? '';
  return '';
}
