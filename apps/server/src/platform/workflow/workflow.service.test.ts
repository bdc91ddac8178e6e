/**
 * The approval engine end to end on a real database: definitions published through the API,
 * instances started by a document's service, actions through the API with row locks, version checks
 * and request ids, timers through the job runner with a manual clock, notifications and the
 * document's callbacks in the same transaction.
 */
import { actOnApproval } from '../../testing/approvals.js';
import { randomUUID } from 'node:crypto';
import type { WfFlow } from '@concord/contracts';
import { beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../jobs/index.js';
import { type ApiClient, describeEachDialect, type TestApp } from '../../testing/test-app.js';

const clock = new ManualClock('2026-04-01T01:00:00.000Z');
const events: string[] = [];

/** Manager (supervisor level 1), then the general manager for 10 000 元 and more. */
function twoLevelFlow(): WfFlow {
  return {
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
        mode: 'and',
        // biome-ignore lint/suspicious/noThenProperty: WORKFLOW.md names the timeout outcome "then"
        timeout: { after: 'PT1H', remind: { every: 'PT20M', max: 2 }, then: 'pass' },
        next: {
          id: 'amount',
          name: '金额条件',
          type: 'condition',
          branches: [
            {
              id: 'big',
              name: '≥ 10000 元',
              priority: 1,
              when: { field: 'amount', op: 'gte', value: 1_000_000 },
              next: {
                id: 'gm',
                name: '总经理审批',
                type: 'approval',
                assignee: { role: 'general_manager' },
                mode: 'or',
              },
            },
            { id: 'small', name: '其他', priority: 2 },
          ],
        },
      },
    },
  } as WfFlow;
}

