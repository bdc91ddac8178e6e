import type { WfNode } from '@concord/contracts';
import { describe, expect, it } from 'vitest';
import { decide, previewPath, returnTargetsOf } from './workflow.decide.js';
import { describeReachedStatesPersist, recordReachedStates } from './workflow.persistence.testing.js';
import { cond, expectError } from './workflow.scenarios.testing.js';
import { approval, chain, flow, Run, users } from './workflow.testing.js';

/**
 * Workflow scenarios on the pure core: sub-process, the pure parts of the service-level
 * scenarios, further engine rules and the queries for the UI.
 * Every state they reach is recorded; the last suite of this file stores each one on every
 * dialect and reads it back (so the scenarios run once, and no second file repeats them).
 */
const reached = recordReachedStates();

describe('workflow scenarios: sub-process', () => {
  const sub = (wait?: boolean): WfNode => ({
    id: 'sub',
    name: 'sub',
    type: 'subprocess',
    definitionKey: 'child-flow',
    inputMap: { total: 'amount' },
    outputMap: { contractNo: 'no' },
    ...(wait === undefined ? {} : { wait }),
  });
  const started = (run: Run) => run.state.nodes.find((n) => n.nodeId === 'sub')!;

  it('S47 sub-process wait: the child approves → outputs mapped, flow continues; child rejects → parent REJECTED; no wait → continues at once', () => {
    const run = new Run(flow(chain(sub(), approval('n1', users('A')))), { form: { amount: 500 } }).submit();
    const ni = started(run);
    expect(run.effects).toContainEqual({
      kind: 'startSubprocess',
      nodeInstanceId: ni.id,
      nodeId: 'sub',
      definitionKey: 'child-flow',
      formData: { total: 500 },
    });
    expect(ni.status).toBe('WAITING');
    expect(run.pending()).toEqual([]);
    expect(run.state.log.at(-1)).toMatchObject({
      action: 'SUBPROCESS_START',
      reasonCode: 'SUBPROCESS_WAITING',
    });
    run.do({
      type: 'subprocessResult',
      nodeInstanceId: ni.id,
      outcome: 'approved',
      outputs: { no: 'HT-9', x: 1 },
    });
    expect(run.state.instance.formData).toEqual({ amount: 500, contractNo: 'HT-9' });
    expect(started(run).status).toBe('COMPLETED');
    expect(run.pending()).toEqual(['A']);
    const result = run.state.log.find((l) => l.action === 'SUBPROCESS_RESULT');
    expect(result).toMatchObject({
      reasonCode: 'SUBPROCESS_APPROVED',
      formDiff: { contractNo: { before: undefined, after: 'HT-9' } },
    });
    // A late duplicate result is a no-op.
    const before = run.state;
    run.do({ type: 'subprocessResult', nodeInstanceId: ni.id, outcome: 'rejected' });
    expect(run.state).toBe(before);
    run.approve('A');
    expect(run.status).toBe('APPROVED');

    for (const outcome of ['rejected', 'canceled'] as const) {
      const rejected = new Run(flow(chain(sub(), approval('n1', users('A'))))).submit();
      rejected.do({ type: 'subprocessResult', nodeInstanceId: started(rejected).id, outcome });
      expect(started(rejected).status).toBe('REJECTED');
      expect(rejected.status).toBe('REJECTED');
      expect(rejected.tasksOf('A')).toEqual([]);
      expect(rejected.effects).toContainEqual({ kind: 'subjectCallback', event: 'onRejected' });
      const reason = outcome === 'rejected' ? 'SUBPROCESS_REJECTED' : 'SUBPROCESS_CANCELED';
      expect(rejected.state.log.map((l) => `${l.action}:${l.reasonCode}`)).toEqual(
        expect.arrayContaining([
          `SUBPROCESS_RESULT:${reason}`,
          `NODE_REJECT:${reason}`,
          'INSTANCE_REJECTED:NODE_REJECTED',
        ]),
      );
    }

    const noWait = new Run(flow(chain(sub(false), approval('n1', users('A')))), {
      form: { amount: 7 },
    }).submit();
    expect(started(noWait).status).toBe('COMPLETED');
    expect(noWait.effects).toContainEqual(
      expect.objectContaining({ kind: 'startSubprocess', formData: { total: 7 } }),
    );
    expect(noWait.pending()).toEqual(['A']);
    expect(noWait.state.log).toContainEqual(
      expect.objectContaining({ action: 'SUBPROCESS_START', reasonCode: 'SUBPROCESS_STARTED' }),
    );
  });
});

