import type { WfNode } from '@concord/contracts';
import { describe, expect, it } from 'vitest';
import { decide, previewPath, returnTargetsOf } from './workflow.decide.js';
import { WorkflowError } from './workflow.errors.js';
import { describeReachedStatesPersist, recordReachedStates } from './workflow.persistence.testing.js';
import { approval, chain, flow, Run, users } from './workflow.testing.js';

/**
 * The scenarios run on the pure core. Every state they reach is recorded, and the last suite of
 * this file stores each one on every dialect and reads it back (so the scenarios run once, and a
 * second file does not repeat them to collect their states).
 */
const reached = recordReachedStates();

/** Asserts a WorkflowError with the given code and that the state did not move. */
function expectError(run: Run, command: Parameters<Run['do']>[0], code: string, status?: number) {
  const before = run.state;
  let caught: unknown;
  try {
    decide(before, command, run.now, run.org);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(WorkflowError);
  expect((caught as WorkflowError).code).toBe(code);
  if (status) expect((caught as WorkflowError).status).toBe(status);
  expect(run.state).toBe(before);
}

const cond = (
  id: string,
  branches: Array<{ id: string; priority: number; when?: any; next?: WfNode }>,
): WfNode => ({
  id,
  name: id,
  type: 'condition',
  branches: branches.map((b) => ({ name: b.id, ...b })),
});

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

describe('workflow scenarios: approver resolution', () => {
  it('S15 level-2 supervisor → parent dept head; a dept-head initiator goes one level higher', () => {
    const wf = () => flow(approval('n1', { supervisor: { level: 2, of: 'initiator' } }));
    expect(new Run(wf()).submit().pending()).toEqual(['MGR']);
    expect(new Run(wf(), { initiator: 'LEAD' }).submit().pending()).toEqual(['CEO']);
  });

  it('S16 two heads of the department at level 1 → both must approve', () => {
    const org = {
      departments: [
        { id: 'ROOT', parentId: null, heads: ['CEO'] },
        { id: 'TEAM', parentId: 'ROOT', heads: ['LEAD', 'LEAD2'] },
      ],
    };
    const run = new Run(flow(approval('n1', { supervisor: { level: 1, of: 'initiator' } })), {
      org,
    }).submit();
    expect(run.pending().sort()).toEqual(['LEAD', 'LEAD2']);
    run.approve('LEAD');
    expect(run.status).toBe('RUNNING');
    run.approve('LEAD2');
    expect(run.status).toBe('APPROVED');
  });

  it('S17 supervisor chain until role R → stops at the first holder; no holder → to the top', () => {
    const wf = () => flow(approval('n1', { supervisorChain: { until: { role: 'FIN' } } }, { mode: 'seq' }));
    const run = new Run(wf(), { org: { roles: { FIN: ['MGR'] } } }).submit();
    expect(run.state.nodes[1].resolvedAssignees).toEqual(['LEAD', 'MGR']);
    run.approve('LEAD').approve('MGR');
    expect(run.status).toBe('APPROVED');
    const none = new Run(wf(), { org: { roles: { FIN: [] } } }).submit();
    expect(none.state.nodes[1].resolvedAssignees).toEqual(['LEAD', 'MGR', 'CEO']);
  });

  it('S18 level-2 supervisor missing with fallbackUp → level 3 tasked; without fallbackUp → empty rule', () => {
    const org = {
      departments: [
        { id: 'ROOT', parentId: null, heads: ['CEO'] },
        { id: 'SALES', parentId: 'ROOT', heads: [] },
        { id: 'TEAM', parentId: 'SALES', heads: ['LEAD'] },
      ],
    };
    const up = new Run(
      flow(approval('n1', { supervisor: { level: 2, of: 'initiator' }, fallbackUp: true })),
      { org },
    );
    expect(up.submit().pending()).toEqual(['CEO']);
    const strict = new Run(
      flow(approval('n1', { supervisor: { level: 2, of: 'initiator' }, fallbackUp: false })),
      { org },
    );
    strict.submit();
    expect(strict.state.nodes[1]).toMatchObject({ status: 'SKIPPED', autoReason: 'EMPTY_PASS' });
  });

  it('S19 empty role with onEmpty=pass → node SKIPPED with reason', () => {
    const run = new Run(
      flow(
        chain(approval('n1', { role: 'NOBODY' }, { onEmpty: { do: 'pass' } }), approval('n2', users('B'))),
      ),
    );
    run.submit();
    expect(run.state.nodes.find((n) => n.nodeId === 'n1')).toMatchObject({
      status: 'SKIPPED',
      autoReason: 'EMPTY_PASS',
    });
    expect(run.state.log.find((l) => l.action === 'NODE_SKIP')?.reasonCode).toBe('EMPTY_PASS');
    expect(run.pending()).toEqual(['B']);
  });

  it('S20 onEmpty=admin → admins tasked; onEmpty=reject → REJECTED with reason', () => {
    const admin = new Run(flow(approval('n1', { role: 'NOBODY' }, { onEmpty: { do: 'admin' } }))).submit();
    expect(admin.pending()).toEqual(['ADMIN']);
    expect(admin.reasons()).toContain('EMPTY_ADMIN');
    const flowAdmins = new Run(
      flow(approval('n1', { role: 'NOBODY' }, { onEmpty: { do: 'admin' } }), { admins: ['X'] }),
    );
    expect(flowAdmins.submit().pending()).toEqual(['X']);
    const rejected = new Run(
      flow(approval('n1', { role: 'NOBODY' }, { onEmpty: { do: 'reject' } })),
    ).submit();
    expect(rejected.status).toBe('REJECTED');
    expect(rejected.state.log.find((l) => l.action === 'INSTANCE_REJECTED')?.reasonCode).toBe('EMPTY_REJECT');
  });

  it('S21 initiatorSelect without a selection → 400 MISSING_SELECTION; with one → tasked', () => {
    const wf = () => flow(approval('n1', { initiatorSelect: { multiple: false, range: ['A', 'B'] } }));
    const run = new Run(wf());
    expectError(run, { type: 'submit', actorId: 'EMP' }, 'MISSING_SELECTION', 400);
    expectError(run, { type: 'submit', actorId: 'EMP', selections: { n1: ['C'] } }, 'INVALID_SELECTION', 400);
    run.submit({ selections: { n1: ['B'] } });
    expect(run.pending()).toEqual(['B']);
  });

  it('S22 form-field approver changed after a return → resubmit tasks the new user', () => {
    const wf = flow(chain(approval('n1', { formField: 'approver' }), approval('n2', users('B'))));
    const run = new Run(wf, { form: { approver: 'A' } }).submit().approve('A');
    run.do({ type: 'return', taskId: run.task('B').id, actorId: 'B', targetNodeId: 'start' });
    expect(run.status).toBe('RETURNED');
    run.do({ type: 'resubmit', actorId: 'EMP', formData: { approver: 'C' } });
    expect(run.pending()).toEqual(['C']);
    expect(run.state.log.find((l) => l.action === 'RESUBMIT')?.formDiff).toEqual({
      approver: { before: 'A', after: 'C' },
    });
  });

  it('S23 onSelf=skip → sole initiator approver auto-passes; with co-approvers only they act', () => {
    const alone = new Run(flow(approval('n1', users('EMP'), { onSelf: 'skip' }))).submit();
    expect(alone.status).toBe('APPROVED');
    expect(alone.state.nodes[1]).toMatchObject({ status: 'SKIPPED', autoReason: 'SELF_SKIP' });
    const shared = new Run(flow(approval('n1', users('EMP', 'A'), { onSelf: 'skip' }))).submit();
    expect(shared.pending()).toEqual(['A']);
    expect(shared.tasksOf('EMP')).toEqual([]);
  });

  it('S24 onSelf=deptHead → own dept head; head missing → auto-pass with reason', () => {
    const withHead = new Run(flow(approval('n1', users('EMP'), { onSelf: 'deptHead' }))).submit();
    expect(withHead.pending()).toEqual(['LEAD']);
    const org = { departments: [{ id: 'TEAM', parentId: null, heads: [] }] };
    const noHead = new Run(flow(approval('n1', users('EMP'), { onSelf: 'deptHead' })), { org }).submit();
    expect(noHead.status).toBe('APPROVED');
    expect(noHead.state.nodes[1]).toMatchObject({ status: 'SKIPPED', autoReason: 'SELF_DEPT_HEAD_MISSING' });
  });

  const aBa = () => chain(approval('n1', users('A')), approval('n2', users('B')), approval('n3', users('A')));

  it('S25 dedupe=all, A at nodes 1 and 3 → node 3 auto-passed', () => {
    const run = new Run(flow(aBa(), { dedupe: 'all' })).submit().approve('A').approve('B');
    expect(run.status).toBe('APPROVED');
    const n3 = run.state.tasks.find((t) => t.nodeId === 'n3')!;
    expect(n3).toMatchObject({
      assigneeId: 'A',
      status: 'APPROVED',
      decidedBy: 'system',
      autoReason: 'DEDUPE',
    });
    expect(run.reasons()).toContain('DEDUPE');
  });

  it('S26 dedupe=consecutive, A at nodes 1 and 3 → A must approve node 3', () => {
    const run = new Run(flow(aBa(), { dedupe: 'consecutive' })).submit().approve('A').approve('B');
    expect(run.pending()).toEqual(['A']);
    run.approve('A');
    expect(run.status).toBe('APPROVED');
    const consecutive = new Run(
      flow(chain(approval('n1', users('A')), approval('n2', users('A', 'B'))), { dedupe: 'consecutive' }),
    );
    consecutive.submit().approve('A');
    expect(consecutive.pending()).toEqual(['B']);
  });

  it('S27 dedupe=all, node returned to A → A must approve again on re-entry', () => {
    const run = new Run(flow(aBa(), { dedupe: 'all' })).submit().approve('A');
    run.do({ type: 'return', taskId: run.task('B').id, actorId: 'B', targetNodeId: 'n1' });
    expect(run.pending()).toEqual(['A']);
    expect(run.state.nodes.filter((n) => n.nodeId === 'n1').map((n) => n.iteration)).toEqual([1, 2]);
    run.approve('A').approve('B');
    // Later repeats in the same pass are still deduplicated.
    expect(run.status).toBe('APPROVED');
  });
});

describe('workflow scenarios: task actions', () => {
  it('S28 transfer A→D: D approves and fills A’s 会签 slot; the log keeps A', () => {
    const run = new Run(flow(approval('n1', users('A', 'B')))).submit();
    run.do({ type: 'transfer', taskId: run.task('A').id, actorId: 'A', toUserId: 'D' });
    expect(run.tasksOf('A')[0].status).toBe('TRANSFERRED');
    expect(run.task('D')).toMatchObject({ originalAssigneeId: 'A', seq: run.tasksOf('A')[0].seq });
    run.approve('D');
    expect(run.status).toBe('RUNNING');
    run.approve('B');
    expect(run.status).toBe('APPROVED');
    expect(run.state.log.find((l) => l.action === 'TRANSFER')).toMatchObject({
      actorId: 'A',
      reasonCode: 'USER_ACTION',
      detail: expect.objectContaining({ from: 'A', to: 'D' }),
    });
  });

  it('S29 before-sign X: X approves → A reactivated and decides', () => {
    const run = new Run(flow(approval('n1', users('A')))).submit();
    run.do({ type: 'addSign', taskId: run.task('A').id, actorId: 'A', signType: 'before', userIds: ['X'] });
    expect(run.tasksOf('A')[0].status).toBe('WAIT');
    expect(run.pending()).toEqual(['X']);
    run.approve('X');
    expect(run.status).toBe('RUNNING');
    expect(run.pending()).toEqual(['A']);
    run.approve('A');
    expect(run.status).toBe('APPROVED');
  });

  it('S30 after-sign Y: A stays APPROVING until Y approves; Y rejects → REJECTED', () => {
    const add = (run: Run) =>
      run.do({ type: 'addSign', taskId: run.task('A').id, actorId: 'A', signType: 'after', userIds: ['Y'] });
    const ok = add(new Run(flow(approval('n1', users('A')))).submit());
    expect(ok.tasksOf('A')[0].status).toBe('APPROVING');
    expect(ok.status).toBe('RUNNING');
    ok.approve('Y');
    expect(ok.tasksOf('A')[0].status).toBe('APPROVED');
    expect(ok.status).toBe('APPROVED');
    const bad = add(new Run(flow(approval('n1', users('A')))).submit()).reject('Y');
    expect(bad.status).toBe('REJECTED');
    expect(bad.tasksOf('A')[0].status).toBe('REJECTED');
  });

  it('S31 A removes signer Y before Y acts → Y canceled; node completes', () => {
    const run = new Run(flow(approval('n1', users('A')))).submit();
    run.do({ type: 'addSign', taskId: run.task('A').id, actorId: 'A', signType: 'after', userIds: ['Y'] });
    const y = run.task('Y');
    expectError(run, { type: 'removeSign', taskId: y.id, actorId: 'B' }, 'NOT_ASSIGNEE', 403);
    run.do({ type: 'removeSign', taskId: y.id, actorId: 'A' });
    expect(run.tasksOf('Y')[0]).toMatchObject({ status: 'CANCELED', autoReason: 'REMOVED_SIGN' });
    expect(run.status).toBe('APPROVED');
    expect(run.actions()).toContain('REMOVE_SIGN');
  });

  it('S31b parallel add-sign joins the node; added signers cannot add again', () => {
    const run = new Run(flow(approval('n1', users('A')))).submit();
    run.do({ type: 'addSign', taskId: run.task('A').id, actorId: 'A', signType: 'parallel', userIds: ['Y'] });
    expectError(
      run,
      { type: 'addSign', taskId: run.task('Y').id, actorId: 'Y', signType: 'before', userIds: ['Z'] },
      'ADD_SIGN_NOT_ALLOWED',
      409,
    );
    run.approve('A');
    expect(run.status).toBe('RUNNING');
    run.approve('Y');
    expect(run.status).toBe('APPROVED');
  });

  it('S32 delegate A→D: D gives an opinion → back to A; DELEGATE_START/END logged', () => {
    const run = new Run(flow(approval('n1', users('A')))).submit();
    run.do({ type: 'delegate', taskId: run.task('A').id, actorId: 'A', toUserId: 'D' });
    expect(run.pending()).toEqual(['D']);
    run.do({ type: 'delegateReply', taskId: run.task('D').id, actorId: 'D', comment: 'looks fine' });
    expect(run.pending()).toEqual(['A']);
    expect(run.status).toBe('RUNNING');
    run.approve('A');
    expect(run.status).toBe('APPROVED');
    expect(run.actions()).toEqual(expect.arrayContaining(['DELEGATE_START', 'DELEGATE_END']));
    expect(run.state.log.find((l) => l.action === 'DELEGATE_END')?.comment).toBe('looks fine');
  });

  it('S33 proxy rule A→P: P is tasked with on_behalf_of = A', () => {
    const proxies = [
      { userId: 'A', proxyId: 'P', startAt: '2026-03-01T00:00:00.000Z', endAt: '2026-03-09T00:00:00.000Z' },
    ];
    const run = new Run(flow(approval('n1', users('A'))), { org: { proxies } }).submit();
    expect(run.task('P')).toMatchObject({ proxyForId: 'A', originalAssigneeId: 'A' });
    expect(run.state.log.find((l) => l.action === 'TASK_CREATE')).toMatchObject({
      reasonCode: 'PROXY',
      onBehalfOf: 'A',
    });
    run.approve('P');
    expect(run.state.log.find((l) => l.action === 'APPROVE')).toMatchObject({
      actorId: 'P',
      onBehalfOf: 'A',
    });
    expect(run.status).toBe('APPROVED');
  });
});

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
            { id: 'y', name: 'y', priority: 2, next: approval('ny', { role: 'NONE' }) },
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

describeReachedStatesPersist(reached);
