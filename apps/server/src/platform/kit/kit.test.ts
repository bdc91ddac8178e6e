import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildApp } from '../../app.js';
import { seedDemo } from '../../cli/seed-demo.js';
import { testDatabaseTarget, testDialects } from '../../testing/dialects.js';
import { defineRoute } from '../http/index.js';
import { defineJob } from '../jobs/index.js';
import { type AnyModuleDefinition, type DemoSeeded, inDependencyOrder, seedModuleDemos } from './index.js';

// A module's tables join the shared Database type like this (in its `<name>.tables.ts`).
declare module '../../db/index.js' {
  interface Database {
    note: { id: string; text: string };
  }
}

/**
 * A whole module in one object: a table, a route, a job and its schedule, a template, a file-read
 * grant, a demo step. Adding it to Concord is this definition plus one entry in the module list
 * (here `extraModules`), nothing else.
 */
const notesModule: AnyModuleDefinition = {
  name: 'notes',
  requires: ['audit', 'files'],
  migrations: {
    '29990101_000001_notes_init': {
      up: async (db: Kysely<any>) => {
        await db.schema
          .createTable('note')
          .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
          .addColumn('text', 'varchar(200)', (c) => c.notNull())
          .execute();
      },
    },
  },
  templates: {
    'notes.reminder': {
      'zh-CN': { title: '便签：{subject}', body: '' },
      'en-US': { title: 'Note: {subject}', body: '' },
    },
  },
  // Its demo: a note in the group, signed by a demo user, so it needs org's and IAM's demo first.
  demo: {
    after: ['org', 'iam'],
    seed: async ({ db }, seeded: DemoSeeded<'org' | 'iam'>) => {
      const admin = await seeded.iam.as('admin');
      await db
        .insertInto('note')
        .values({
          id: 'demo-note',
          text: `${seeded.org.groupId} ${admin.actor?.username} ${Object.keys(seeded)}`,
        })
        .execute();
    },
  },
  create({ db }, deps: { audit: unknown; files: unknown }) {
    expect(Object.keys(deps).sort()).toEqual(['audit', 'files']);
    return {
      provides: {
        count: async () =>
          Number((await db.selectFrom('note').select(sql`count(*)`.as('n')).executeTakeFirstOrThrow()).n),
      },
      services: { notesCreated: true },
      routes: [
        defineRoute({
          method: 'GET',
          url: '/notes/count',
          summary: 'How many notes there are (example module)',
          tags: ['notes'],
          response: z.object({ count: z.number() }),
          handler: async () => ({ count: 0 }),
        }),
      ],
      jobs: [defineJob({ type: 'notes.sweep', payload: z.object({}), handler: async () => {} })],
      schedules: [{ name: 'notes-sweep', type: 'notes.sweep', payload: {}, everySeconds: 3600 }],
    };
  },
};

const definition = (name: string, requires: string[]): AnyModuleDefinition => ({
  name,
  requires,
  migrations: {},
  create: () => ({ provides: {}, services: {} }),
});

describe('module kit: dependency order', () => {
  it('creates each module after those it requires, keeping the list order otherwise', () => {
    const order = inDependencyOrder([
      definition('contracts', ['partners', 'org']),
      definition('org', []),
      definition('partners', ['org']),
      definition('audit', []),
    ]).map((d) => d.name);
    expect(order).toEqual(['org', 'partners', 'contracts', 'audit']);
  });

  it('refuses a missing and a circular requirement, naming the modules', () => {
    expect(() => inDependencyOrder([definition('a', ['b'])])).toThrow(
      'Module "a" requires "b", which is not loaded',
    );
    expect(() => inDependencyOrder([definition('a', ['b']), definition('b', ['a'])])).toThrow(
      'Modules require each other: a → b → a',
    );
  });
});

describe('module kit: demo steps', () => {
  const step = (name: string, requires: string[], ran: string[], after?: string[]): AnyModuleDefinition => ({
    ...definition(name, requires),
    demo: {
      after,
      seed: async (_services, seeded) => {
        ran.push(`${name}(${Object.keys(seeded).sort().join(',')})`);
        return `${name}'s record`;
      },
    },
  });

  it('run in dependency order, each seeing the records of the steps it waits for only', async () => {
    const ran: string[] = [];
    const records = await seedModuleDemos(
      [
        step('contracts', ['partners', 'org'], ran),
        step('approvals', ['org'], ran, ['iam']),
        definition('audit', []),
        step('partners', ['org', 'audit'], ran),
        step('iam', ['org'], ran),
        step('org', ['audit'], ran),
      ],
      {} as never,
    );
    // audit has no demo step: it orders the others but records nothing.
    expect(ran).toEqual([
      'org()',
      'partners(org)',
      'contracts(org,partners)',
      'iam(org)',
      'approvals(iam,org)',
    ]);
    expect(records.partners).toBe("partners's record");
    expect(Object.keys(records).sort()).toEqual(['approvals', 'contracts', 'iam', 'org', 'partners']);
  });

  it('refuse a demo that waits for a module that is not loaded', async () => {
    await expect(seedModuleDemos([step('approvals', [], [], ['iam'])], {} as never)).rejects.toThrow(
      'Module "approvals" requires "iam", which is not loaded',
    );
  });
});

for (const dialect of testDialects()) {
  describe(`module kit: an example module with one line [${dialect}]`, () => {
    it('gets its migration, route, job, schedule, template and services', async () => {
      const target = await testDatabaseTarget(dialect);
      const { app, services, routes } = await buildApp({
        databaseUrl: target.url,
        schema: target.schema,
        logLevel: 'silent',
        rateLimit: false,
        cookieSecure: false,
        sessionTtlHours: 12,
        extraModules: [notesModule],
      });
      try {
        expect(routes.some((route) => route.url === '/notes/count')).toBe(true);
        // Routes are guarded like every other: no session, no answer.
        expect((await app.inject({ method: 'GET', url: '/api/v1/notes/count' })).statusCode).toBe(401);
        await services.db.insertInto('note').values({ id: 'n1', text: 'hello' }).execute();
        const loaded = services.loaded.find((m) => m.definition.name === 'notes')!;
        expect(await (loaded.instance.provides as { count(): Promise<number> }).count()).toBe(1);
        expect((services as unknown as { notesCreated: boolean }).notesCreated).toBe(true);
        expect(await services.jobs.enqueue(services.db, 'notes.sweep', {})).toBeTruthy();
        const schedules = await services.db.selectFrom('job_schedule').select('name').execute();
        expect(schedules.map((s) => s.name)).toContain('notes-sweep');
        expect(services.templates.has('notes.reminder')).toBe(true);
        // Seeding the demo runs its step after org's and IAM's, with their records and nothing else.
        await seedDemo(services);
        const note = await services.db
          .selectFrom('note')
          .select('text')
          .where('id', '=', 'demo-note')
          .executeTakeFirstOrThrow();
        const group = await services.db
          .selectFrom('org_entity')
          .select('id')
          .where('parent_id', 'is', null)
          .executeTakeFirstOrThrow();
        expect(note.text).toBe(`${group.id} admin org,iam`);
      } finally {
        await app.close();
        await target.drop();
      }
    });
  });
}
