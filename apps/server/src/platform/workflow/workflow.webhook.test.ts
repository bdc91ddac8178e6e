/**
 * Trigger (webhook) and delay nodes end to end on a real database: the webhook job calls a local
 * HTTP server, the core decides retries and halting, the job runner and a manual clock drive time.
 */
import { startApproval } from '../../testing/approvals.js';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WfFlow, WfNode } from '@concord/contracts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiClient, describeEachDialect } from '../../testing/test-app.js';
import { ManualClock } from '../jobs/index.js';
import { compileFlow } from './workflow.compiler.js';
import { webhookUrlErrors } from './workflow.webhook.js';

const T0 = '2026-04-01T01:00:00.000Z';
const clock = new ManualClock(T0);

interface Hit {
  path: string;
  method: string;
  headers: IncomingHttpHeaders;
  body: string;
}

function flowWith(middle: WfNode): WfFlow {
  return {
    schemaVersion: 1,
    settings: { dedupe: 'none', initiatorWithdraw: 'beforeFirstAction' },
    root: {
      id: 'start',
      name: '发起',
      type: 'start',
      next: {
        ...middle,
        next: {
          id: 'mgr',
          name: '主管审批',
          type: 'approval',
          assignee: { supervisor: { level: 1, of: 'initiator' } },
          mode: 'and',
        },
      } as WfNode,
    },
  } as WfFlow;
}

