/**
 * The audit log on a real database, tamper detection: the append-only triggers refuse changes, and
 * `verify()` finds a changed entry (its own hash recomputed or not), a deleted one in the middle and
 * entries deleted from the end.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { readJson, writeJson } from '../../db/index.js';
import { describeEachDialect } from '../../testing/test-app.js';
import { entryHash } from './audit.hash.js';
import { auditKeyOf } from './audit.key.js';
import { API } from './audit.testing.js';

describeEachDialect('audit log tamper detection', (t) => {
  const db = () => t().services.db;
  const verify = () => t().services.audit.verify();
  const headSeq = async () =>
    Number((await db().selectFrom('audit_head').select('seq').executeTakeFirstOrThrow()).seq);

  it('is refused by the database while the append-only triggers are in place', async () => {
    await expect(sql`UPDATE audit_log SET action = 'forged' WHERE seq = 3`.execute(db())).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`DELETE FROM audit_log WHERE seq = 3`.execute(db())).rejects.toThrow(/append-only/);
    const row = await db()
      .selectFrom('audit_log')
      .select('action')
      .where('seq', '=', 3)
      .executeTakeFirstOrThrow();
    expect(row.action).not.toBe('forged');
    expect(await verify()).toEqual({
      ok: true,
      checked: await headSeq(),
      brokenAt: null,
      reason: null,
      checkpoints: 0,
    });
  });

  it('finds a changed entry', async () => {
    if (t().dialect === 'postgres') await sql`DROP TRIGGER audit_log_append_only ON audit_log`.execute(db());
    else {
      await sql`DROP TRIGGER audit_log_no_update`.execute(db());
      await sql`DROP TRIGGER audit_log_no_delete`.execute(db());
    }
    const original = await db()
      .selectFrom('audit_log')
      .select('changes')
      .where('seq', '=', 10)
      .executeTakeFirstOrThrow();
    await db()
      .updateTable('audit_log')
      .set({ changes: writeJson([{ field: 'name', old: 'a', new: 'b' }]) })
      .where('seq', '=', 10)
      .execute();
    expect(await verify()).toMatchObject({
      ok: false,
      checked: 9,
      brokenAt: 10,
      reason: expect.stringMatching(/changed/),
    });
    const api = await t().login('admin');
    expect((await api.get(`${API}/audit/verify`)).json()).toMatchObject({ ok: false, brokenAt: 10 });

    // Put it back: the chain is whole again, so the finding was about that change.
    await db()
      .updateTable('audit_log')
      .set({ changes: writeJson(readJson(original.changes, [])) })
      .where('seq', '=', 10)
      .execute();
    expect((await verify()).ok).toBe(true);

    await db().updateTable('audit_log').set({ actor_id: randomUUID() }).where('seq', '=', 12).execute();
    expect(await verify()).toMatchObject({ ok: false, brokenAt: 12 });
    await db().updateTable('audit_log').set({ actor_id: null }).where('seq', '=', 12).execute();
    expect((await verify()).ok).toBe(true);
  });

  it('finds a changed entry whose own hash was recomputed: without the key at once, with it at the next link', async () => {
    const row = await db()
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '=', 15)
      .executeTakeFirstOrThrow();
    const forged: Record<string, any> = {
      ...row,
      seq: Number(row.seq),
      action: 'forged',
      changes: readJson(row.changes, []),
    };
    const fields = {
      seq: forged.seq,
      at: new Date(forged.at).toISOString(),
      actorId: forged.actor_id,
      actingEntityId: forged.acting_entity_id,
      entityType: forged.entity_type,
      entityId: forged.entity_id,
      action: forged.action,
      changes: forged.changes,
      requestId: forged.request_id,
      ip: forged.ip,
      prevHash: forged.prev_hash,
    };
    // Someone who can write the database but has not the key (DATA_DIR/audit.key) recomputes a
    // plain SHA-256: the keyed chain refuses the entry itself.
    const plain = entryHash(fields);
    await db()
      .updateTable('audit_log')
      .set({ action: 'forged', hash: plain })
      .where('seq', '=', 15)
      .execute();
    expect(await verify()).toMatchObject({
      ok: false,
      brokenAt: 15,
      reason: expect.stringMatching(/changed/),
    });
    // With the key (here the test instance's), the forged entry holds, and the next link breaks.
    const keyed = entryHash(fields, auditKeyOf().secret);
    await db()
      .updateTable('audit_log')
      .set({ action: 'forged', hash: keyed })
      .where('seq', '=', 15)
      .execute();
    expect(await verify()).toMatchObject({ ok: false, brokenAt: 16, reason: expect.stringMatching(/link/) });
    await db()
      .updateTable('audit_log')
      .set({ action: row.action, hash: row.hash })
      .where('seq', '=', 15)
      .execute();
    expect((await verify()).ok).toBe(true);
  });

  it('finds a deleted entry in the middle', async () => {
    const row = await db()
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '=', 20)
      .executeTakeFirstOrThrow();
    await db().deleteFrom('audit_log').where('seq', '=', 20).execute();
    expect(await verify()).toMatchObject({
      ok: false,
      checked: 19,
      brokenAt: 20,
      reason: expect.stringMatching(/missing/),
    });
    await db()
      .insertInto('audit_log')
      .values({ ...row, changes: writeJson(readJson(row.changes, [])) })
      .execute();
    expect((await verify()).ok).toBe(true);
  });

  it('finds entries deleted from the end', async () => {
    const last = await headSeq();
    await db().deleteFrom('audit_log').where('seq', '=', last).execute();
    expect(await verify()).toEqual({
      ok: false,
      checked: last - 1,
      brokenAt: last,
      reason: `entries ${last} to ${last} are missing from the end`,
      checkpoints: 0,
    });
    await db()
      .deleteFrom('audit_log')
      .where('seq', '>=', last - 2)
      .execute();
    expect(await verify()).toMatchObject({
      ok: false,
      brokenAt: last - 2,
      reason: `entries ${last - 2} to ${last} are missing from the end`,
    });
  });
});
