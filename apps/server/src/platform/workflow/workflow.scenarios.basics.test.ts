import type { WfNode } from '@concord/contracts';
import { describe, expect, it } from 'vitest';
import { describeReachedStatesPersist, recordReachedStates } from './workflow.persistence.testing.js';
import { cond } from './workflow.scenarios.testing.js';
import { approval, chain, flow, Run, users } from './workflow.testing.js';

/**
 * Workflow scenarios on the pure core: basic approve and reject, multi-approver modes and
 * branches.
 * Every state they reach is recorded; the last suite of this file stores each one on every
 * dialect and reads it back (so the scenarios run once, and no second file repeats them).
 */
const reached = recordReachedStates();

describe('workflow scenarios: basic approve and reject', () => {
  it('S01 single approver A approves → APPROVED; log SUBMIT, APPROVE', () => {
    const run = new Run(flow(approval('n1', users('A')))).submit();
    expect(run.pending()).toEqual(['A']);
    expect(run.effects).toContainEqual(
      expect.objectContaining({ kind: 'notify', userIds: ['A'], reason: 'TASK_ASSIGNED' }),
    );
    run.approve('A');
    expect(run.status).toBe('APPROVED');
    expect(run.actions()).toEqual(expect.arrayContaining(['SUBMIT', 'APPROVE', 'INSTANCE_APPROVED']));
    expect(run.actions().indexOf('SUBMIT')).toBeLessThan(run.actions().indexOf('APPROVE'));
    expect(run.effects).toContainEqual({ kind: 'subjectCallback', event: 'onApproved' });
  });

  it('S02 A→B, A rejects with a comment → REJECTED; B never tasked', () => {
    const run = new Run(flow(chain(approval('n1', users('A')), approval('n2', users('B'))))).submit();
    run.reject('A', 'budget too high');
    expect(run.status).toBe('REJECTED');
    expect(run.tasksOf('B')).toEqual([]);
    const rejectLog = run.state.log.find((l) => l.action === 'REJECT');
    expect(rejectLog).toMatchObject({ actorId: 'A', comment: 'budget too high', reasonCode: 'USER_ACTION' });
    expect(run.effects).toContainEqual({ kind: 'subjectCallback', event: 'onRejected' });
  });
});

describe('workflow scenarios: multi-approver modes', () => {
  const and3 = () => flow(chain(approval('n1', users('A', 'B', 'C')), approval('n2', users('D'))));

  it('S03 会签 ABC: after A and B approve the node stays active; C approves → next node', () => {
    const run = new Run(and3()).submit();
    expect(run.pending().sort()).toEqual(['A', 'B', 'C']);
    run.approve('A').approve('B');
    expect(run.nodeStatus('n1')).toEqual(['ACTIVE']);
    expect(run.tasksOf('D')).toEqual([]);
    run.approve('C');
    expect(run.nodeStatus('n1')).toEqual(['COMPLETED']);
    expect(run.pending()).toEqual(['D']);
  });

  it('S04 会签 ABC: B rejects → REJECTED; A and C tasks CANCELED with a system reason', () => {
    const run = new Run(and3()).submit().reject('B');
    expect(run.status).toBe('REJECTED');
    for (const user of ['A', 'C']) {
      expect(run.tasksOf(user)[0]).toMatchObject({ status: 'CANCELED', decidedBy: 'system' });
      expect(run.tasksOf(user)[0].autoReason).toBeTruthy();
    }
    expect(run.state.log.filter((l) => l.action === 'TASK_CANCEL')).toHaveLength(2);
  });

  it('S05 或签 AB: A approves → B task canceled and gone from B todo', () => {
    const run = new Run(flow(approval('n1', users('A', 'B'), { mode: 'or' }))).submit().approve('A');
    expect(run.status).toBe('APPROVED');
    expect(run.tasksOf('B')[0]).toMatchObject({ status: 'CANCELED', autoReason: 'OR_SIGN_DECIDED' });
    expect(run.pending()).toEqual([]);
    expect(run.effects).toContainEqual(
      expect.objectContaining({ kind: 'notify', userIds: ['B'], reason: 'TASK_CANCELED' }),
    );
  });

  it('S06 或签 AB: A rejects → REJECTED (default: an or-sign rejection decides)', () => {
    const run = new Run(flow(approval('n1', users('A', 'B'), { mode: 'or' }))).submit().reject('A');
    expect(run.status).toBe('REJECTED');
    expect(run.tasksOf('B')[0].status).toBe('CANCELED');
  });

  it('S07 依次 ABC: submit tasks only A; B appears after A, then C', () => {
    const run = new Run(flow(approval('n1', users('A', 'B', 'C'), { mode: 'seq' }))).submit();
    expect(run.pending()).toEqual(['A']);
    expect(run.tasksOf('B')[0].status).toBe('WAIT');
    run.approve('A');
    expect(run.pending()).toEqual(['B']);
    run.approve('B');
    expect(run.pending()).toEqual(['C']);
    run.approve('C');
    expect(run.status).toBe('APPROVED');
  });

  it('S08 票签 60% of 5: 3 approvals pass; 3 rejections fail early', () => {
    const five = () => flow(approval('n1', users('A', 'B', 'C', 'D', 'E'), { mode: 'vote', passRatio: 60 }));
    const pass = new Run(five()).submit().approve('A').approve('B');
    expect(pass.status).toBe('RUNNING');
    pass.approve('C');
    expect(pass.status).toBe('APPROVED');
    expect(pass.tasksOf('D')[0].status).toBe('CANCELED');

    const fail = new Run(five()).submit().reject('A').reject('B');
    expect(fail.status).toBe('RUNNING');
    fail.reject('C');
    expect(fail.status).toBe('REJECTED');
    expect(fail.state.log.find((l) => l.action === 'NODE_REJECT')?.reasonCode).toBe('MODE_REJECTED');
  });
});

