/**
 * Proxy while away (审批代理, WORKFLOW.md scenario 33) and comment attachments, on a real database:
 * rules managed through the API, tasks routed to the proxy while a rule is in force, the timeline
 * naming "P for A", attachments checked against what the actor may see and listed by name.
 */
import { actOnApproval, startApproval } from '../../testing/approvals.js';
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../testing/test-app.js';
import type { ApiClient } from '../../testing/test-app.js';
import { upload } from '../files/files.testing.js';
import { ManualClock } from '../jobs/index.js';

const clock = new ManualClock('2026-05-01T08:00:00.000Z');
const hour = 3_600_000;
const at = (hours: number) => new Date(Date.parse('2026-05-01T08:00:00.000Z') + hours * hour).toISOString();

describeEachDialect(
  'approval proxies and comment attachments',
  (t) => {
    let initiator: ApiClient;
    let manager: ApiClient; // A: feng.bo, wu.min's supervisor
    let proxy: ApiClient; // P: guo.xin
    const business = 'test.proxy';

    async function start() {
      return startApproval(t(), initiator, {
        businessType: business,
        title: `代理 ${randomUUID().slice(0, 6)}`,
        amount: null,
        formData: {},
      });
    }

    const act = actOnApproval;

    const tasksOf = (id: string) =>
      t()
        .services.db.selectFrom('wf_task')
        .select(['assignee_id', 'on_behalf_of'])
        .where('instance_id', '=', id)
        .where('node_id', '=', 'mgr')
        .execute();

    beforeAll(async () => {
      const admin = await t().login('admin');
      initiator = await t().login('wu.min');
      manager = await t().login('feng.bo');
      proxy = await t().login('guo.xin');
      const created = await admin.post('/api/v1/workflow/definitions', {
        key: 'test-proxy',
        name: '代理测试',
        businessType: business,
        flow: {
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
        },
      });
      expect(created.statusCode, created.body).toBe(201);
      const published = await admin.post(`/api/v1/workflow/definitions/${created.json().id}/publish`, {});
      expect(published.statusCode, published.body).toBe(200);
    });

    it('validates proxy rules: someone else, active, start before end, no overlap, own rules only', async () => {
      const me = manager.session.user.id;
      const other = proxy.session.user.id;
      const post = (body: Record<string, unknown>) => manager.post('/api/v1/workflow/proxies', body);
      expect((await post({ proxyId: me, startAt: at(100), endAt: at(101) })).statusCode).toBe(400);
      expect((await post({ proxyId: other, startAt: at(101), endAt: at(100) })).statusCode).toBe(400);
      expect((await post({ proxyId: randomUUID(), startAt: at(100), endAt: at(101) })).statusCode).toBe(400);
      expect((await post({ proxyId: other, startAt: 'tomorrow', endAt: at(101) })).statusCode).toBe(400);
      expect(
        (await post({ proxyId: other, startAt: at(100), endAt: at(101), userId: other })).statusCode,
      ).toBe(400);
      const ok = await post({ proxyId: other, startAt: at(100), endAt: at(102) });
      expect(ok.statusCode, ok.body).toBe(201);
      expect(ok.json()).toMatchObject({ userId: me, proxyId: other, proxyName: expect.any(String) });
      const overlap = await post({ proxyId: other, startAt: at(101), endAt: at(103) });
      expect(overlap.statusCode).toBe(400);
      const after = await post({ proxyId: other, startAt: at(102), endAt: at(103) });
      expect(after.statusCode, after.body).toBe(201);

      const mine = (await manager.get('/api/v1/workflow/proxies')).json().items;
      expect(mine.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining([ok.json().id]));
      expect((await proxy.get('/api/v1/workflow/proxies')).json().items).toEqual([]);
      expect((await proxy.get('/api/v1/workflow/proxies?view=all')).statusCode).toBe(403);
      const admin = await t().login('admin');
      const all = (await admin.get('/api/v1/workflow/proxies?view=all')).json().items;
      expect(all.map((r: { id: string }) => r.id)).toContain(ok.json().id);

      expect((await proxy.delete(`/api/v1/workflow/proxies/${ok.json().id}`)).statusCode).toBe(404);
      expect((await manager.delete(`/api/v1/workflow/proxies/${ok.json().id}`)).statusCode).toBe(204);
      expect((await admin.delete(`/api/v1/workflow/proxies/${after.json().id}`)).statusCode).toBe(204);
      expect((await manager.delete(`/api/v1/workflow/proxies/${after.json().id}`)).statusCode).toBe(404);
      const audit = await t()
        .services.db.selectFrom('audit_log')
        .select('action')
        .where('entity_type', '=', 'workflow_proxy_rule')
        .where('entity_id', '=', ok.json().id)
        .execute();
      expect(audit.map((a) => a.action).sort()).toEqual(['create', 'delete']);
    });

    it('S33: while A→P is in force, P is tasked for A; after it ends A is tasked again', async () => {
      const A = manager.session.user.id;
      const P = proxy.session.user.id;
      const rule = await manager.post('/api/v1/workflow/proxies', {
        proxyId: P,
        startAt: at(-1),
        endAt: at(2),
      });
      expect(rule.statusCode, rule.body).toBe(201);

      const id = await start();
      expect(await tasksOf(id)).toEqual([{ assignee_id: P, on_behalf_of: A }]);
      const todo = (await proxy.get('/api/v1/workflow/tasks?tab=todo')).json();
      expect(todo.items.map((i: { instanceId: string }) => i.instanceId)).toContain(id);
      const done = await act(proxy, id, { action: 'approve', comment: '代为同意' });
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json().status).toBe('APPROVED');
      const approval = done.json().timeline.find((e: { action: string }) => e.action === 'APPROVE');
      expect(approval).toMatchObject({
        actorName: proxy.session.user.displayName,
        onBehalfOfName: manager.session.user.displayName,
        comment: '代为同意',
        attachments: [],
      });

      clock.set(at(3));
      try {
        const later = await start();
        expect(await tasksOf(later)).toEqual([{ assignee_id: A, on_behalf_of: null }]);
      } finally {
        clock.set(at(0));
        await manager.delete(`/api/v1/workflow/proxies/${rule.json().id}`);
      }
    });

    it('keeps comment attachments the actor may see, by name, and refuses others (400)', async () => {
      const id = await start();
      const mine = (await upload(manager, '发票.pdf', Buffer.from('pdf'), 'application/pdf')).json();
      const theirs = (await upload(proxy, 'secret.txt', Buffer.from('x'))).json();
      const refused = await act(manager, id, { action: 'approve', attachmentIds: [mine.id, theirs.id] });
      expect(refused.statusCode).toBe(400);
      const tooMany = await act(manager, id, {
        action: 'approve',
        attachmentIds: Array.from({ length: 11 }, () => mine.id),
      });
      expect(tooMany.statusCode).toBe(400);
      expect((await tasksOf(id))[0]).toMatchObject({ assignee_id: manager.session.user.id });

      const approved = await act(manager, id, {
        action: 'approve',
        comment: '见附件',
        attachmentIds: [mine.id],
      });
      expect(approved.statusCode, approved.body).toBe(200);
      const entry = approved.json().timeline.find((e: { action: string }) => e.action === 'APPROVE');
      expect(entry.attachments).toEqual([{ id: mine.id, name: '发票.pdf' }]);
      expect(entry.detail.attachmentIds).toEqual([mine.id]);
      const seen = (await initiator.get(`/api/v1/workflow/instances/${id}`)).json();
      const forInitiator = seen.timeline.find((e: { action: string }) => e.action === 'APPROVE');
      expect(forInitiator.attachments).toEqual([{ id: mine.id, name: '发票.pdf' }]);
      const logged = await t()
        .services.db.selectFrom('wf_action_log')
        .select('detail')
        .where('instance_id', '=', id)
        .where('action', '=', 'APPROVE')
        .executeTakeFirstOrThrow();
      const detail = typeof logged.detail === 'string' ? JSON.parse(logged.detail) : logged.detail;
      expect(detail.attachmentIds).toEqual([mine.id]);
    });
  },
  { demo: true, clock },
);
