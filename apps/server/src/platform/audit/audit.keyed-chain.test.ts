/**
 * The keyed audit chain on a real database (issue 12 §6): someone who can write the database but
 * does not hold the key cannot rewrite history so that verification says intact. The chain is
 * HMAC-keyed; signed checkpoints of the head, kept outside the database, catch a log rewritten
 * wholesale (head and all), cut back, or "un-keyed" by moving where keying starts.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { systemClock } from '../jobs/index.js';
import { describeEachDialect } from '../../testing/test-app.js';
import { entryHash } from './audit.hash.js';
import { auditKeyOf } from './audit.key.js';
import * as repo from './audit.repository.js';
import { AuditService } from './audit.service.js';

describeEachDialect('keyed audit chain and signed checkpoints', (t) => {
  const db = () => t().services.db;
  let checkpointFile: string;
  let audit: AuditService;

  /** An intruder with write access to the database: the append-only triggers go first. */
  async function dropTriggers() {
    if (t().dialect === 'postgres')
      await sql`DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log`.execute(db());
    else {
      await sql`DROP TRIGGER IF EXISTS audit_log_no_update`.execute(db());
      await sql`DROP TRIGGER IF EXISTS audit_log_no_delete`.execute(db());
    }
  }

  /** Rewrites the whole chain from `fromSeq` with plain SHA-256, head included, as one without the key can. */
  async function rechainPlain(fromSeq: number) {
    const rows = await repo.readBatch(db(), 0, 100_000);
    let previous = 'GENESIS';
    for (const row of rows) {
      if (row.seq >= fromSeq) {
        const hash = entryHash({ ...repo.toEntry(row), prevHash: previous });
        await db()
          .updateTable('audit_log')
          .set({ prev_hash: previous, hash })
          .where('seq', '=', row.seq)
          .execute();
        previous = hash;
      } else previous = row.hash;
    }
    await db().updateTable('audit_head').set({ hash: previous }).where('id', '=', 1).execute();
  }

  beforeAll(async () => {
    checkpointFile = path.join(mkdtempSync(path.join(tmpdir(), 'concord-audit-')), 'checkpoints.jsonl');
    audit = new AuditService(db(), systemClock, { checkpointFile });
    await dropTriggers();
  });

  it('writes a signed checkpoint when the head moved, and verifies against it', async () => {
    expect(await audit.writeCheckpoint()).toBe(true);
    expect(await audit.writeCheckpoint()).toBe(false); // the head has not moved
    const { services } = t();
    await services.db.transaction().execute((trx) =>
      services.audit.record(trx, services.systemContext('test'), {
        entityType: 'user',
        entityId: 'someone',
        action: 'enable',
        changes: [{ field: 'active', old: false, new: true }],
      }),
    );
    expect(await audit.writeCheckpoint()).toBe(true);
    const lines = readFileSync(checkpointFile, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0])).toMatchObject({
      seq: expect.any(Number),
      hash: expect.any(String),
      mac: expect.any(String),
    });
    expect(await audit.verify()).toMatchObject({ ok: true, checkpoints: 2 });
  });

  it('refuses another key at start, and verification names the mismatch', async () => {
    const other = new AuditService(db(), systemClock, {
      key: auditKeyOf('another-key-of-at-least-thirty-two-chars'),
    });
    await expect(other.bindKey()).rejects.toThrow(/not the one this database's audit log was written with/);
    expect(await other.verify()).toMatchObject({
      ok: false,
      brokenAt: 1,
      reason: expect.stringMatching(/audit key/),
    });
    await expect(t().services.audit.bindKey()).resolves.toBeUndefined();
  });

  it('catches a log cut back to before a checkpoint, head and all', async () => {
    const head = await repo.readHead(db());
    const keep = head.seq - 3;
    const kept = await db()
      .selectFrom('audit_log')
      .select('hash')
      .where('seq', '=', keep)
      .executeTakeFirstOrThrow();
    await db().deleteFrom('audit_log').where('seq', '>', keep).execute();
    await db().updateTable('audit_head').set({ seq: keep, hash: kept.hash }).where('id', '=', 1).execute();
    // The shortened chain is whole in itself: only the checkpoints know it was longer.
    expect(await new AuditService(db(), systemClock).verify()).toMatchObject({ ok: true });
    const cut = await audit.verify();
    expect(cut).toMatchObject({
      ok: false,
      brokenAt: keep + 1,
      reason: expect.stringMatching(new RegExp(`entries ${keep + 1} to \\d+ existed at .* and are gone`)),
    });
  });

  it('catches a log "un-keyed" and rechained plainly, which the chain alone would accept', async () => {
    const head = await repo.readHead(db());
    // Mark every entry as written before keying and recompute them all with plain SHA-256.
    await db()
      .updateTable('audit_head')
      .set({ keyed_from_seq: head.seq + 1 })
      .where('id', '=', 1)
      .execute();
    const firstRow = (await repo.readBatch(db(), 0, 1))[0];
    await db().updateTable('audit_log').set({ action: 'forged' }).where('seq', '=', firstRow.seq).execute();
    await rechainPlain(1);
    const chainOnly = new AuditService(db(), systemClock);
    expect(await chainOnly.verify()).toMatchObject({ ok: true, checkpoints: 0 });
    expect(await audit.verify()).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/checkpoint 1: the chain was keyed from an earlier entry/),
    });
  });

  it('catches an altered checkpoint file', async () => {
    const lines = readFileSync(checkpointFile, 'utf8').trim().split('\n');
    const tampered = { ...JSON.parse(lines[0]), seq: 1 };
    writeFileSync(checkpointFile, `${JSON.stringify(tampered)}\n`);
    expect(await audit.verify()).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/signature does not hold/),
    });
  });
});
