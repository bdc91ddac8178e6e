/**
 * The approval engine's definitions, proxy rules and views write their instants by the app's clock
 * (the one PlatformPorts injects), not the machine's: under a manual clock, a definition's creation,
 * draft edit and publication, a proxy rule and the moment a cc recipient reads an approval carry the
 * clock's instant. Every step moves the clock, so a service that read the machine's time fails.
 */
import { randomUUID } from 'node:crypto';
import { wfDefinitionCreateSchema, type WfFlow } from '@concord/contracts';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../testing/test-app.js';
import { ManualClock } from '../jobs/index.js';

// Far from the machine's time, so an instant taken from the machine's clock cannot pass.
const START = '2026-04-01T02:00:00.000Z';
const HOUR = 3600 * 1000;
const clock = new ManualClock(START);
/** Moves the clock on by an hour and answers the new instant. */
const tick = (): string => {
  clock.advance(HOUR);
  return clock.now().toISOString();
};

/** Start → copy to `ccId` → one approval by `approverId`. */
const ccThenApprove = (ccId: string, approverId: string): WfFlow =>
  ({
    schemaVersion: 1,
    settings: { dedupe: 'none', initiatorWithdraw: 'beforeFirstAction' },
    root: {
      id: 'start',
      name: '发起',
      type: 'start',
      next: {
        id: 'cc',
        name: '抄送',
        type: 'cc',
        assignee: { users: [ccId] },
        next: {
          id: 'approve',
          name: '审批',
          type: 'approval',
          assignee: { users: [approverId] },
          mode: 'or',
        },
      },
    },
  }) as unknown as WfFlow;

describeEachDialect(
  'approval engine instants',
  (t) => {
    const businessType = `test.clock${randomUUID().slice(0, 6)}`;

    /** A definition of the world's entity for `businessType`, created, edited and published, each an hour apart. */
    async function publishedDefinition() {
      const { given, services } = t();
      const world = await given.world();
      const system = services.systemContext('test');
      const definitions = services.workflowDefinitions;
      const createdAt = tick();
      const created = await definitions.create(
        system,
        wfDefinitionCreateSchema.parse({
          key: `clock-${randomUUID().slice(0, 8)}`,
          name: '时钟测试流程',
          businessType,
          entityId: world.entityId,
          priority: 1000,
        }),
      );
      const editedAt = tick();
      const edited = await definitions.update(system, created.id, {
        flow: ccThenApprove(world.approver.id, world.registrar.id),
      });
      const publishedAt = tick();
      const published = await definitions.publish(system, created.id);
      return { world, created, createdAt, edited, editedAt, published, publishedAt };
    }

    it('stamps a definition, its draft and its published version with the clock', async () => {
      clock.set(START);
      const { created, createdAt, edited, editedAt, published, publishedAt } = await publishedDefinition();
      expect(created).toMatchObject({ updatedAt: createdAt, versions: [] });
      expect(edited).toMatchObject({ updatedAt: editedAt, hasUnpublishedChanges: true });
      expect(published).toMatchObject({
        currentVersion: 1,
        updatedAt: publishedAt,
        versions: [expect.objectContaining({ version: 1, publishedAt })],
      });
    });

    it('stamps a proxy rule with the clock', async () => {
      const { given, services } = t();
      const world = await given.world();
      const createdAt = tick();
      const rule = await services.workflowProxies.create(world.approver.ctx, {
        proxyId: world.registrar.id,
        startAt: '2030-01-01T00:00:00.000Z',
        endAt: '2030-01-02T00:00:00.000Z',
      });
      expect(rule).toMatchObject({ userId: world.approver.id, createdAt });
    });

    it('records when a cc recipient first reads the approval by the clock', async () => {
      const { services } = t();
      const { world } = await publishedDefinition();
      const ctx = world.registrar.ctx;
      const startedAt = tick();
      const instanceId = await services.db.transaction().execute((trx) =>
        services.workflow.start(trx, ctx, {
          businessType,
          subjectId: randomUUID(),
          title: '时钟测试审批',
          entityId: world.entityId,
          departmentId: world.departmentId,
          amount: null,
          currency: 'CNY',
          category: null,
          formData: {},
        }),
      );
      const ccRow = () =>
        services.db
          .selectFrom('wf_cc')
          .select(['created_at', 'read_at'])
          .where('instance_id', '=', instanceId)
          .where('user_id', '=', world.approver.id)
          .executeTakeFirstOrThrow();
      expect(await ccRow()).toMatchObject({ read_at: null });

      const readAt = tick();
      await services.workflowViews.detail(world.approver.ctx, instanceId);
      const row = await ccRow();
      expect([row.created_at, row.read_at].map((at) => new Date(at!).toISOString())).toEqual([
        startedAt,
        readAt,
      ]);
    });
  },
  { clock },
);
