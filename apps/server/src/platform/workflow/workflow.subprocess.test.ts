/**
 * 子流程 (WORKFLOW.md scenario 47) on a real database: a parent's sub-process node starts the child
 * flow (found by key) in the same transaction, by the parent's initiator; the child's end feeds the
 * parent through the engine's own approval subject, in the child's transaction.
 */
import { actOnApproval, startApproval } from '../../testing/approvals.js';
import { randomUUID } from 'node:crypto';
import type { WfFlow } from '@concord/contracts';
import { beforeAll, expect, it } from 'vitest';
import { type ApiClient, describeEachDialect } from '../../testing/test-app.js';
import { ManualClock } from '../jobs/index.js';

const clock = new ManualClock('2026-04-01T01:00:00.000Z');
const CHILD_KEY = 'test-sub-child';

/** Parent: a sub-process node (waits for the child), then the general manager. */
function parentFlow(): WfFlow {
  return {
    schemaVersion: 1,
    settings: { dedupe: 'none', initiatorWithdraw: 'beforeFirstAction' },
    root: {
      id: 'start',
      name: '发起',
      type: 'start',
      next: {
        id: 'sub',
        name: '合同子流程',
        type: 'subprocess',
        definitionKey: CHILD_KEY,
        inputMap: { total: 'amount' },
        outputMap: { approvedTotal: 'total' },
        wait: true,
        next: {
          id: 'gm',
          name: '总经理审批',
          type: 'approval',
          assignee: { role: 'general_manager' },
          mode: 'or',
        },
      },
    },
  };
}

/** Child: the initiator's supervisor. */
function childFlow(): WfFlow {
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
      },
    },
  };
}

describeEachDialect(
  'approval engine: sub-process',
  (t) => {
    let admin: ApiClient;
    let initiator: ApiClient;

    async function startParent(amount: number) {
      return startApproval(t(), initiator, {
        businessType: 'test.subparent',
        title: `合同 ${randomUUID().slice(0, 6)}`,
        amount: amount,
        formData: { amount },
      });
    }

    const act = actOnApproval;

    const instance = (id: string) =>
      t()
        .services.db.selectFrom('wf_instance')
        .select(['id', 'status', 'initiator_id', 'business_type', 'subject_id', 'entity_id'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();

    const childOf = (parentId: string) =>
      t()
        .services.db.selectFrom('wf_instance')
        .select(['id', 'status', 'initiator_id', 'business_type', 'subject_id', 'entity_id'])
        .where('business_type', '=', 'workflow.subprocess')
        .where('subject_id', 'like', `${parentId}:%`)
        .executeTakeFirstOrThrow();

    async function publish(key: string, businessType: string, flow: WfFlow) {
      const created = await admin.post('/api/v1/workflow/definitions', {
        key,
        name: key,
        businessType,
        flow,
      });
      expect(created.statusCode, created.body).toBe(201);
      const published = await admin.post(`/api/v1/workflow/definitions/${created.json().id}/publish`, {});
      expect(published.statusCode, published.body).toBe(200);
    }

    beforeAll(async () => {
      admin = await t().login('admin');
      initiator = await t().login('wu.min');
      await publish(CHILD_KEY, 'test.subchild', childFlow());
      await publish('test-sub-parent', 'test.subparent', parentFlow());
    });

    it('starts the child by the parent’s initiator; the child’s approval continues the parent with mapped outputs', async () => {
      const parentId = await startParent(3_000);
      const parent = await instance(parentId);
      expect(parent.status).toBe('RUNNING');
      const child = await childOf(parentId);
      expect(child.status).toBe('RUNNING');
      expect(child.initiator_id).toBe(parent.initiator_id);
      expect(child.entity_id).toBe(parent.entity_id);

      const manager = await t().login('feng.bo');
      const childDetail = (await manager.get(`/api/v1/workflow/instances/${child.id}`)).json();
      expect(childDetail.formData).toEqual({ total: 3_000 });
      // The parent waits: nobody holds a task on it yet.
      const gm = await t().login('zhao.lei');
      expect((await gm.get(`/api/v1/workflow/instances/${parentId}`)).json().myTask ?? null).toBeNull();

      const approved = await act(manager, child.id, { action: 'approve', comment: '同意' });
      expect(approved.statusCode, approved.body).toBe(200);
      expect(approved.json().status).toBe('APPROVED');

      const parentDetail = (await initiator.get(`/api/v1/workflow/instances/${parentId}`)).json();
      expect(parentDetail.status).toBe('RUNNING');
      expect(parentDetail.formData).toMatchObject({ amount: 3_000, approvedTotal: 3_000 });
      expect(parentDetail.timeline.map((e: { action: string }) => e.action)).toContain('SUBPROCESS_RESULT');

      const final = await act(gm, parentId, { action: 'approve' });
      expect(final.statusCode, final.body).toBe(200);
      expect((await instance(parentId)).status).toBe('APPROVED');
    });

    it('rejecting the child rejects the sub-process node and ends the parent REJECTED', async () => {
      const parentId = await startParent(5_000);
      const child = await childOf(parentId);
      const manager = await t().login('feng.bo');
      const rejected = await act(manager, child.id, { action: 'reject', comment: '不同意' });
      expect(rejected.statusCode, rejected.body).toBe(200);
      expect((await instance(child.id)).status).toBe('REJECTED');
      expect((await instance(parentId)).status).toBe('REJECTED');
      const node = await t()
        .services.db.selectFrom('wf_action_log')
        .select(['action', 'reason_code'])
        .where('instance_id', '=', parentId)
        .where('action', '=', 'NODE_REJECT')
        .executeTakeFirstOrThrow();
      expect(node.reason_code).toBe('SUBPROCESS_REJECTED');
    });

    it('refuses to start a parent whose child flow key names no published flow', async () => {
      const flow = parentFlow() as any;
      flow.root.next.definitionKey = 'no-such-flow';
      await publish('test-sub-orphan', 'test.suborphan', flow);
      const { services } = t();
      const ctx = await initiator.context(services);
      const user = await t().given.userByUsername('wu.min');
      await expect(
        services.db.transaction().execute((trx) =>
          services.workflow.start(trx, ctx, {
            businessType: 'test.suborphan',
            subjectId: randomUUID(),
            title: 'orphan',
            entityId: user.entityId,
            departmentId: user.departmentId,
            amount: null,
            currency: 'CNY',
            category: null,
            formData: {},
          }),
        ),
      ).rejects.toMatchObject({ code: 'WF_NO_FLOW' });
    });
  },
  { demo: true, clock },
);
