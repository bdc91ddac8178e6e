import type { WfNode } from '@concord/contracts';
import { describe, expect, it } from 'vitest';
import { decide } from './workflow.decide.js';
import { describeReachedStatesPersist, recordReachedStates } from './workflow.persistence.testing.js';
import { cond, expectError } from './workflow.scenarios.testing.js';
import { approval, chain, flow, Run, users } from './workflow.testing.js';

/**
 * Workflow scenarios on the pure core: return, withdraw, un-approve, timers, delay and trigger.
 * Every state they reach is recorded; the last suite of this file stores each one on every
 * dialect and reads it back (so the scenarios run once, and no second file repeats them).
 */
const reached = recordReachedStates();

describe('workflow scenarios: return, withdraw, un-approve', () => {
  const abc = (resubmit: 'rerun' | 'backToReturner' = 'rerun') =>
    flow(
      chain(approval('n1', users('A')), approval('n2', users('B'), { resubmit }), approval('n3', users('C'))),
    );

  it('S34 B returns to START, resubmit=rerun → restarts at node 1 with iteration+1', () => {
    const run = new Run(abc()).submit().approve('A');
    run.do({
      type: 'return',
      taskId: run.task('B').id,
      actorId: 'B',
      targetNodeId: 'start',
      comment: 'fix the amount',
    });
    expect(run.status).toBe('RETURNED');
    expect(run.tasksOf('B')[0].status).toBe('RETURNED');
    expect(run.effects).toContainEqual(
      expect.objectContaining({ kind: 'notify', userIds: ['EMP'], reason: 'RETURNED' }),
    );
    run.do({ type: 'resubmit', actorId: 'EMP' });
    expect(run.pending()).toEqual(['A']);
    expect(run.state.nodes.filter((n) => n.nodeId === 'n1').map((n) => n.iteration)).toEqual([1, 2]);
  });

  it('S35 resubmit=backToReturner → jumps straight to B', () => {
    const run = new Run(abc('backToReturner')).submit().approve('A');
    run.do({ type: 'return', taskId: run.task('B').id, actorId: 'B', targetNodeId: 'start' });
    run.do({ type: 'resubmit', actorId: 'EMP' });
    expect(run.pending()).toEqual(['B']);
    expect(run.state.nodes.filter((n) => n.nodeId === 'n1')).toHaveLength(1);
    run.approve('B').approve('C');
    expect(run.status).toBe('APPROVED');
  });

  it('S36 return to an untraversed or downstream node → 400 INVALID_RETURN_TARGET', () => {
    const wf = flow(
      chain(
        cond('c1', [
          {
            id: 'big',
            priority: 1,
            when: { field: 'amount', op: 'gt', value: 100 },
            next: approval('gm', users('CEO')),
          },
          { id: 'else', priority: 2, next: approval('mgr', users('MGR')) },
        ]),
        approval('n2', users('B')),
        approval('n3', users('C')),
      ),
    );
    const run = new Run(wf, { form: { amount: 50 } }).submit().approve('MGR');
    const task = run.task('B').id;
    expectError(
      run,
      { type: 'return', taskId: task, actorId: 'B', targetNodeId: 'gm' },
      'INVALID_RETURN_TARGET',
      400,
    );
    expectError(
      run,
      { type: 'return', taskId: task, actorId: 'B', targetNodeId: 'n3' },
      'INVALID_RETURN_TARGET',
      400,
    );
    run.do({ type: 'return', taskId: task, actorId: 'B', targetNodeId: 'mgr' });
    expect(run.pending()).toEqual(['MGR']);
  });

  it('S37 initiator withdraw before any action → CANCELED; after an approval → 409', () => {
    const early = new Run(abc()).submit().do({ type: 'withdraw', actorId: 'EMP' });
    expect(early.status).toBe('CANCELED');
    expect(early.tasksOf('A')[0]).toMatchObject({ status: 'CANCELED', autoReason: 'WITHDRAWN' });
    expect(early.effects).toContainEqual({ kind: 'subjectCallback', event: 'onWithdrawn' });
    expect(early.state.log.find((l) => l.action === 'INSTANCE_CANCELED')?.reasonCode).toBe('WITHDRAWN');

    const late = new Run(abc()).submit().approve('A');
    expectError(late, { type: 'withdraw', actorId: 'EMP' }, 'ALREADY_ACTED', 409);
    expectError(late, { type: 'withdraw', actorId: 'B' }, 'NOT_INITIATOR', 403);
  });

  it('S38 A un-approves while the next node is untouched → task reopens; after the next approver acts → 409', () => {
    const wf = () =>
      flow(chain(approval('n1', users('A')), approval('n2', users('B', 'C'))), { approverWithdraw: true });
    const run = new Run(wf()).submit().approve('A');
    const a = run.tasksOf('A')[0];
    run.do({ type: 'unapprove', taskId: a.id, actorId: 'A' });
    expect(run.tasksOf('A')[0].status).toBe('PENDING');
    expect(run.tasksOf('B')[0]).toMatchObject({ status: 'CANCELED', autoReason: 'UNAPPROVED' });
    expect(run.pending()).toEqual(['A']);
    run.approve('A');
    expect(run.pending().sort()).toEqual(['B', 'C']);

    const late = new Run(wf()).submit().approve('A').approve('B');
    expectError(
      late,
      { type: 'unapprove', taskId: late.tasksOf('A')[0].id, actorId: 'A' },
      'NEXT_NODE_ACTED',
      409,
    );
    const off = new Run(flow(chain(approval('n1', users('A')), approval('n2', users('B')))))
      .submit()
      .approve('A');
    expectError(
      off,
      { type: 'unapprove', taskId: off.tasksOf('A')[0].id, actorId: 'A' },
      'ACTION_DISABLED',
      403,
    );
  });
});

