import { createHash } from 'node:crypto';
import type { WfActionBody } from '@concord/contracts';
import { AppError } from '../http/index.js';
import type { Command } from './workflow.commands.js';

/**
 * The API's action body as a command for the pure core: a task action needs its task id, and each
 * action the fields it names (a 400 saying which when one is missing).
 */
export function toCommand(body: WfActionBody, actorId: string, asAdmin: boolean): Command {
  const base = { actorId, asAdmin, expectedLockVersion: body.lockVersion, requestId: body.requestId };
  const task = () => {
    if (!body.taskId)
      throw new AppError('VALIDATION_FAILED', { detail: 'taskId is required for this action' });
    return { ...base, taskId: body.taskId, comment: body.comment };
  };
  const need = <T>(value: T | undefined, name: string): T => {
    if (value === undefined)
      throw new AppError('VALIDATION_FAILED', { detail: `${name} is required for this action` });
    return value;
  };
  switch (body.action) {
    case 'approve':
      return { ...task(), type: 'approve', formPatch: body.formPatch };
    case 'reject':
      return { ...task(), type: 'reject' };
    case 'return':
      return { ...task(), type: 'return', targetNodeId: need(body.targetNodeId, 'targetNodeId') };
    case 'transfer':
      return { ...task(), type: 'transfer', toUserId: need(body.toUserId, 'toUserId') };
    case 'addSign':
      return {
        ...task(),
        type: 'addSign',
        signType: need(body.signType, 'signType'),
        userIds: need(body.userIds, 'userIds'),
      };
    case 'removeSign':
      return { ...task(), type: 'removeSign' };
    case 'delegate':
      return { ...task(), type: 'delegate', toUserId: need(body.toUserId, 'toUserId') };
    case 'delegateReply':
      return { ...task(), type: 'delegateReply' };
    case 'unapprove':
      return { ...task(), type: 'unapprove' };
    case 'withdraw':
      return { ...base, type: 'withdraw', comment: body.comment };
    case 'remind':
      return { ...base, type: 'remind', taskId: body.taskId };
    case 'addCc':
      return { ...base, type: 'addCc', userIds: need(body.userIds, 'userIds') };
    case 'resubmit':
      return { ...base, type: 'resubmit', formData: body.formPatch, comment: body.comment };
  }
}

/**
 * What a repeated request id must match to count as the same request: the body without its request
 * id and lock version (a retry may carry a newer lock version).
 */
export function bodyHash(instanceId: string, body: WfActionBody): string {
  return createHash('sha256')
    .update(JSON.stringify({ instanceId, ...body, requestId: undefined, lockVersion: undefined }))
    .digest('hex');
}
