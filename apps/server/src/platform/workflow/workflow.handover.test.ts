/**
 * A leaving approver's tasks (离职交接) and the approval monitor, on a real database: disabling a
 * user who holds approvals asks who takes them over, moves each one with a logged, notified transfer
 * in the same transaction, and an administrator can list and move any waiting task.
 */
import type { WfFlow } from '@concord/contracts';
import { beforeAll, expect, it } from 'vitest';
import { actOnApproval, startApproval } from '../../testing/approvals.js';
import { type ApiClient, describeEachDialect } from '../../testing/test-app.js';

const business = 'test.handover';

/** The initiator's first supervisor decides. */
const supervisorFlow: WfFlow = {
  schemaVersion: 1,
  settings: { dedupe: 'none', initiatorWithdraw: 'beforeFirstAction' },
  root: {
    id: 'start',
    name: '发起',
    type: 'start',
    next: {
      id: 'mgr',
      name: '主管审批',
      type: 'approval',
      assignee: { supervisor: { level: 1, of: 'initiator' } },
      mode: 'or',
    },
  },
} as WfFlow;

describeEachDialect('handing over a leaving approver’s tasks', (t) => {
  let admin: ApiClient;
  let initiator: ApiClient;
  let managerId: string;

  const users = '/api/v1/org/users';
  const pendingOf = async (instanceId: string) =>
    (await t()
      .services.db.selectFrom('wf_task')
      .select(['assignee_id', 'status'])
      .where('instance_id', '=', instanceId)
      .where('status', '=', 'PENDING')
      .execute()) as { assignee_id: string; status: string }[];

  beforeAll(async () => {
    t().services.approvalSubjects.register({
      type: 'test',
      onApproved: async () => {},
      onRejected: async () => {},
      onWithdrawn: async () => {},
    });
    admin = await t().login('admin');
    initiator = await t().login('wu.min');
    managerId = (await t().given.userByUsername('feng.bo')).id;
    const created = await admin.post('/api/v1/workflow/definitions', {
      key: 'test-handover',
      name: '交接测试',
      businessType: business,
      flow: supervisorFlow,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(
      (await admin.post(`/api/v1/workflow/definitions/${created.json().id}/publish`, {})).statusCode,
    ).toBe(200);
  });

  it('refuses to disable an approver who holds tasks without a successor, and lists them', async () => {
    const id = await startApproval(t(), initiator, { businessType: business, title: '待交接的报销' });
    expect((await pendingOf(id)).map((task) => task.assignee_id)).toEqual([managerId]);
    const refused = await admin.post(`${users}/${managerId}/active`, { active: false });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('USER_HAS_OPEN_WORK');
    const open = (await admin.get(`${users}/${managerId}/open-work`)).json();
    const approvals = open.kinds.find((k: { kind: string }) => k.kind === 'approvalTasks');
    expect(approvals.count).toBeGreaterThanOrEqual(1);
    expect(approvals.items).toContainEqual(
      expect.objectContaining({ title: '待交接的报销', link: `/approvals/${id}`, detail: '主管审批' }),
    );
    const manager = await t().services.users.loadUser(t().services.db, managerId);
    expect(manager.active).toBe(true);
  });

  it('moves every task to the supervisor when disabling, logged, notified and audited, in one transaction', async () => {
    const { services } = t();
    const id = await startApproval(t(), initiator, { businessType: business });
    const [supervisor] = (await services.org.supervisorLadder(managerId)).filter((u) => u !== managerId);
    expect(supervisor).toBeTruthy();
    const disabled = await admin.post(`${users}/${managerId}/active`, {
      active: false,
      handover: { to: 'supervisor' },
    });
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect(disabled.json().active).toBe(false);
    expect((await pendingOf(id)).map((task) => task.assignee_id)).toEqual([supervisor]);
    const log = await services.db
      .selectFrom('wf_action_log')
      .select(['action', 'reason_code', 'comment'])
      .where('instance_id', '=', id)
      .where('action', '=', 'TRANSFER')
      .execute();
    expect(log).toEqual([{ action: 'TRANSFER', reason_code: 'ADMIN_FORCE', comment: '离职交接' }]);
    const notified = await services.db
      .selectFrom('notification_item')
      .select('kind')
      .where('recipient_id', '=', supervisor)
      .where('kind', '=', 'approval.pending')
      .execute();
    expect(notified.length).toBeGreaterThanOrEqual(1);
    const audit = await services.db
      .selectFrom('audit_log')
      .select(['action', 'changes'])
      .where('entity_type', '=', 'user')
      .where('entity_id', '=', managerId)
      .where('action', '=', 'disable')
      .execute();
    expect(JSON.stringify(audit)).toContain('approvalTasks');
    expect((await admin.get(`${users}/${managerId}/open-work`)).json().kinds).toEqual([]);
    expect((await admin.post(`${users}/${managerId}/active`, { active: true })).statusCode).toBe(200);
  });

  it('hands over to a named successor; refuses the leaver themself or a disabled one', async () => {
    const id = await startApproval(t(), initiator, { businessType: business });
    const successor = await t().given.userByUsername('zhou.qiang');
    const self = await admin.post(`${users}/${managerId}/active`, {
      active: false,
      handover: { to: 'user', userId: managerId },
    });
    expect(self.statusCode).toBe(400);
    expect(self.json().code).toBe('HANDOVER_TARGET_INVALID');
    const moved = await admin.post(`${users}/${managerId}/active`, {
      active: false,
      handover: { to: 'user', userId: successor.id },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await pendingOf(id)).map((task) => task.assignee_id)).toEqual([successor.id]);
    expect((await admin.post(`${users}/${managerId}/active`, { active: true })).statusCode).toBe(200);
  });

  it('the approval monitor lists waiting tasks in scope, filters by assignee, and the admin moves one', async () => {
    const id = await startApproval(t(), initiator, { businessType: business, title: '监控中的报销' });
    const monitor = await admin.get(`/api/v1/workflow/admin/tasks?assigneeId=${managerId}&pageSize=50`);
    expect(monitor.statusCode, monitor.body).toBe(200);
    const row = monitor.json().items.find((item: { instanceId: string }) => item.instanceId === id);
    expect(row).toMatchObject({
      title: '监控中的报销',
      nodeName: '主管审批',
      assigneeId: managerId,
      assigneeActive: true,
      waiting: false,
    });
    expect(monitor.json().items.every((item: { assigneeId: string }) => item.assigneeId === managerId)).toBe(
      true,
    );
    const disabledOnly = (await admin.get('/api/v1/workflow/admin/tasks?disabledOnly=true')).json();
    expect(disabledOnly.items.some((item: { instanceId: string }) => item.instanceId === id)).toBe(false);
    expect((await initiator.get('/api/v1/workflow/admin/tasks')).statusCode).toBe(403);
    expect((await admin.get('/api/v1/workflow/admin/tasks?sort=bogus')).statusCode).toBe(400);

    const target = await t().given.userByUsername('zhou.qiang');
    const transferred = await actOnApproval(admin, id, {
      action: 'transfer',
      taskId: row.taskId,
      toUserId: target.id,
    });
    expect(transferred.statusCode, transferred.body).toBe(200);
    expect((await pendingOf(id)).map((task) => task.assignee_id)).toEqual([target.id]);
  });
});
