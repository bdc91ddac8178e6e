import { WF_COUNT_CAP } from '@concord/contracts';
import { beforeAll, expect, it } from 'vitest';
import { type ApiClient, describeEachDialect } from '../../testing/test-app.js';

describeEachDialect(
  'approval centre counts',
  (t) => {
    let user: ApiClient;
    let instanceId: string;
    const counts = async () => {
      const res = await user.get('/api/v1/workflow/tasks/counts');
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { todo: number; done: number; initiated: number; cc: number };
    };
    /** Decided tasks of the user's on a demo approval, each under a task key of its own. */
    const addDoneTasks = async (n: number, status: string, from: number) => {
      const rows = Array.from({ length: n }, (_, i) => ({
        instance_id: instanceId,
        task_key: `counts-test-${from + i}`,
        node_id: 'mgr',
        node_name: '部门经理审批',
        assignee_id: user.session.user.id,
        status,
        open: false,
        created_at: new Date().toISOString(),
        decided_at: new Date().toISOString(),
      }));
      for (let i = 0; i < rows.length; i += 200)
        await t()
          .services.db.insertInto('wf_task')
          .values(rows.slice(i, i + 200))
          .execute();
    };

    beforeAll(async () => {
      user = await t().login('wang.fang');
      instanceId = (await t().services.db.selectFrom('wf_instance').select('id').executeTakeFirstOrThrow())
        .id;
    });

    it('counts exactly below the cap, leaving out tasks that were never the user’s decision', async () => {
      const before = await counts();
      expect(before.done).toBeLessThan(WF_COUNT_CAP);
      await addDoneTasks(3, 'APPROVED', 0);
      await addDoneTasks(2, 'CANCELED', 3);
      expect(await counts()).toEqual({ ...before, done: before.done + 3 });
    });

    it('stops each count at the cap plus one, however many rows there are', async () => {
      const before = await counts();
      await addDoneTasks(WF_COUNT_CAP + 50, 'APPROVED', 100);
      expect(await counts()).toEqual({ ...before, done: WF_COUNT_CAP + 1 });
    });
  },
  { demo: true },
);