describe('workflow scenarios: pure parts of the service-level scenarios', () => {
  it('S43 (pure part) field perms: editing a read field → 403; an edit field is saved and the diff logged', () => {
    const wf = flow(approval('n1', users('A'), { fieldPerms: { amount: 'read', note: 'edit' } }));
    const run = new Run(wf, { form: { amount: 100, note: '' } }).submit();
    const taskId = run.task('A').id;
    expectError(
      run,
      { type: 'approve', taskId, actorId: 'A', formPatch: { amount: 1 } },
      'FIELD_NOT_EDITABLE',
      403,
    );
    run.do({ type: 'approve', taskId, actorId: 'A', formPatch: { note: 'ok by finance' } });
    expect(run.state.instance.formData).toEqual({ amount: 100, note: 'ok by finance' });
    expect(run.state.log.find((l) => l.action === 'APPROVE')?.formDiff).toEqual({
      note: { before: '', after: 'ok by finance' },
    });
  });

  it('S44 (pure part) a running instance keeps the graph it started with', () => {
    const run = new Run(flow(approval('n1', users('A')))).submit();
    const v1Graph = run.state.graph;
    // v2 would route to B; publishing it does not touch the v1 instance, which carries its graph.
    const v2 = new Run(flow(approval('n1', users('B'))));
    run.approve('A');
    expect(run.status).toBe('APPROVED');
    expect(run.state.graph).toEqual(v1Graph);
    expect(v2.submit().pending()).toEqual(['B']);
  });

  it('S45 (pure part) 或签: the second decision on the same node → 409 ALREADY_DECIDED; stale lock_version → 409 STALE', () => {
    const run = new Run(
      flow(chain(approval('n1', users('A', 'B'), { mode: 'or' }), approval('n2', users('C')))),
    ).submit();
    const before = run.state;
    const bTask = run.task('B').id;
    run.approve('A');
    expectError(run, { type: 'approve', taskId: bTask, actorId: 'B' }, 'ALREADY_DECIDED', 409);
    expect(run.state.nodes.filter((n) => n.nodeId === 'n2')).toHaveLength(1);
    let caught: unknown;
    try {
      decide(
        run.state,
        {
          type: 'approve',
          taskId: run.task('C').id,
          actorId: 'C',
          expectedLockVersion: before.instance.lockVersion,
        },
        run.now,
        run.org,
      );
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: 'STALE', status: 409 });
  });

  it('S46 (pure part) decide is deterministic: the same command on the same state gives the same result', () => {
    const run = new Run(flow(approval('n1', users('A', 'B', 'C'), { mode: 'random' }))).submit();
    const command = {
      type: 'approve' as const,
      taskId: run.state.tasks[0].id,
      actorId: run.state.tasks[0].assigneeId,
    };
    const first = decide(run.state, command, run.now, run.org);
    const second = decide(run.state, command, run.now, run.org);
    expect(second).toEqual(first);
    expect(run.state.tasks).toHaveLength(1);
  });

  it('S48 non-assignee approves → 403; admin force-transfer is logged with the admin as actor', () => {
    const run = new Run(flow(approval('n1', users('A')))).submit();
    const taskId = run.task('A').id;
    expectError(run, { type: 'approve', taskId, actorId: 'B' }, 'NOT_ASSIGNEE', 403);
    expectError(run, { type: 'transfer', taskId, actorId: 'ADMIN', toUserId: 'D' }, 'NOT_ASSIGNEE', 403);
    run.do({ type: 'transfer', taskId, actorId: 'ADMIN', asAdmin: true, toUserId: 'D' });
    expect(run.state.log.find((l) => l.action === 'TRANSFER')).toMatchObject({
      actorId: 'ADMIN',
      reasonCode: 'ADMIN_FORCE',
    });
    expect(run.pending()).toEqual(['D']);
  });

  it('S49 every transition, system ones too, leaves a log row with a reason code', () => {
    const wf = flow(
      chain(
        // biome-ignore lint/suspicious/noThenProperty: the flow JSON's own field name
        approval('n1', users('EMP', 'A'), { onSelf: 'skip', timeout: { after: 'PT1H', then: 'pass' } }),
        { id: 'cc1', name: 'cc', type: 'cc', assignee: users('E') },
        {
          id: 'p1',
          name: 'p',
          type: 'parallel',
          branches: [
            { id: 'x', name: 'x', priority: 1, next: approval('nx', users('B', 'C'), { mode: 'or' }) },
            {
              id: 'y',
              name: 'y',
              priority: 2,
              next: approval('ny', { role: 'NONE' }, { onEmpty: { do: 'pass' } }),
            },
          ],
        },
        { id: 'd1', name: 'd', type: 'delay', wait: { duration: 'PT1H' } },
      ),
    );
    const run = new Run(wf).submit().fire('TIMEOUT').approve('B').fire('DELAY');
    expect(run.status).toBe('APPROVED');
    const log = run.state.log;
    expect(log.every((l) => typeof l.reasonCode === 'string' && l.reasonCode.length > 0)).toBe(true);
    expect(log.map((l) => l.seq)).toEqual(log.map((_, i) => i + 1));
    // Every node instance's entry and every task's creation/closing is in the log.
    for (const ni of run.state.nodes)
      expect(log.some((l) => l.nodeInstanceId === ni.id && l.action === 'NODE_ENTER')).toBe(true);
    for (const task of run.state.tasks) expect(log.some((l) => l.taskId === task.id)).toBe(true);
    expect(run.reasons()).toEqual(
      expect.arrayContaining([
        'SELF_SKIP',
        'TIMEOUT_PASS',
        'CC_REACH',
        'PARALLEL_SPLIT',
        'EMPTY_PASS',
        'OR_SIGN_DECIDED',
        'JOINED',
        'DELAY_ELAPSED',
      ]),
    );
    expect(run.tasksOf('C')[0]).toMatchObject({ status: 'CANCELED', autoReason: 'OR_SIGN_DECIDED' });
  });
});