describe('workflow scenarios: branches', () => {
  const amountFlow = () =>
    flow(
      cond('c1', [
        {
          id: 'big',
          priority: 1,
          when: { field: 'amount', op: 'gte', value: 10000 },
          next: approval('gm', users('CEO')),
        },
        { id: 'else', priority: 2, next: approval('mgr', users('MGR')) },
      ]),
    );

  it('S09 amount ≥ 10000 → GM, else manager', () => {
    const big = new Run(amountFlow(), { form: { amount: 10000 } }).submit();
    expect(big.pending()).toEqual(['CEO']);
    expect(big.state.log.find((l) => l.action === 'BRANCH')).toMatchObject({
      reasonCode: 'CONDITION_MATCHED',
      detail: { branches: ['big'] },
    });
    const small = new Run(amountFlow(), { form: { amount: 9999 } }).submit();
    expect(small.pending()).toEqual(['MGR']);
    expect(small.state.log.find((l) => l.action === 'BRANCH')?.reasonCode).toBe('DEFAULT_BRANCH');
  });

  it('S10 two branches match → only the highest priority runs', () => {
    const wf = flow(
      cond('c1', [
        {
          id: 'low',
          priority: 5,
          when: { field: 'amount', op: 'gt', value: 0 },
          next: approval('x', users('B')),
        },
        {
          id: 'high',
          priority: 1,
          when: { field: 'amount', op: 'gt', value: 100 },
          next: approval('y', users('A')),
        },
        { id: 'else', priority: 9 },
      ]),
    );
    const run = new Run(wf, { form: { amount: 500 } }).submit();
    expect(run.pending()).toEqual(['A']);
    run.approve('A');
    expect(run.status).toBe('APPROVED');
    expect(run.tasksOf('B')).toEqual([]);
  });

  const parallel = (): WfNode => ({
    id: 'p1',
    name: 'p1',
    type: 'parallel',
    branches: [
      { id: 'fin', name: 'finance', priority: 1, next: approval('finance', users('A', 'B')) },
      { id: 'leg', name: 'legal', priority: 2, next: approval('legal', users('C')) },
    ],
    next: approval('after', users('D')),
  });

  it('S12 parallel finance + legal: one side approves, the join waits for both', () => {
    const run = new Run(flow(parallel())).submit();
    expect(run.pending().sort()).toEqual(['A', 'B', 'C']);
    run.approve('C');
    expect(run.tasksOf('D')).toEqual([]);
    expect(run.state.joins[0]).toMatchObject({ expected: 2, arrived: 1, done: false });
    run.approve('A').approve('B');
    expect(run.pending()).toEqual(['D']);
    expect(run.state.joins[0]).toMatchObject({ arrived: 2, done: true });
  });

  it('S13 parallel: legal rejects → REJECTED; finance tasks canceled', () => {
    const run = new Run(flow(parallel())).submit().reject('C');
    expect(run.status).toBe('REJECTED');
    expect(run.tasksOf('A')[0]).toMatchObject({ status: 'CANCELED', autoReason: 'REJECTED_ELSEWHERE' });
    expect(run.tasksOf('B')[0].status).toBe('CANCELED');
    expect(run.tasksOf('D')).toEqual([]);
  });

  it('S14 CC when:end → CC rows on approval, no task', () => {
    const wf = flow(
      chain(approval('n1', users('A')), {
        id: 'cc1',
        name: 'cc',
        type: 'cc',
        assignee: users('E', 'MGR'),
        when: 'end',
      }),
    );
    const run = new Run(wf).submit();
    expect(run.state.ccs).toEqual([]);
    run.approve('A');
    expect(run.status).toBe('APPROVED');
    expect(run.state.ccs.map((c) => c.userId).sort()).toEqual(['E', 'MGR']);
    expect(run.tasksOf('E')).toEqual([]);
    expect(run.effects).toContainEqual(expect.objectContaining({ kind: 'notify', reason: 'CC' }));
  });
});

describeReachedStatesPersist(reached, 35);
