/** My recent records (the workbench's 最近记录), read from my own audit entries, one per record. */
import type { AuditRecentPage } from '@concord/contracts';
import { CompiledQuery, sql } from 'kysely';
import { expect, it } from 'vitest';
import { isPostgres } from '../../db/index.js';
import { describeEachDialect } from '../../testing/test-app.js';
import { recentRecordsQuery } from './audit.repository.js';

describeEachDialect(
  'my recent records',
  (t) => {
    it('lists the records I last wrote to, one each, newest first, with their names, by keyset', async () => {
      const { given } = t();
      const world = await given.world();
      const registrar = await t().login(world.registrar.username, world.registrar.password);
      const approver = await t().login(world.approver.username, world.approver.password);
      const a = await given.partner({ name: '最近记录甲有限公司' });
      const b = await given.partner({ name: '最近记录乙有限公司' });
      const c = await given.partner({ name: '最近记录丙有限公司' });
      // A written to again, last: it comes first, once, with its new name and the latest action.
      const renamed = await registrar.patch(`/api/v1/partners/${a.id}`, {
        name: '最近记录甲（更名）有限公司',
      });
      expect(renamed.statusCode, renamed.body).toBe(200);
      // Someone else's write does not make B mine-recent.
      const remarks = await approver.patch(`/api/v1/partners/${b.id}`, { remarks: '审批人补充' });
      expect([403, 200]).toContain(remarks.statusCode);

      const recent = async (client: typeof registrar, query: string) => {
        const response = await client.get(`/api/v1/audit/mine/recent${query}`);
        expect(response.statusCode, response.body).toBe(200);
        return response.json() as AuditRecentPage;
      };
      const first = await recent(registrar, '?limit=2');
      expect(first.items.map((r) => [r.entityType, r.entityId, r.action, r.title])).toEqual([
        ['partner', a.id, 'update', '最近记录甲（更名）有限公司'],
        ['partner', c.id, 'create', '最近记录丙有限公司'],
      ]);
      expect(first.items[0]).toMatchObject({ entityTypeLabel: '合作方', actionLabel: '修改' });
      expect(first.nextCursor).not.toBeNull();
      const second = await recent(registrar, `?limit=2&cursor=${first.nextCursor}`);
      // B next; A is not listed again for its older entry (its creation).
      expect(second.items.map((r) => r.entityId).slice(0, 1)).toEqual([b.id]);
      expect(second.items.map((r) => r.entityId)).not.toContain(a.id);
      expect(second.items.map((r) => r.entityId)).not.toContain(c.id);
      // Only the kinds asked for: none of the partners is an approval.
      expect((await recent(registrar, '?types=workflow_instance,contract')).items).toEqual([]);
      expect((await recent(registrar, '?types=partner&limit=1')).items.map((r) => r.entityId)).toEqual([
        a.id,
      ]);
      // Sign-ins are not records to go back to.
      const all = await recent(registrar, '?limit=20');
      expect(all.items.map((r) => r.entityType)).not.toContain('session');
      expect(new Set(all.items.map((r) => `${r.entityType}:${r.entityId}`)).size).toBe(all.items.length);

      // The approver's list holds their own writes only.
      const theirs = await recent(approver, '?limit=20');
      for (const id of [a.id, c.id]) expect(theirs.items.map((r) => r.entityId)).not.toContain(id);
    });

    it('walks my own entries backwards by the actor index, whatever the size of the log', async () => {
      const { db } = t().services;
      const world = await t().given.world();
      const page = recentRecordsQuery(
        db,
        { actorId: world.registrar.id, entityId: world.entityId },
        { beforeSeq: 1000, limit: 6, excludedTypes: ['session'] },
      ).compile();
      const postgres = isPostgres(db);
      const plan = postgres
        ? await db.transaction().execute(async (trx) => {
            // The test's few rows would be read from the heap whatever the indexes.
            await sql`set local enable_seqscan = off`.execute(trx);
            const explained = await trx.executeQuery<{ 'QUERY PLAN': string }>(
              CompiledQuery.raw(`explain ${page.sql}`, [...page.parameters]),
            );
            return explained.rows.map((row) => row['QUERY PLAN']).join('\n');
          })
        : (
            await db.executeQuery<{ detail: string }>(
              CompiledQuery.raw(`explain query plan ${page.sql}`, [...page.parameters]),
            )
          ).rows
            .map((row) => row.detail)
            .join('\n');
      expect(plan).toMatch(/\baudit_log_actor\b/);
    });

    it('refuses bad input with a problem', async () => {
      const world = await t().given.world();
      const registrar = await t().login(world.registrar.username, world.registrar.password);
      for (const query of [
        '?limit=0',
        '?limit=21',
        '?limit=x',
        '?cursor=abc',
        '?cursor=-3',
        '?types=Contract',
        '?types=a,,b',
        '?actorId=x',
      ]) {
        const response = await registrar.get(`/api/v1/audit/mine/recent${query}`);
        expect(response.statusCode, query).toBe(400);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.json().code).toBe('VALIDATION_FAILED');
      }
    });
  },
  { demo: false },
);