describe('workflow engine: further rules', () => {
  it('handler nodes cannot reject', () => {
    const run = new Run(flow(approval('h1', users('A'), { type: 'handle' }))).submit();
    expectError(run, { type: 'reject', taskId: run.task('A').id, actorId: 'A' }, 'ACTION_DISABLED', 403);
    run.approve('A');
    expect(run.status).toBe('APPROVED');
  });

  it('inclusive branches run every matching branch and join', () => {
    const wf = flow({
      id: 'inc',
      name: 'inc',
      type: 'inclusive',
      branches: [
        {
          id: 'a',
          name: 'a',
          priority: 1,
          when: { field: 'tags', op: 'contains', value: 'it' },
          next: approval('it', users('A')),
        },
        {
          id: 'b',
          name: 'b',
          priority: 2,
          when: { field: 'amount', op: 'gt', value: 10 },
          next: approval('fin', users('B')),
        },
        { id: 'c', name: 'c', priority: 3, next: approval('other', users('C')) },
      ],
    });
    const run = new Run(wf, { form: { tags: ['it'], amount: 50 } }).submit();
    expect(run.pending().sort()).toEqual(['A', 'B']);
    run.approve('A');
    expect(run.status).toBe('RUNNING');
    run.approve('B');
    expect(run.status).toBe('APPROVED');
  });

  it('onReject to the previous node sends the flow back there instead of ending it', () => {
    const wf = flow(
      chain(approval('n1', users('A')), approval('n2', users('B'), { onReject: { to: 'prev' } })),
    );
    const run = new Run(wf).submit().approve('A').reject('B');
    expect(run.status).toBe('RUNNING');
    expect(run.pending()).toEqual(['A']);
    expect(run.state.log.find((l) => l.action === 'RETURN')?.reasonCode).toBe('NODE_REJECTED');
  });

  it('remind and mid-flow CC are logged and notify', () => {
    const run = new Run(flow(approval('n1', users('A')))).submit();
    run.do({ type: 'remind', actorId: 'EMP' });
    expect(run.effects).toContainEqual(
      expect.objectContaining({ kind: 'notify', userIds: ['A'], reason: 'REMIND' }),
    );
    expectError(run, { type: 'remind', actorId: 'A' }, 'NOT_INITIATOR', 403);
    run.do({ type: 'addCc', actorId: 'A', userIds: ['E'] });
    expect(run.state.ccs).toEqual([
      expect.objectContaining({ userId: 'E', source: 'approver', nodeId: null }),
    ]);
    expect(run.state.log.at(-1)).toMatchObject({ action: 'ADD_CC', actorId: 'A', reasonCode: 'USER_ACTION' });
  });

  it('commentRequired refuses an approval without a comment', () => {
    const run = new Run(flow(approval('n1', users('A'), { commentRequired: true }))).submit();
    expectError(run, { type: 'approve', taskId: run.task('A').id, actorId: 'A' }, 'COMMENT_REQUIRED', 400);
    run.approve('A', { comment: 'ok' });
    expect(run.status).toBe('APPROVED');
  });
});

describe('workflow engine: queries for the UI', () => {
  it('previewPath follows the branches the current form takes', () => {
    const wf = flow(
      chain(
        approval('n1', users('A')),
        cond('c1', [
          {
            id: 'big',
            priority: 1,
            when: { field: 'amount', op: 'gte', value: 10000 },
            next: approval('gm', users('CEO')),
          },
          { id: 'else', priority: 2 },
        ]),
        approval('n3', users('B')),
      ),
    );
    expect(previewPath(new Run(wf, { form: { amount: 20000 } }).state, new Run(wf).org)).toEqual([
      'start',
      'n1',
      'c1',
      'gm',
      'n3',
    ]);
    expect(previewPath(new Run(wf, { form: { amount: 1 } }).state, new Run(wf).org)).toEqual([
      'start',
      'n1',
      'c1',
      'n3',
    ]);
  });

  it('returnTargetsOf lists the start and traversed upstream approval nodes only', () => {
    const wf = flow(
      chain(approval('n1', users('A')), approval('n2', users('B')), approval('n3', users('C'))),
    );
    const run = new Run(wf).submit().approve('A').approve('B');
    expect(returnTargetsOf(run.state, run.task('C').id, run.org)).toEqual(['start', 'n1', 'n2']);
  });

  it('un-approving in 依次 puts the next approver back to waiting', () => {
    const run = new Run(
      flow(approval('n1', users('A', 'B', 'C'), { mode: 'seq' }), { approverWithdraw: true }),
    );
    run.submit().approve('A');
    run.do({ type: 'unapprove', taskId: run.tasksOf('A')[0].id, actorId: 'A' });
    expect(run.pending()).toEqual(['A']);
    expect(run.tasksOf('B')[0].status).toBe('WAIT');
  });
});

describeReachedStatesPersist(reached, 40);