describeEachDialect(
  'approval engine trigger and delay nodes',
  (t) => {
    let admin: ApiClient;
    let initiator: ApiClient;
    let server: Server;
    let base = '';
    const hits: Hit[] = [];
    /** path → status codes to answer in turn; the last one repeats. */
    const script = new Map<string, number[]>();

    async function publish(businessType: string, flow: WfFlow) {
      const created = await admin.post('/api/v1/workflow/definitions', {
        key: businessType.replace('.', '-'),
        name: businessType,
        businessType,
        flow,
      });
      expect(created.statusCode, created.body).toBe(201);
      return admin.post(`/api/v1/workflow/definitions/${created.json().id}/publish`, {});
    }

    async function start(businessType: string, formData: Record<string, unknown> = {}) {
      return startApproval(t(), initiator, {
        businessType: businessType,
        title: `${businessType} ${randomUUID().slice(0, 6)}`,
        amount: null,
        formData: formData,
      });
    }

    /** Ticks the job runner (each job's HTTP call included) until nothing due is left. */
    async function drain() {
      for (let i = 0; i < 10; i++) {
        if ((await t().services.jobRunner.tick()).ran === 0) return;
      }
    }

    async function advance(ms: number) {
      clock.set(new Date(clock.now().getTime() + ms));
      await drain();
    }

    const managerTasks = async (id: string) =>
      t()
        .services.db.selectFrom('wf_task')
        .select(['assignee_id', 'status'])
        .where('instance_id', '=', id)
        .where('node_id', '=', 'mgr')
        .execute();

    beforeAll(async () => {
      clock.set(T0);
      server = createServer((req, res) => {
        let body = '';
        req.on('data', (chunk) => {
          body += chunk;
        });
        req.on('end', () => {
          const path = req.url ?? '/';
          hits.push({ path, method: req.method ?? '', headers: req.headers, body });
          const codes = script.get(path) ?? [404];
          const status = codes.length > 1 ? (codes.shift() as number) : codes[0];
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(status === 200 ? JSON.stringify({ data: { code: 'V-42', score: 7 } }) : '{"error":"boom"}');
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      t().services.approvalSubjects.register({
        type: 'hook',
        onApproved: async () => {},
        onRejected: async () => {},
        onWithdrawn: async () => {},
      });
      admin = await t().login('admin');
      initiator = await t().login('wu.min');
    });

    afterAll(async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      clock.set(T0);
    });

    it('refuses a trigger that calls anything but http(s), on save and on publish', async () => {
      const flow = flowWith({
        id: 'call',
        name: 'FTP',
        type: 'trigger',
        http: { method: 'GET', url: 'ftp://127.0.0.1/x' },
      });
      const created = await admin.post('/api/v1/workflow/definitions', {
        key: 'hook-ftp',
        name: 'FTP',
        businessType: 'hook.ftp',
        flow,
      });
      expect(created.statusCode).toBe(400);
      expect(created.json().code).toBe('VALIDATION_FAILED');
      const compiled = compileFlow(flow);
      if (!compiled.ok) throw new Error('expected the flow to compile');
      expect(webhookUrlErrors(compiled.graph)).toEqual([
        { path: 'call', message: expect.stringContaining('BAD_WEBHOOK_URL') },
      ]);
    });

    it('retries a failed call, maps the response into the form and moves on to the approval', async () => {
      script.set('/ok', [500, 200]);
      const published = await publish(
        'hook.ok',
        flowWith({
          id: 'call',
          name: '查询供应商',
          type: 'trigger',
          http: {
            method: 'POST',
            url: `${base}/ok`,
            headers: { 'X-Token': 'secret' },
            body: '{"ask":"vendor"}',
            responseMap: { vendorCode: 'data.code', score: 'data.score' },
          },
          retry: { maxAttempts: 3, backoff: 'PT1M' },
          onFail: 'halt',
        }),
      );
      expect(published.statusCode, published.body).toBe(200);
      const id = await start('hook.ok', { reason: '采购' });
      expect(await managerTasks(id)).toHaveLength(0);

      await drain(); // attempt 1 → 500
      expect(hits.filter((h) => h.path === '/ok')).toHaveLength(1);
      expect(await managerTasks(id)).toHaveLength(0);
      await drain(); // the retry waits for its backoff
      expect(hits.filter((h) => h.path === '/ok')).toHaveLength(1);

      await advance(61_000); // attempt 2 → 200
      const calls = hits.filter((h) => h.path === '/ok');
      expect(calls).toHaveLength(2);
      expect(calls[1].method).toBe('POST');
      expect(calls[1].body).toBe('{"ask":"vendor"}');
      expect(calls[1].headers['x-token']).toBe('secret');
      expect(calls[0].headers['idempotency-key']).toBeTruthy();
      expect(calls[1].headers['idempotency-key']).not.toBe(calls[0].headers['idempotency-key']);

      const detail = (await initiator.get(`/api/v1/workflow/instances/${id}`)).json();
      expect(detail.status).toBe('RUNNING');
      expect(detail.formData).toMatchObject({ reason: '采购', vendorCode: 'V-42', score: 7 });
      const reasons = detail.timeline.map((e: { reasonCode: string }) => e.reasonCode);
      expect(reasons).toContain('TRIGGER_RETRY');
      expect(reasons).toContain('TRIGGER_OK');
      const tasks = await managerTasks(id);
      expect(tasks).toHaveLength(1);
      expect(tasks[0].status).toBe('PENDING');
    });

    it('halts in ERROR after three failed calls (scenario 42), visible in the detail', async () => {
      script.set('/fail', [500]);
      const published = await publish(
        'hook.fail',
        flowWith({
          id: 'call',
          name: '同步 ERP',
          type: 'trigger',
          http: { method: 'GET', url: `${base}/fail` },
          retry: { maxAttempts: 3, backoff: 'PT5M' },
          onFail: 'halt',
        }),
      );
      expect(published.statusCode, published.body).toBe(200);
      const id = await start('hook.fail');
      await drain();
      await advance(5 * 60_000 + 1000);
      await advance(5 * 60_000 + 1000);
      await advance(5 * 60_000 + 1000); // nothing more is scheduled after the third failure
      expect(hits.filter((h) => h.path === '/fail')).toHaveLength(3);

      for (const client of [initiator, admin]) {
        const response = await client.get(`/api/v1/workflow/instances/${id}`);
        expect(response.statusCode, response.body).toBe(200);
        expect(response.json().status).toBe('ERROR');
        expect(response.json().timeline.map((e: { reasonCode: string }) => e.reasonCode)).toContain(
          'TRIGGER_FAILED',
        );
      }
      const row = await t()
        .services.db.selectFrom('wf_instance')
        .select('status')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row.status).toBe('ERROR');
      expect(await managerTasks(id)).toHaveLength(0);
    });

    it('waits at a delay node until its time, then goes on (scenario 41)', async () => {
      const published = await publish(
        'hook.delay',
        flowWith({ id: 'wait', name: '等待两小时', type: 'delay', wait: { duration: 'PT2H' } }),
      );
      expect(published.statusCode, published.body).toBe(200);
      const id = await start('hook.delay');
      await drain();
      expect(await managerTasks(id)).toHaveLength(0);
      await advance(60 * 60_000);
      expect(await managerTasks(id)).toHaveLength(0);
      await advance(60 * 60_000 + 1000);
      const tasks = await managerTasks(id);
      expect(tasks).toHaveLength(1);
      const detail = (await initiator.get(`/api/v1/workflow/instances/${id}`)).json();
      expect(detail.status).toBe('RUNNING');
      expect(detail.timeline.map((e: { reasonCode: string }) => e.reasonCode)).toContain('DELAY_ELAPSED');
    });
  },
  { demo: true, clock },
);
