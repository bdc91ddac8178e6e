/**
 * Scenarios of WORKFLOW.md §3 that depend on the database and the API rather than the pure core:
 * S43 field permissions enforced by the API, S44 versions (running instances keep theirs).
 * (S45 concurrency and S46 request ids are in workflow.service.test.ts.)
 */
import { startApproval } from '../../testing/approvals.js';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { beforeAll, expect, it } from 'vitest';
import { type ApiClient, describeEachDialect } from '../../testing/test-app.js';

const approvalBy = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
  id,
  name,
  type: 'approval',
  assignee: { supervisor: { level: 1, of: 'initiator' } },
  mode: 'and',
  ...extra,
});
const flowOf = (first: Record<string, unknown>) => ({
  schemaVersion: 1,
  settings: { dedupe: 'none', initiatorWithdraw: 'beforeFirstAction' },
  root: { id: 'start', name: '发起', type: 'start', next: first },
});

describeEachDialect('approval scenarios at the API', (t) => {
  let admin: ApiClient;
  let initiator: ApiClient;
  let manager: ApiClient;

  beforeAll(async () => {
    t().services.approvalSubjects.register({
      type: 'api',
      onApproved: async () => {},
      onRejected: async () => {},
      onWithdrawn: async () => {},
    });
    admin = await t().login('admin');
    initiator = await t().login('wu.min');
    manager = await t().login('feng.bo');
  });

  async function define(businessType: string, first: Record<string, unknown>) {
    const created = await admin.post('/api/v1/workflow/definitions', {
      key: `d-${randomUUID().slice(0, 8)}`,
      name: businessType,
      businessType,
      flow: flowOf(first),
    });
    expect(created.statusCode, created.body).toBe(201);
    const published = await admin.post(`/api/v1/workflow/definitions/${created.json().id}/publish`, {});
    expect(published.statusCode, published.body).toBe(200);
    return created.json().id as string;
  }

  async function start(businessType: string, formData: Record<string, unknown>) {
    return startApproval(t(), initiator, {
      businessType: businessType,
      title: businessType,
      amount: null,
      formData: formData,
    });
  }

  const detail = async (client: ApiClient, id: string) =>
    (await client.get(`/api/v1/workflow/instances/${id}`)).json();

  it('S43 field permissions: a read field cannot be changed (403), an edit field is saved and logged, a hidden one is not sent', async () => {
    await define(
      'api.fields',
      approvalBy('mgr', '主管', { fieldPerms: { amount: 'read', note: 'edit', secret: 'hidden' } }),
    );
    const id = await start('api.fields', { amount: 500, note: '原因', secret: '内部评估' });
    const seen = await detail(manager, id);
    expect(seen.formData).toEqual({ amount: 500, note: '原因' });
    expect(seen.fieldPerms).toMatchObject({ amount: 'read', note: 'edit', secret: 'hidden' });
    const act = (formPatch: Record<string, unknown>) =>
      manager.post(`/api/v1/workflow/instances/${id}/actions`, {
        action: 'approve',
        taskId: seen.myTask.taskId,
        formPatch,
        requestId: randomUUID(),
      });
    const refused = await act({ amount: 1 });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('WF_FIELD_NOT_EDITABLE');
    const hidden = await act({ secret: 'changed' });
    expect(hidden.statusCode).toBe(403);
    const saved = await act({ note: '已核实' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().status).toBe('APPROVED');
    const mine = await detail(initiator, id);
    expect(mine.formData.note).toBe('已核实');
    const approval = mine.timeline.find((e: { action: string }) => e.action === 'APPROVE');
    expect(JSON.stringify(approval.detail)).toContain('已核实');
  });

  it('lets everyone on an approval read its attachments, and nobody else', async () => {
    const { services } = t();
    await define('api.files', approvalBy('mgr', '主管'));
    const ctx = await initiator.context(services);
    const file = await services.files.upload(ctx, {
      name: '报价单.txt',
      contentType: 'text/plain',
      stream: Readable.from([Buffer.from('报价：¥1,000')]),
    });
    const stranger = await t().login('guo.xin');
    expect((await manager.get(`/api/v1/files/${file.id}/content`)).statusCode).toBe(404);
    const id = await start('api.files', { files: [file.id] });
    const download = await manager.get(`/api/v1/files/${file.id}/content`);
    expect(download.statusCode).toBe(200);
    expect(download.body).toBe('报价：¥1,000');
    expect((await stranger.get(`/api/v1/files/${file.id}/content`)).statusCode).toBe(404);
    expect((await detail(manager, id)).formData.files).toEqual([file.id]);
  });

  it('the preview routes a top-level amount as the submission does (the document carries it in its form)', async () => {
    const gm = await t().given.userByUsername('xu.tao');
    await define('api.amount', {
      id: 'by-amount',
      name: '按金额',
      type: 'condition',
      branches: [
        {
          id: 'large',
          name: '大额',
          priority: 1,
          when: { field: 'amount', op: 'gte', value: 100_000 },
          next: { id: 'big', name: '大额审批', type: 'approval', assignee: { users: [gm.id] }, mode: 'or' },
        },
        { id: 'other', name: '其他', priority: 2 },
      ],
    });
    const steps = async (body: Record<string, unknown>) =>
      (await initiator.post('/api/v1/workflow/preview', { businessType: 'api.amount', ...body }))
        .json()
        .path.map((s: { nodeId: string }) => s.nodeId);
    expect(await steps({ amount: 500_000, formData: {} })).toContain('big');
    expect(await steps({ amount: 500, formData: {} })).not.toContain('big');
    // The form's own amount wins where both are given, as it does at submission.
    expect(await steps({ amount: 500, formData: { amount: 500_000 } })).toContain('big');
  });

  it('S21 发起人自选: the preview asks for the pick, a missing pick is refused, the picked user is tasked', async () => {
    await define('api.select', {
      id: 'picked',
      name: '自选审批人',
      type: 'approval',
      assignee: { initiatorSelect: { multiple: true } },
      mode: 'and',
    });
    const preview = await initiator.post('/api/v1/workflow/preview', {
      businessType: 'api.select',
      formData: {},
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const step = preview.json().path.find((s: { nodeId: string }) => s.nodeId === 'picked');
    expect(step.select).toEqual({ multiple: true, range: null });
    await expect(start('api.select', {})).rejects.toMatchObject({ code: 'WF_MISSING_SELECTION' });
    const { services } = t();
    const ctx = await initiator.context(services);
    const user = await t().given.userByUsername('wu.min');
    const chosen = await t().given.userByUsername('xu.tao');
    const id = await services.db.transaction().execute((trx) =>
      services.workflow.start(trx, ctx, {
        businessType: 'api.select',
        subjectId: randomUUID(),
        title: 'select',
        entityId: user.entityId,
        departmentId: user.departmentId,
        amount: null,
        currency: 'CNY',
        category: null,
        formData: {},
        selections: { picked: [chosen.id] },
      }),
    );
    const picked = await t().login('xu.tao');
    expect((await detail(picked, id)).myTask.nodeId).toBe('picked');
  });

  it('S44 versions: a running instance keeps its version, new instances take the new one', async () => {
    const definitionId = await define('api.versions', approvalBy('first', '第一版审批'));
    const before = await start('api.versions', {});
    const v2 = await admin.patch(`/api/v1/workflow/definitions/${definitionId}`, {
      flow: flowOf(approvalBy('second', '第二版审批', { next: approvalBy('third', '第二版复核') })),
    });
    expect(v2.statusCode, v2.body).toBe(200);
    const published = await admin.post(`/api/v1/workflow/definitions/${definitionId}/publish`, {});
    expect(published.json().currentVersion).toBe(2);
    const after = await start('api.versions', {});

    const old = await detail(manager, before);
    expect(old.myTask.nodeName).toBe('第一版审批');
    const approved = await manager.post(`/api/v1/workflow/instances/${before}/actions`, {
      action: 'approve',
      taskId: old.myTask.taskId,
    });
    expect(approved.json().status).toBe('APPROVED');
    const fresh = await detail(manager, after);
    expect(fresh.myTask.nodeName).toBe('第二版审批');
    expect(fresh.path.map((s: { nodeId: string }) => s.nodeId)).toEqual(['start', 'second', 'third']);
  });
});
