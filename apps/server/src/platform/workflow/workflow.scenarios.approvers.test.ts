import { describe, expect, it } from 'vitest';
import { describeReachedStatesPersist, recordReachedStates } from './workflow.persistence.testing.js';
import { expectError } from './workflow.scenarios.testing.js';
import { approval, chain, flow, Run, users } from './workflow.testing.js';

/**
 * Workflow scenarios on the pure core: approver resolution and task actions.
 * Every state they reach is recorded; the last suite of this file stores each one on every
 * dialect and reads it back (so the scenarios run once, and no second file repeats them).
 */
const reached = recordReachedStates();

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
    // The default empty rule: the administrators stand in.
    expect(strict.pending()).toEqual(['ADMIN']);
    expect(strict.state.nodes[1]).toMatchObject({ status: 'ACTIVE', autoReason: 'EMPTY_ADMIN' });
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

  it('S20b no onEmpty → the administrators are tasked and told why; none → ERROR, never a silent pass', () => {
    const run = new Run(
      flow(chain(approval('legal', { role: 'LEGAL' }), approval('n2', users('B')))),
    ).submit();
    expect(run.pending()).toEqual(['ADMIN']);
    expect(run.state.nodes.find((n) => n.nodeId === 'legal')).toMatchObject({ autoReason: 'EMPTY_ADMIN' });
    const notices = run.effects.filter((e) => e.kind === 'notify');
    expect(notices).toContainEqual(expect.objectContaining({ userIds: ['ADMIN'], reason: 'EMPTY_APPROVER' }));
    const stuck = new Run(flow(approval('legal', { role: 'LEGAL' })), { org: { admins: [] } }).submit();
    expect(stuck.status).toBe('ERROR');
    expect(stuck.pending()).toEqual([]);
    expect(stuck.state.log.find((l) => l.action === 'INSTANCE_ERROR')?.reasonCode).toBe('EMPTY_NO_ADMIN');
    expect(stuck.effects).toContainEqual(expect.objectContaining({ userIds: ['EMP'], reason: 'ERROR' }));
  });

  it('S20c a mandatory node whose rule names nobody refuses the submission; with a holder it is tasked', () => {
    const wf = () =>
      flow(chain(approval('legal', { role: 'LEGAL' }, { mandatory: true }), approval('n2', users('B'))));
    const empty = new Run(wf());
    expectError(empty, { type: 'submit', actorId: 'EMP' }, 'MANDATORY_APPROVER_MISSING', 409);
    expect(empty.status).toBe('DRAFT');
    // A disabled holder is no holder.
    const disabled = new Run(wf(), { org: { roles: { LEGAL: ['L'] }, inactive: ['L'] } });
    expectError(disabled, { type: 'submit', actorId: 'EMP' }, 'MANDATORY_APPROVER_MISSING', 409);
    const held = new Run(wf(), { org: { roles: { LEGAL: ['L'] } } }).submit();
    expect(held.pending()).toEqual(['L']);
    // A mandatory node on a branch not taken does not block.
    const branched = flow({
      id: 'c1',
      name: 'c',
      type: 'condition',
      branches: [
        {
          id: 'big',
          name: 'big',
          priority: 1,
          when: { field: 'amount', op: 'gte', value: 100 },
          next: approval('legal', { role: 'LEGAL' }, { mandatory: true }),
        },
        { id: 'small', name: 'small', priority: 2, next: approval('n2', users('B')) },
      ],
    });
    expect(new Run(branched, { form: { amount: 5 } }).submit().pending()).toEqual(['B']);
    expectError(
      new Run(branched, { form: { amount: 500 } }),
      { type: 'submit', actorId: 'EMP' },
      'MANDATORY_APPROVER_MISSING',
      409,
    );
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

  it('S24 onSelf=deptHead → own dept head; head missing → the empty rule (admins, or a pass the flow asks for)', () => {
    const withHead = new Run(flow(approval('n1', users('EMP'), { onSelf: 'deptHead' }))).submit();
    expect(withHead.pending()).toEqual(['LEAD']);
    const org = { departments: [{ id: 'TEAM', parentId: null, heads: [] }] };
    const noHead = new Run(flow(approval('n1', users('EMP'), { onSelf: 'deptHead' })), { org }).submit();
    expect(noHead.pending()).toEqual(['ADMIN']);
    expect(noHead.reasons()).toEqual(expect.arrayContaining(['SELF_DEPT_HEAD_MISSING', 'EMPTY_ADMIN']));
    const passing = new Run(
      flow(approval('n1', users('EMP'), { onSelf: 'deptHead', onEmpty: { do: 'pass' } })),
      { org },
    ).submit();
    expect(passing.status).toBe('APPROVED');
    expect(passing.state.nodes[1]).toMatchObject({ status: 'SKIPPED', autoReason: 'SELF_DEPT_HEAD_MISSING' });
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

describeReachedStatesPersist(reached, 60);
