/** The list of qualifications about to expire (the workbench's 资质到期), on a company of the test's own. */
import type { Page, PartnerExpiringQualification } from '@concord/contracts';
import { CompiledQuery, sql } from 'kysely';
import { expect, it } from 'vitest';
import { isPostgres } from '../../db/index.js';
import { ManualClock } from '../../platform/jobs/index.js';
import { describeEachDialect } from '../../testing/test-app.js';
import { partnerFactories } from './partners.factories.js';
import { visibleQualificationsEndingBetween } from './partners.repository.js';

// 10:00 in Beijing on 1 June 2026: "today" is 2026-06-01.
const AT = '2026-06-01T02:00:00.000Z';
const clock = new ManualClock(AT);

const qualification = (type: string, validTo: string | null) => ({
  type,
  number: `NO-${type}`,
  validFrom: null,
  validTo,
  attachmentFileId: null,
});

describeEachDialect(
  'expiring partner qualifications',
  (t) => {
    it('lists what ends within the days asked of the partners I see, soonest first, paged in SQL', async () => {
      clock.set(AT);
      const { given, services } = t();
      const world = await given.world();
      const system = services.systemContext('test');
      await given.partner({
        name: '到期测试甲有限公司',
        sharedWithGroup: false,
        qualifications: [
          qualification('甲-十天', '2026-06-11'),
          qualification('甲-已过期', '2026-05-31'),
          qualification('甲-六十天', '2026-07-31'),
          qualification('甲-今天', '2026-06-01'),
        ],
      });
      await given.partner({
        name: '到期测试乙有限公司',
        qualifications: [qualification('乙-二十天', '2026-06-21'), qualification('乙-长期', null)],
      });
      // Another company's partner, kept to itself: not the registrar's to see.
      const root = (await services.org.listEntities(system)).find((e) => e.id === world.entityId)!;
      const sibling = await services.org.createEntity(system, {
        code: 'EXPSIB',
        name: '到期测试兄弟公司',
        creditCode: partnerFactories.randomCreditCode(),
        parentId: root.parentId ?? root.id,
        sortOrder: 0,
      });
      await partnerFactories.partner(services, system, {
        name: '到期测试丙有限公司',
        entityId: sibling.id,
        sharedWithGroup: false,
        qualifications: [qualification('丙-五天', '2026-06-06')],
      });

      const registrar = await t().login(world.registrar.username, world.registrar.password);
      const list = async (query: string) => {
        const response = await registrar.get(`/api/v1/partners/qualifications/expiring${query}`);
        expect(response.statusCode, response.body).toBe(200);
        return response.json() as Page<PartnerExpiringQualification>;
      };
      const month = await list('');
      expect(month.total).toBe(3);
      expect(month.items.map((q) => [q.type, q.partnerName, q.validTo, q.daysLeft])).toEqual([
        ['甲-今天', '到期测试甲有限公司', '2026-06-01', 0],
        ['甲-十天', '到期测试甲有限公司', '2026-06-11', 10],
        ['乙-二十天', '到期测试乙有限公司', '2026-06-21', 20],
      ]);
      expect(month.items[0]).toMatchObject({ number: 'NO-甲-今天' });

      const secondPage = await list('?days=30&page=2&pageSize=2');
      expect([secondPage.total, secondPage.items.map((q) => q.type)]).toEqual([3, ['乙-二十天']]);
      expect((await list('?days=9')).items.map((q) => q.type)).toEqual(['甲-今天']);
      expect((await list('?days=90')).items.map((q) => q.type)).toEqual([
        '甲-今天',
        '甲-十天',
        '乙-二十天',
        '甲-六十天',
      ]);

      // Whoever sees the sibling's partners (the system) gets its qualification too.
      const all = await services.partnerRecords.expiring(system, { days: 30, page: 1, pageSize: 20 });
      expect(all.items.map((q) => q.type)).toContain('丙-五天');
    });

    it('reads a page through the index on the end date, not by sorting every qualification', async () => {
      const { db } = t().services;
      const everything = {
        all: true,
        entityIds: new Set<string>(),
        departmentIds: new Set<string>(),
        userIds: new Set<string>(),
      };
      const page = visibleQualificationsEndingBetween(
        db,
        { scope: everything, userId: null },
        '2026-06-01',
        '2026-07-01',
      )
        .limit(20)
        .compile();
      const postgres = isPostgres(db);
      // PostgreSQL reads a test's few rows from the heap whatever the indexes: with scans and sorts
      // priced out the plan shows whether the index can give the range in its order.
      const plan = postgres
        ? await db.transaction().execute(async (trx) => {
            await sql`set local enable_seqscan = off`.execute(trx);
            await sql`set local enable_sort = off`.execute(trx);
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
      expect(plan).toMatch(/\bpartner_qualification_valid_to\b/);
      expect(plan).not.toMatch(postgres ? /(?<!Incremental )Sort {2}\(/ : /USE TEMP B-TREE FOR ORDER BY/);
    });

    it('refuses bad input with a problem and callers without partner.view', async () => {
      const { given } = t();
      const world = await given.world();
      const registrar = await t().login(world.registrar.username, world.registrar.password);
      for (const query of ['?days=-1', '?days=abc', '?days=400', '?pageSize=0', '?owner=me']) {
        const response = await registrar.get(`/api/v1/partners/qualifications/expiring${query}`);
        expect(response.statusCode, query).toBe(400);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.json().code).toBe('VALIDATION_FAILED');
      }

      const role = await given.role({ permissions: ['contract.view'], dataScope: 'entity' });
      const outsider = await given.user({ departmentId: world.departmentId, roles: [{ roleId: role.id }] });
      const client = await t().login(outsider.username, outsider.password);
      const refused = await client.get('/api/v1/partners/qualifications/expiring');
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('FORBIDDEN');
    });
  },
  { demo: false, clock },
);
