import type { NotifyReason } from './workflow.commands.js';
import { type Ctx, log, newId, notify } from './workflow.context.js';
import type { WfNodeInstanceRow, WfTaskRow } from './workflow.state.js';

/** Creates a task, routing it to the user's proxy when a proxy rule is active (audit shows "P for A"). */
export function createTask(
  ctx: Ctx,
  ni: WfNodeInstanceRow,
  userId: string,
  fields: Partial<WfTaskRow> & { seq: number; status: WfTaskRow['status'] },
  notice: NotifyReason = 'TASK_ASSIGNED',
): WfTaskRow {
  const proxy = ctx.org.proxyFor(userId, ctx.now);
  const task: WfTaskRow = {
    id: newId(ctx, 't'),
    nodeInstanceId: ni.id,
    nodeId: ni.nodeId,
    assigneeId: proxy ?? userId,
    originalAssigneeId: userId,
    proxyForId: proxy ? userId : null,
    parentTaskId: null,
    signType: null,
    signMode: null,
    createdAt: ctx.now,
    dueAt: null,
    remindCount: 0,
    decidedAt: null,
    decidedBy: null,
    autoReason: null,
    comment: null,
    ...fields,
  };
  ctx.s.tasks.push(task);
  if (task.status !== 'APPROVED') {
    log(ctx, 'TASK_CREATE', proxy ? 'PROXY' : 'ROUTED', {
      nodeId: ni.nodeId,
      nodeInstanceId: ni.id,
      taskId: task.id,
      onBehalfOf: task.proxyForId,
      detail: { assignee: task.assigneeId },
    });
  }
  if (task.status === 'PENDING')
    notify(ctx, [task.assigneeId], notice, { taskId: task.id, nodeId: ni.nodeId });
  return task;
}
