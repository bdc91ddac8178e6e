/**
 * Approvals never skip a step silently (issue 12 §3), on a real database: a step whose approver
 * resolves to nobody goes to the flow's administrators, who are told why; a mandatory step with
 * nobody refuses the submission, and the preview says so first; the designer hears at validation
 * which steps would find nobody in which entity.
 */
import { randomUUID } from 'node:crypto';
import type { WfFlow } from '@concord/contracts';
import { beforeAll, expect, it } from 'vitest';
import { type ApiClient, describeEachDialect } from '../../testing/test-app.js';

/** One approval step by role, the document's department head afterwards. */
function roleFlow(role: string, extra: Record<string, unknown> = {}): WfFlow {
  return {
    schemaVersion: 1,
    settings: { dedupe: 'none', initiatorWithdraw: 'beforeFirstAction' },
    root: {
      id: 'start',
      name: '发起',
      type: 'start',
      next: {
        id: 'review',
        name: '审计复核',
        type: 'approval',
        assignee: { role },
        mode: 'or',
        ...extra,
      },
    },
  } as WfFlow;
}

describeEachDialect('approval steps with nobody to approve', (t) => {
  let admin: ApiClient;
  let initiator: ApiClient;

  async function publish(businessType: string, flow: WfFlow) {
    const created = await admin.post('/api/v1/workflow/definitions', {
      key: businessType.replace('.', '-'),
      name: businessType,
      businessType,
      flow,
    });
    expect(created.statusCode, created.body).toBe(201);
    const published = await admin.post(`/api/v1/workflow/definitions/${created.json().id}/publish`, {});
    expect(published.statusCode, published.body).toBe(200);
  }

  async function start(businessType: string) {
    const { services } = t();
    const ctx = await initiator.context(services);
    const user = await t().given.userByUsername('wu.min');
    return services.db.transaction().execute((trx) =>
      services.workflow.start(trx, ctx, {
        businessType,
        subjectId: randomUUID(),
        title: `复核 ${randomUUID().slice(0, 6)}`,
        entityId: user.entityId,
        departmentId: user.departmentId,
        amount: 100,
        currency: 'CNY',
        category: null,
        formData: { amount: 100 },
      }),
    );
  }

  beforeAll(async () => {
    const { services } = t();
    services.approvalSubjects.register({
      type: 'test',
      onApproved: async () => {},
      onRejected: async () => {},
      onWithdrawn: async () => {},
    });
    admin = await t().login('admin');
    initiator = await t().login('wu.min');
    await publish('test.audit', roleFlow('internal_audit'));
    await publish('test.mandatory', roleFlow('internal_audit', { mandatory: true }));
  });

  it('hands an empty step to the administrators, tells them why, and the preview shows who stands in', async () => {
    const { services } = t();
    const preview = await initiator.post('/api/v1/workflow/preview', {
      businessType: 'test.audit',
      formData: {},
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const step = preview.json().path.find((s: { nodeId: string }) => s.nodeId === 'review');
    expect(step).toMatchObject({ empty: 'admin', mandatory: false });
    expect(step.approvers.map((a: { name: string }) => a.name)).toContain('系统管理员');

    const id = await start('test.audit');
    const adminTodo = (await admin.get('/api/v1/workflow/tasks?tab=todo&pageSize=50')).json();
    expect(adminTodo.items.map((i: { instanceId: string }) => i.instanceId)).toContain(id);
    const notices = await services.db
      .selectFrom('notification_item')
      .select(['kind'])
      .where('recipient_id', '=', admin.session.user.id)
      .where('kind', '=', 'approval.emptyApprover')
      .execute();
    expect(notices.length).toBeGreaterThanOrEqual(1);
    const detail = (await admin.get(`/api/v1/workflow/instances/${id}`)).json();
    expect(detail.status).toBe('RUNNING');
    expect(detail.path.find((s: { nodeId: string }) => s.nodeId === 'review').state).toBe('active');
  });

  it('refuses to submit into a mandatory step with nobody, and the preview says so first', async () => {
    const preview = await initiator.post('/api/v1/workflow/preview', {
      businessType: 'test.mandatory',
      formData: {},
    });
    const step = preview.json().path.find((s: { nodeId: string }) => s.nodeId === 'review');
    expect(step).toMatchObject({ empty: 'blocked', mandatory: true, approvers: [] });
    const refused = await start('test.mandatory').catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'WF_MANDATORY_APPROVER_MISSING', status: 409 });
    expect(refused).toMatchObject({ params: { detail: '审计复核' } });
  });

  it('warns the designer which steps find nobody in which entity, by role name', async () => {
    const { services } = t();
    const entities = await services.org.activeEntities();
    const everywhere = await admin.post('/api/v1/workflow/validate', {
      flow: roleFlow('internal_audit', { mandatory: true }),
    });
    expect(everywhere.statusCode, everywhere.body).toBe(200);
    expect(everywhere.json().errors).toEqual([]);
    const [gap] = everywhere.json().warnings;
    expect(gap).toMatchObject({ nodeId: 'review', mandatory: true });
    expect(gap.entities.map((e: { id: string }) => e.id).sort()).toEqual(entities.map((e) => e.id).sort());
    expect(gap.message).toContain('无法提交');

    const one = entities[1];
    const bound = await admin.post('/api/v1/workflow/validate', {
      flow: roleFlow('internal_audit'),
      entityId: one.id,
    });
    expect(bound.json().warnings[0].entities).toEqual([{ id: one.id, name: one.name }]);
    expect(bound.json().warnings[0].message).toContain('流程管理员');

    // The demo's legal counsel serves every entity: no gap; once she is disabled, every entity has one.
    expect(
      (await admin.post('/api/v1/workflow/validate', { flow: roleFlow('legal') })).json().warnings,
    ).toEqual([]);
    const counsel = await t().given.userByUsername('wang.fang');
    expect((await admin.post(`/api/v1/org/users/${counsel.id}/active`, { active: false })).statusCode).toBe(
      200,
    );
    const afterLeaving = (await admin.post('/api/v1/workflow/validate', { flow: roleFlow('legal') })).json();
    expect(afterLeaving.warnings[0].entities).toHaveLength(entities.length);
    expect(afterLeaving.warnings[0].message).toContain('法务');
    expect((await admin.post(`/api/v1/org/users/${counsel.id}/active`, { active: true })).statusCode).toBe(
      200,
    );
  });

  it('a publish with a mandatory step that may pass by itself is refused with the reason', async () => {
    const created = await admin.post('/api/v1/workflow/definitions', {
      key: 'test-autopass',
      name: 'auto',
      businessType: 'test.autopass',
      flow: roleFlow('legal', { mandatory: true, onEmpty: { do: 'pass' } }),
    });
    const published = await admin.post(`/api/v1/workflow/definitions/${created.json().id}/publish`, {});
    expect(published.statusCode).toBe(400);
    expect(published.json().errors[0].message).toContain('MANDATORY_AUTO_PASS');
  });
});