describeEachDialect(
  'approval engine runtime',
  (t) => {
    let admin: ApiClient;
    let initiator: ApiClient;
    const business = 'test.expense';

    async function start(amount: number, title = `报销 ${randomUUID().slice(0, 6)}`) {
      const { services } = t();
      const ctx = await initiator.context(services);
      const user = await t().given.userByUsername('wu.min');
      return services.db.transaction().execute((trx) =>
        services.workflow.start(trx, ctx, {
          businessType: business,
          subjectId: randomUUID(),
          title,
          entityId: user.entityId,
          departmentId: user.departmentId,
          amount,
          currency: 'CNY',
          category: null,
          formData: { amount, reason: '差旅' },
        }),
      );
    }

    const act = actOnApproval;

    beforeAll(async () => {
      const { services } = t();
      services.approvalSubjects.register({
        type: 'test',
        onApproved: async (_trx, _ctx, subjectId) => void events.push(`approved:${subjectId}`),
        onRejected: async (_trx, _ctx, subjectId) => void events.push(`rejected:${subjectId}`),
        onWithdrawn: async (_trx, _ctx, subjectId) => void events.push(`withdrawn:${subjectId}`),
      });
      admin = await t().login('admin');
      initiator = await t().login('wu.min');
      const created = await admin.post('/api/v1/workflow/definitions', {
        key: 'test-expense',
        name: '测试报销',
        businessType: business,
        flow: twoLevelFlow(),
      });
      expect(created.statusCode, created.body).toBe(201);
      const published = await admin.post(`/api/v1/workflow/definitions/${created.json().id}/publish`, {});
      expect(published.statusCode, published.body).toBe(200);
      expect(published.json().currentVersion).toBe(1);
    });

    it('compiles a published version once: every action after the first gets the same frozen flow', async () => {
      const { services } = t();
      const id = await start(500);
      const row = await services.db
        .selectFrom('wf_instance')
        .select('version_id')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const definitions = services.workflowDefinitions;
      const first = await definitions.compiledVersion(services.db, row.version_id);
      // Asked again, it reads nothing: a database that cannot be read answers as well.
      const noDatabase = null as unknown as typeof services.db;
      const again = await definitions.compiledVersion(noDatabase, row.version_id);
      expect(again).toBe(first);
      expect(Object.isFrozen(first.graph)).toBe(true);
      expect(() => {
        (first.flow.root as { name: string }).name = 'changed';
      }).toThrow(TypeError);
    });

    it('refuses to publish a flow with errors and lists them by node', async () => {
      const flow = twoLevelFlow() as any;
      flow.root.next.next.branches[1].when = { field: 'amount', op: 'lt', value: 5 }; // no default branch
      const validated = await admin.post('/api/v1/workflow/validate', { flow });
      expect(validated.json().errors.map((e: { code: string }) => e.code)).toContain('CONDITION_DEFAULT');
      const created = await admin.post('/api/v1/workflow/definitions', {
        key: 'broken',
        name: 'Broken',
        businessType: 'test.broken',
        flow,
      });
      const published = await admin.post(`/api/v1/workflow/definitions/${created.json().id}/publish`, {});
      expect(published.statusCode).toBe(400);
      expect(published.json().code).toBe('WF_FLOW_INVALID');
      expect(published.json().errors[0].path).toBe('amount');
    });

    it('routes a large amount through the manager and the general manager, with notifications and the subject callback', async () => {
      const { services } = t();
      const id = await start(2_000_000);
      const manager = await t().login('feng.bo');
      const todo = (await manager.get('/api/v1/workflow/tasks?tab=todo')).json();
      expect(todo.items.map((i: { instanceId: string }) => i.instanceId)).toContain(id);
      const detail = (await manager.get(`/api/v1/workflow/instances/${id}`)).json();
      expect(detail.myTask.actions).toEqual(expect.arrayContaining(['approve', 'reject', 'transfer']));
      expect(detail.path.map((s: { nodeId: string }) => s.nodeId)).toEqual(['start', 'mgr', 'gm']);

      const approved = await act(manager, id, { action: 'approve', comment: '同意' });
      expect(approved.statusCode, approved.body).toBe(200);
      const gm = await t().login('zhao.lei');
      expect((await gm.get('/api/v1/workflow/tasks/counts')).json().todo).toBeGreaterThanOrEqual(1);
      const pending = await services.db
        .selectFrom('notification_item')
        .select('kind')
        .where('recipient_id', '=', gm.session.user.id)
        .where('kind', '=', 'approval.pending')
        .execute();
      expect(pending.length).toBeGreaterThanOrEqual(1);

      const final = await act(gm, id, { action: 'approve' });
      expect(final.json().status).toBe('APPROVED');
      const row = await services.db
        .selectFrom('wf_instance')
        .select(['status', 'subject_id'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row.status).toBe('APPROVED');
      expect(events).toContain(`approved:${row.subject_id}`);
      const mine = (await initiator.get('/api/v1/workflow/tasks?tab=initiated')).json();
      expect(mine.items.find((i: { instanceId: string }) => i.instanceId === id).status).toBe('APPROVED');
      const timeline = final.json().timeline.map((e: { action: string }) => e.action);
      expect(timeline[0]).toBe('SUBMIT');
      expect(timeline).toContain('APPROVE');
      expect(
        (await gm.get('/api/v1/workflow/tasks?tab=done'))
          .json()
          .items.map((i: { instanceId: string }) => i.instanceId),
      ).toContain(id);
    });

    it('skips the general manager below 10 000 元', async () => {
      const id = await start(50_000);
      const manager = await t().login('feng.bo');
      const done = await act(manager, id, { action: 'approve' });
      expect(done.json().status).toBe('APPROVED');
    });

    it('refuses someone else’s task (403), a stale version (409), and keeps strangers out (404)', async () => {
      const id = await start(10_000);
      const manager = await t().login('feng.bo');
      const stranger = await t().login('guo.xin');
      const detail = (await manager.get(`/api/v1/workflow/instances/${id}`)).json();
      const notMine = await stranger.post(`/api/v1/workflow/instances/${id}/actions`, {
        action: 'approve',
        taskId: detail.myTask.taskId,
      });
      expect(notMine.statusCode).toBe(404);
      const initiatorTries = await initiator.post(`/api/v1/workflow/instances/${id}/actions`, {
        action: 'approve',
        taskId: detail.myTask.taskId,
      });
      expect(initiatorTries.statusCode).toBe(403);
      expect(initiatorTries.json().code).toBe('WF_NOT_ASSIGNEE');
      const stale = await manager.post(`/api/v1/workflow/instances/${id}/actions`, {
        action: 'approve',
        taskId: detail.myTask.taskId,
        lockVersion: detail.lockVersion - 1,
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('WF_STALE');
      expect((await stranger.get(`/api/v1/workflow/instances/${id}`)).statusCode).toBe(404);
    });

    it('applies the same request id once', async () => {
      const { services } = t();
      const id = await start(10_000);
      const manager = await t().login('feng.bo');
      const detail = (await manager.get(`/api/v1/workflow/instances/${id}`)).json();
      const body = {
        action: 'approve',
        taskId: detail.myTask.taskId,
        requestId: randomUUID(),
        comment: '一次',
      };
      const first = await manager.post(`/api/v1/workflow/instances/${id}/actions`, body);
      const second = await manager.post(`/api/v1/workflow/instances/${id}/actions`, body);
      expect(first.statusCode).toBe(200);
      expect(second.statusCode).toBe(200);
      expect(second.json().lockVersion).toBe(first.json().lockVersion);
      const approvals = await services.db
        .selectFrom('wf_action_log')
        .select('seq')
        .where('instance_id', '=', id)
        .where('action', '=', 'APPROVE')
        .execute();
      expect(approvals).toHaveLength(1);
      const reused = await manager.post(`/api/v1/workflow/instances/${id}/actions`, {
        ...body,
        comment: 'different',
      });
      expect(reused.statusCode).toBe(409);
    });

    it('lets the initiator withdraw before anyone acts, not after', async () => {
      const id = await start(10_000);
      const withdrawn = await act(initiator, id, { action: 'withdraw', comment: '填错了' });
      expect(withdrawn.json().status).toBe('CANCELED');
      const manager = await t().login('feng.bo');
      const todo = (await manager.get('/api/v1/workflow/tasks?tab=todo')).json();
      expect(todo.items.map((i: { instanceId: string }) => i.instanceId)).not.toContain(id);

      const other = await start(10_000);
      await act(manager, other, { action: 'approve' });
      const late = await act(initiator, other, { action: 'withdraw' });
      expect(late.statusCode).toBe(409);
    });

    it('reminds twice, then passes the node on timeout, through the job runner', async () => {
      const { services } = t();
      const id = await start(10_000);
      const manager = await t().login('feng.bo');
      const reminders = async () =>
        (
          await services.db
            .selectFrom('notification_item')
            .select('id')
            .where('recipient_id', '=', manager.session.user.id)
            .where('kind', '=', 'approval.reminder')
            .where('link', '=', `/approvals/${id}`)
            .execute()
        ).length;
      const before = await reminders();
      for (const minutes of [20, 40]) {
        clock.set(new Date(Date.parse('2026-04-01T01:00:00.000Z') + minutes * 60_000 + 1000));
        await services.jobRunner.tick();
      }
      expect(await reminders()).toBe(before + 2);
      clock.set('2026-04-01T02:00:01.000Z');
      await services.jobRunner.tick();
      const detail = (await initiator.get(`/api/v1/workflow/instances/${id}`)).json();
      expect(detail.status).toBe('APPROVED');
      expect(detail.timeline.map((e: { reasonCode: string }) => e.reasonCode)).toContain('TIMEOUT_PASS');
      clock.set('2026-04-01T01:00:00.000Z');
    });
  },
  { demo: true, clock },
);

describeEachDialect(
  'approval engine concurrency',
  (t: () => TestApp) => {
    it('lets exactly one of two 或签 approvers win when they act at the same moment', async () => {
      const { services } = t();
      const admin = await t().login('admin');
      const flow = {
        schemaVersion: 1,
        settings: { dedupe: 'none', initiatorWithdraw: 'beforeFirstAction' },
        root: {
          id: 'start',
          name: '发起',
          type: 'start',
          next: {
            id: 'either',
            name: '任一负责人',
            type: 'approval',
            assignee: { role: 'dept_head' },
            mode: 'or',
            next: { id: 'final', name: '财务', type: 'approval', assignee: { role: 'finance' }, mode: 'or' },
          },
        },
      };
      const created = await admin.post('/api/v1/workflow/definitions', {
        key: 'race',
        name: 'Race',
        businessType: 'race.test',
        flow,
      });
      expect(
        (await admin.post(`/api/v1/workflow/definitions/${created.json().id}/publish`, {})).statusCode,
      ).toBe(200);
      const initiator = await t().login('wu.min');
      const ctx = await initiator.context(services);
      const user = await t().given.userByUsername('wu.min');
      const id = await services.db.transaction().execute((trx) =>
        services.workflow.start(trx, ctx, {
          businessType: 'race.test',
          subjectId: randomUUID(),
          title: 'Race',
          entityId: user.entityId,
          departmentId: user.departmentId,
          amount: null,
          currency: 'CNY',
          category: null,
          formData: {},
        }),
      );
      const [a, b] = await Promise.all([t().login('zhou.qiang'), t().login('xu.tao')]);
      const [da, db] = await Promise.all(
        [a, b].map(async (c) => (await c.get(`/api/v1/workflow/instances/${id}`)).json()),
      );
      const results = await Promise.all([
        a.post(`/api/v1/workflow/instances/${id}/actions`, {
          action: 'approve',
          taskId: da.myTask.taskId,
          requestId: randomUUID(),
        }),
        b.post(`/api/v1/workflow/instances/${id}/actions`, {
          action: 'approve',
          taskId: db.myTask.taskId,
          requestId: randomUUID(),
        }),
      ]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      const finalTasks = await services.db
        .selectFrom('wf_task')
        .select(['assignee_id'])
        .where('instance_id', '=', id)
        .where('node_id', '=', 'final')
        .execute();
      const holders = await services.db
        .selectFrom('iam_user_role as ur')
        .innerJoin('iam_role as r', 'r.id', 'ur.role_id')
        .select('ur.user_id')
        .where('r.code', '=', 'finance')
        .where('ur.entity_id', '=', user.entityId)
        .execute();
      expect(finalTasks).toHaveLength(holders.length);
    });
  },
  { demo: true },
);