describe('workflow scenarios: timers, delay, trigger', () => {
  const timed = (then: 'pass' | 'escalate') =>
    flow(
      chain(
        approval('n1', users('A'), { timeout: { after: 'PT24H', remind: { every: 'PT4H', max: 3 }, then } }),
        approval('n2', users('B')),
      ),
    );

  it('S39 timeout PT24H, remind every 4h ×3, then pass → 3 reminders, auto-pass with reason; early action clears timers', () => {
    const run = new Run(timed('pass')).submit();
    expect(run.effects.filter((e) => e.kind === 'scheduleTimer')).toHaveLength(2);
    expect(run.task('A').dueAt).toBe('2026-03-03T01:00:00.000Z');
    run.fire('REMIND').fire('REMIND').fire('REMIND');
    expect(run.now).toBe('2026-03-02T13:00:00.000Z');
    expect(run.state.log.filter((l) => l.reasonCode === 'TIMEOUT_REMIND')).toHaveLength(3);
    expect(run.task('A').remindCount).toBe(3);
    expect(() => run.fire('REMIND')).toThrow(/no pending REMIND/);
    run.fire('TIMEOUT');
    expect(run.tasksOf('A')[0]).toMatchObject({
      status: 'APPROVED',
      decidedBy: 'system',
      autoReason: 'TIMEOUT_PASS',
    });
    expect(run.pending()).toEqual(['B']);

    const early = new Run(timed('pass')).submit().approve('A');
    expect(early.state.timers.every((t) => t.status === 'CANCELED')).toBe(true);
    expect(early.effects.filter((e) => e.kind === 'cancelTimer')).toHaveLength(2);
    // A late timer firing after the action changes nothing.
    const stale = early.state.timers[1];
    const result = decide(
      early.state,
      { type: 'timerFired', timerId: stale.id },
      '2026-03-04T00:00:00.000Z',
      early.org,
    );
    expect(result.state).toBe(early.state);
    expect(result.effects).toEqual([]);
  });

  it('S40 timeout → escalate: the approver’s supervisor is tasked', () => {
    const run = new Run(timed('escalate')).submit().fire('TIMEOUT');
    expect(run.pending()).toEqual(['LEAD']);
    expect(run.tasksOf('A')[0]).toMatchObject({ status: 'TRANSFERRED', autoReason: 'TIMEOUT_ESCALATE' });
    expect(run.state.log.find((l) => l.action === 'ESCALATE')?.reasonCode).toBe('TIMEOUT_ESCALATE');
    run.approve('LEAD');
    expect(run.pending()).toEqual(['B']);
  });

  it('a form date as the deadline ends with that day in Beijing, not at UTC midnight', () => {
    const byField = flow(
      chain(
        // biome-ignore lint/suspicious/noThenProperty: the workflow schema names the field "then"; its value is a string
        approval('n1', users('A'), { timeout: { after: { field: 'replyBy' }, then: 'pass' } }),
        approval('n2', users('B')),
      ),
    );
    const run = new Run(byField, { form: { replyBy: '2026-03-05' } }).submit();
    // 24:00 on 5 March in Beijing is 16:00Z; UTC midnight would have given the approver 8 hours more.
    expect(run.task('A').dueAt).toBe('2026-03-05T16:00:00.000Z');
    const instant = new Run(byField, { form: { replyBy: '2026-03-05T08:30:00+08:00' } }).submit();
    expect(instant.task('A').dueAt).toBe('2026-03-05T00:30:00.000Z');
    const none = new Run(byField, { form: { replyBy: '2026-02-30' } }).submit();
    expect(none.task('A').dueAt ?? null).toBeNull();
  });

  it('a delay until a time of day waits for that time in Beijing', () => {
    const until = (time: string) =>
      flow(
        chain(
          { id: 'd1', name: 'wait', type: 'delay', wait: { timeOfDay: time } },
          approval('n1', users('A')),
        ),
      );
    // The run starts at 09:00 in Beijing (01:00Z): 17:00 is later today, 08:30 is tomorrow's.
    expect(new Run(until('17:00')).submit().state.timers[0].fireAt).toBe('2026-03-02T09:00:00.000Z');
    expect(new Run(until('08:30')).submit().state.timers[0].fireAt).toBe('2026-03-03T00:30:00.000Z');
  });

  it('S41 delay 2h → waits; the timer fires → next node', () => {
    const wf = flow(
      chain(
        { id: 'd1', name: 'wait', type: 'delay', wait: { duration: 'PT2H' } },
        approval('n1', users('A')),
      ),
    );
    const run = new Run(wf).submit();
    expect(run.pending()).toEqual([]);
    expect(run.nodeStatus('d1')).toEqual(['WAITING']);
    expect(run.state.timers[0]).toMatchObject({ kind: 'DELAY', fireAt: '2026-03-02T03:00:00.000Z' });
    run.fire('DELAY');
    expect(run.nodeStatus('d1')).toEqual(['COMPLETED']);
    expect(run.pending()).toEqual(['A']);
  });

  const trigger = (onFail: 'halt' | 'continue'): WfNode => ({
    id: 'hook',
    name: 'erp',
    type: 'trigger',
    http: { method: 'POST', url: 'https://erp.example.com/check', responseMap: { erpNo: 'data.no' } },
    retry: { maxAttempts: 3 },
    onFail,
  });

  it('S42 webhook fails 3× with onFail=halt → ERROR, admins notified; success maps the response into fields', () => {
    const run = new Run(flow(chain(trigger('halt'), approval('n1', users('A'))))).submit();
    const call = run.effects.find((e) => e.kind === 'callWebhook');
    expect(call).toMatchObject({ attempt: 1, idempotencyKey: 'i1:n2:1' });
    const ni = run.state.nodes.find((n) => n.nodeId === 'hook')!.id;
    run.do({ type: 'webhookResult', nodeInstanceId: ni, ok: false, error: '502' });
    run.do({ type: 'webhookResult', nodeInstanceId: ni, ok: false, error: '502' });
    expect(run.status).toBe('RUNNING');
    run.do({ type: 'webhookResult', nodeInstanceId: ni, ok: false, error: '502' });
    expect(run.status).toBe('ERROR');
    expect(run.effects).toContainEqual(
      expect.objectContaining({ kind: 'notify', userIds: ['ADMIN'], reason: 'ERROR' }),
    );
    expect(run.state.log.filter((l) => l.action === 'TRIGGER_CALL')).toHaveLength(3);

    const ok = new Run(flow(chain(trigger('halt'), approval('n1', users('A'))))).submit();
    const okNi = ok.state.nodes.find((n) => n.nodeId === 'hook')!.id;
    ok.do({ type: 'webhookResult', nodeInstanceId: okNi, ok: true, response: { data: { no: 'PO-7' } } });
    expect(ok.state.instance.formData.erpNo).toBe('PO-7');
    expect(ok.pending()).toEqual(['A']);
  });
});

describeReachedStatesPersist(reached, 45);
