import type { Services } from '../../apps/server/src/app.js';
import type { Db } from '../../apps/server/src/db/index.js';
import type { GeneratorWorld } from './contracts.js';

/** The demo company's rows a tier is drawn over, beyond the contracts' own (GeneratorWorld). */
export interface DemoWorld extends GeneratorWorld {
  /** Code and name per category, for the approval's form data. */
  categoryFacts: Map<string, { code: string; name: string }>;
  /** Name and tax id per entity: the buyer or seller on the contracts' invoices. */
  entityFacts: Map<string, { name: string; taxId: string }>;
  /** A demo partner whose columns every generated one starts from. */
  partnerTemplate: Record<string, unknown>;
}

/**
 * Reads the demo company once: a contract in force and a partner as templates, the entities (the
 * largest subsidiary first: it gets 40% of the contracts), departments, users and categories.
 * `today` is the business date the tier is generated as of; the past-due amounts are computed as
 * of it and the past-due day is set to it at the end.
 */
export async function readDemoWorld(db: Db, today: string): Promise<DemoWorld> {
  const template = await db
    .selectFrom('contract')
    .selectAll()
    .where('status', '=', 'IN_FORCE')
    .orderBy('created_at')
    .executeTakeFirstOrThrow();
  const partnerTemplate = await db
    .selectFrom('partner')
    .selectAll()
    .orderBy('created_at')
    .executeTakeFirstOrThrow();
  const entityRows = await db
    .selectFrom('org_entity')
    .select(['id', 'parent_id', 'name', 'credit_code'])
    .orderBy('code')
    .execute();
  // The group's head office holds few contracts; its subsidiaries first (a stable sort keeps code order).
  const entities = [...entityRows].sort(
    (a, b) => Number(a.parent_id === null) - Number(b.parent_id === null),
  );
  const categories = await db
    .selectFrom('contract_category')
    .select(['id', 'direction', 'code', 'name'])
    .orderBy('code')
    .execute();
  return {
    template: {
      ...template,
      // JSON columns as the writers take them: SQLite's text as read, PostgreSQL's parsed jsonb
      // as an object (load.ts writes objects as JSON; a string would be written as a JSON string).
      partner_bank: template.partner_bank,
      attachments: '[]',
      custom_data: '{}',
      status_reason: null,
      created_by: null,
    },
    entities: entities.map((e) => e.id),
    // Ordered by what the demo names them, not by their ids (drawn afresh on every seeding).
    departments: await db
      .selectFrom('org_department')
      .select(['id', 'entity_id'])
      .orderBy('code')
      .orderBy('name')
      .execute(),
    owners: await db.selectFrom('org_user').select(['id', 'department_id']).orderBy('username').execute(),
    categories: categories.map((c) => ({ id: c.id, direction: c.direction })),
    partners: [],
    pastDueDay: today,
    today,
    categoryFacts: new Map(categories.map((c) => [c.id, { code: c.code, name: c.name }])),
    entityFacts: new Map(entities.map((e) => [e.id, { name: e.name, taxId: e.credit_code ?? '' }])),
    partnerTemplate,
  };
}

/**
 * The demo staffs legal review (the `legal` role the contract approval's second step asks for) in
 * the group only, so a subsidiary's contract skips that step and most approvals end after one
 * task. A group of this size has its legal department review every entity's contracts: the
 * group's legal reviewers are given the role in each entity that has none, through the role
 * service (audited as an administrator would do it). The approval then has two or three steps,
 * about two tasks a contract, as the sizes assume.
 */
export async function staffLegalReviewEverywhere(services: Services): Promise<number> {
  const { db } = services;
  const holdings = await db
    .selectFrom('iam_user_role as ur')
    .innerJoin('iam_role as r', 'r.id', 'ur.role_id')
    .select(['ur.user_id', 'ur.entity_id', 'ur.role_id', 'r.code'])
    .execute();
  const legal = holdings.filter((h) => h.code === 'legal');
  const root = await db
    .selectFrom('org_entity')
    .select('id')
    .where('parent_id', 'is', null)
    .executeTakeFirstOrThrow();
  const reviewers = [...new Set(legal.filter((h) => h.entity_id === root.id).map((h) => h.user_id))].sort();
  const staffed = new Set(legal.map((h) => h.entity_id));
  const unstaffed = (await db.selectFrom('org_entity').select('id').orderBy('code').execute())
    .map((e) => e.id)
    .filter((id) => !staffed.has(id));
  if (!reviewers.length || !unstaffed.length) return 0;
  const roleId = legal[0].role_id;
  for (const userId of reviewers) {
    const held = holdings
      .filter((h) => h.user_id === userId)
      .map((h) => ({ roleId: h.role_id, entityId: h.entity_id }));
    await services.userRoles.setRoles(services.systemContext('bench:data'), userId, [
      ...held,
      ...unstaffed.map((entityId) => ({ roleId, entityId })),
    ]);
  }
  return unstaffed.length;
}
