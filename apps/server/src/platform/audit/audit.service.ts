import type { AuditEntry, AuditRecentPage, AuditVerifyResult, FieldChange, Page } from '@concord/contracts';
import { type Db, isPostgres } from '../../db/index.js';
import type { Scope } from '../access/index.js';
import { applySort, fetchPage, presentedInBatches, type RequestContext } from '../http/index.js';
import { diffFields } from './audit.diff.js';
import { AuditEventCatalogue } from './audit.events.js';
import { CheckpointFile } from './audit.checkpoints.js';
import { canonicalJson, entryHash, entryHashOfCanonical } from './audit.hash.js';
import { type AuditKey, auditKeyOf } from './audit.key.js';
import * as repo from './audit.repository.js';

/**
 * What the audit log needs of a clock: the instant of an entry. Named here rather than imported from
 * the jobs part, which records its own audit events and so depends on this one.
 */
export interface AuditClock {
  now(): Date;
}

export interface AuditRecordInput {
  entityType: string;
  entityId: string;
  action: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** Given instead of before/after when the change is not a plain field update. */
  changes?: FieldChange[];
}

/** Looks up display names of users for the audit viewer; the org service provides it. */
export type UserNames = (ids: string[]) => Promise<Map<string, string>>;

/** The names of records of one kind by id (an approval's title, a contract's name and number). */
export type RecordTitles = (ids: string[]) => Promise<Map<string, string>>;

export type AuditListQuery = repo.AuditFilter & { page: number; pageSize: number; sort?: string };

/**
 * The append-only, hash-chained record of every write. `record` must be called inside the
 * transaction of the write it describes, so a write and its audit entry commit together.
 */
export class AuditService {
  #userNames: UserNames = async () => new Map();
  readonly #recordTitles = new Map<string, RecordTitles>();
  #events = new AuditEventCatalogue([]);
  #refuseUndeclared = false;
  // Production logs a payload that does not fit and records the entry all the same.
  #report: (problem: string) => void = (problem) => console.warn(problem);

  readonly #key: AuditKey;
  readonly #checkpoints: CheckpointFile | null;

  constructor(
    private readonly db: Db,
    private readonly clock: AuditClock,
    /** The chain's key (unkeyed-development key when none is given) and where checkpoints go. */
    chain: { key?: AuditKey; checkpointFile?: string } = {},
  ) {
    this.#key = chain.key ?? auditKeyOf();
    this.#checkpoints = chain.checkpointFile ? new CheckpointFile(chain.checkpointFile, this.#key) : null;
  }

  /**
   * At start: the first start with a key records its fingerprint; a start with another key than
   * the one the chain was written with is refused, as every entry after would fail verification.
   */
  async bindKey(): Promise<void> {
    const head = await repo.readHead(this.db);
    if (head.keyId === null) await repo.bindKeyId(this.db, this.#key.id);
    else if (head.keyId !== this.#key.id) {
      throw new Error(
        `The audit key (fingerprint ${this.#key.id}) is not the one this database's audit log was written with (${head.keyId}). ` +
          'Restore DATA_DIR/audit.key or set AUDIT_KEY to the original key.',
      );
    }
  }

  /** Appends a signed checkpoint of the head to the checkpoint file, when it moved since the last one. */
  async writeCheckpoint(): Promise<boolean> {
    if (!this.#checkpoints) return false;
    const head = await repo.readHead(this.db);
    const all = await this.#checkpoints.readAll();
    const last = all.at(-1)?.checkpoint;
    if (last && last.seq === head.seq && last.hash === head.hash) return false;
    await this.#checkpoints.append({
      seq: head.seq,
      hash: head.hash,
      keyedFromSeq: head.keyedFromSeq,
      at: this.clock.now().toISOString(),
    });
    return true;
  }

  /** The organisation names the users of the audit viewer; it is created after the audit log. */
  nameUsersWith(userNames: UserNames): void {
    this.#userNames = userNames;
  }

  /**
   * How the module that keeps a kind of record names it in my recent records, where its entries
   * record no name (an approval's entries record only its status). Only records the reader wrote
   * to are named so.
   */
  titleRecordsWith(entityType: string, titles: RecordTitles): void {
    this.#recordTitles.set(entityType, titles);
  }

  /**
   * The modules' declared events, for labels and payloads. With `refuseUndeclared` (the test
   * suite) writing an event no module declares, or a payload its event does not declare, fails,
   * so a new action cannot reach the audit viewer as a raw code nor an entry change shape unseen.
   * Otherwise a payload that does not fit is reported (logged) and recorded all the same: the
   * write it describes has happened and must not be refused for its description.
   */
  describeEventsWith(
    events: AuditEventCatalogue,
    options: { refuseUndeclared: boolean; reportPayloadProblem?: (problem: string) => void },
  ): void {
    this.#events = events;
    this.#refuseUndeclared = options.refuseUndeclared;
    if (options.reportPayloadProblem) this.#report = options.reportPayloadProblem;
  }

  /** The kinds of record and actions the audit log knows, in the reader's language. */
  async eventTypes(ctx: RequestContext) {
    await ctx.access.require('audit.view');
    return this.#events.entries(ctx.locale);
  }

  async record(trx: Db, ctx: RequestContext, input: AuditRecordInput): Promise<void> {
    await this.recordAll(trx, ctx, [input]);
  }

  /**
   * Several entries of one write (an import's batch), chained in the order given: the head is
   * locked and moved once and the rows are inserted in a few statements, not four per entry.
   */
  async recordAll(trx: Db, ctx: RequestContext, inputs: AuditRecordInput[]): Promise<void> {
    if (!inputs.length) return;
    const prepared = inputs.map((input) => ({ input, changesJson: canonicalJson(this.changesOf(input)) }));
    const head = await repo.lockHead(trx, isPostgres(trx));
    const at = this.clock.now().toISOString();
    let { seq, hash } = head;
    const rows = prepared.map(({ input, changesJson }) => {
      const fields = {
        seq: seq + 1,
        at,
        actorId: ctx.actor?.userId ?? null,
        actingEntityId: ctx.actor?.actingEntityId ?? null,
        entityType: input.entityType,
        entityId: input.entityId,
        action: input.action,
        requestId: ctx.requestId,
        ip: ctx.ip,
        prevHash: hash,
      };
      seq = fields.seq;
      hash = entryHashOfCanonical(fields, changesJson, this.#key.secret);
      return {
        seq: fields.seq,
        at: fields.at,
        actor_id: fields.actorId,
        acting_entity_id: fields.actingEntityId,
        entity_type: fields.entityType,
        entity_id: fields.entityId,
        action: fields.action,
        changes: changesJson,
        request_id: fields.requestId,
        ip: fields.ip,
        prev_hash: fields.prevHash,
        hash,
      };
    });
    await repo.append(trx, rows);
  }

  /** The entry's changes, checked against the event its module declares. */
  private changesOf(input: AuditRecordInput): FieldChange[] {
    if (this.#refuseUndeclared && !this.#events.has(input.entityType, input.action)) {
      throw new Error(
        `Audit event ${input.entityType}.${input.action} is declared by no module (auditEvents)`,
      );
    }
    const changes = input.changes ?? diffFields(input.before, input.after);
    const problem = this.#events.payloadProblem(input.entityType, input.action, changes);
    if (problem) {
      const message = `Audit event ${input.entityType}.${input.action}: ${problem}`;
      if (this.#refuseUndeclared) throw new Error(message);
      this.#report(message);
    }
    return changes;
  }

  async list(ctx: RequestContext, query: AuditListQuery): Promise<Page<AuditEntry>> {
    const scope = withOwnEntries(await ctx.access.require('audit.view'), ctx);
    const sorted = applySort(
      repo.filteredQuery(this.db, scope, query),
      query.sort,
      { seq: 'seq', at: 'seq' },
      { column: 'seq', direction: 'desc' },
      'seq',
    );
    const page = await fetchPage(sorted, query, repo.toEntry);
    return { ...page, items: await this.presented(ctx, page.items) };
  }

  async *exportRows(ctx: RequestContext, filter: repo.AuditFilter): AsyncGenerator<AuditEntry> {
    const scope = withOwnEntries(await ctx.access.require('audit.export'), ctx);
    const query = repo.filteredQuery(this.db, scope, filter).orderBy('seq', 'desc');
    yield* presentedInBatches(query, (batch) => this.presented(ctx, batch.map(repo.toEntry)));
  }

  /**
   * The records I last wrote to while acting in the current entity (the workbench's 最近记录), one
   * per record, newest first, with my latest action and the record's name as my entries recorded
   * it. Only my own entries, so signing in is all it needs (as the viewer always shows a user their
   * own); sign-ins, notifications read, uploads and the like are not records to go back to.
   */
  async recentMine(
    ctx: RequestContext,
    query: { limit: number; cursor?: string; types?: string[] },
  ): Promise<AuditRecentPage> {
    const actor = ctx.actor;
    if (!actor) return { items: [], nextCursor: null };
    const who = { actorId: actor.userId, entityId: actor.actingEntityId };
    const records = await repo.recentRecordsOf(this.db, who, {
      beforeSeq: query.cursor ? Number(query.cursor) : null,
      limit: query.limit + 1,
      excludedTypes: NOT_RECORDS,
      onlyTypes: query.types,
    });
    const page = records.slice(0, query.limit);
    const latest = new Map(
      (
        await repo.entriesAt(
          this.db,
          page.map((r) => r.lastSeq),
        )
      ).map((e) => [e.seq, e]),
    );
    const titles = titlesOf(await repo.actorEntriesOn(this.db, actor.userId, page, TITLE_ENTRIES));
    for (const [entityType, lookup] of this.#recordTitles) {
      const ids = page.filter((r) => r.entityType === entityType).map((r) => r.entityId);
      if (!ids.length) continue;
      for (const [id, title] of await lookup(ids)) titles.set(`${entityType}:${id}`, title);
    }
    const items = page.map((record) => {
      const entry = latest.get(record.lastSeq)!;
      return {
        entityType: record.entityType,
        entityId: record.entityId,
        action: entry.action,
        at: new Date(entry.at).toISOString(),
        title: titles.get(`${record.entityType}:${record.entityId}`) ?? null,
        ...this.#events.labels(record.entityType, entry.action, ctx.locale),
      };
    });
    const last = page[page.length - 1];
    return { items, nextCursor: records.length > query.limit && last ? String(last.lastSeq) : null };
  }

  async verifyForUser(ctx: RequestContext): Promise<AuditVerifyResult> {
    await ctx.access.require('audit.view');
    return this.verify();
  }

  /**
   * Recomputes the chain from the first entry, keyed from `keyed_from_seq` on (plain SHA-256
   * before). A changed row breaks its own hash, a deleted row leaves a gap in the sequence, a
   * deleted tail no longer reaches the head. Then each signed checkpoint outside the database must
   * match the log: a log rewritten or cut back in the database, head and all, no longer does.
   */
  async verify(): Promise<AuditVerifyResult> {
    const head = await repo.readHead(this.db);
    if (head.keyId !== null && head.keyId !== this.#key.id) {
      return broken(
        0,
        1,
        `the audit key (${this.#key.id}) is not the one the log was written with (${head.keyId})`,
      );
    }
    let previousHash = 'GENESIS';
    let expectedSeq = 1;
    let checked = 0;
    for (;;) {
      const rows = await repo.readBatch(this.db, expectedSeq - 1, 1000);
      if (rows.length === 0) break;
      for (const row of rows) {
        if (row.seq !== expectedSeq) {
          return broken(checked, expectedSeq, `entry ${expectedSeq} is missing (next present is ${row.seq})`);
        }
        if (row.prev_hash !== previousHash) {
          return broken(checked, row.seq, `entry ${row.seq} does not link to entry ${row.seq - 1}`);
        }
        const key = row.seq >= head.keyedFromSeq ? this.#key.secret : null;
        const hash = entryHash({ ...repo.toEntry(row), prevHash: row.prev_hash }, key);
        if (hash !== row.hash)
          return broken(checked, row.seq, `entry ${row.seq} was changed after it was written`);
        previousHash = row.hash;
        expectedSeq += 1;
        checked += 1;
      }
    }
    if (head.seq !== expectedSeq - 1 || head.hash !== previousHash) {
      return broken(checked, expectedSeq, `entries ${expectedSeq} to ${head.seq} are missing from the end`);
    }
    const checkpoints = await this.verifyCheckpoints(head, checked);
    if (checkpoints.problem) return { ...checkpoints.problem, checkpoints: checkpoints.count };
    return { ok: true, checked, brokenAt: null, reason: null, checkpoints: checkpoints.count };
  }

  private async verifyCheckpoints(
    head: Awaited<ReturnType<typeof repo.readHead>>,
    checked: number,
  ): Promise<{ count: number; problem: AuditVerifyResult | null }> {
    const all = (await this.#checkpoints?.readAll()) ?? [];
    for (const { checkpoint, line, signed } of all) {
      const fail = (seq: number, reason: string) => ({
        count: all.length,
        problem: broken(checked, seq, `checkpoint ${line}: ${reason}`),
      });
      if (!signed)
        return fail(
          Math.max(1, checkpoint.seq),
          'its signature does not hold (the checkpoint file was altered)',
        );
      if (checkpoint.keyedFromSeq < head.keyedFromSeq) {
        return fail(
          checkpoint.keyedFromSeq,
          'the chain was keyed from an earlier entry (the head was rewritten)',
        );
      }
      if (checkpoint.seq > head.seq) {
        return fail(
          head.seq + 1,
          `entries ${head.seq + 1} to ${checkpoint.seq} existed at ${checkpoint.at} and are gone`,
        );
      }
      if (checkpoint.seq > 0 && (await repo.hashAt(this.db, checkpoint.seq)) !== checkpoint.hash) {
        return fail(checkpoint.seq, `entry ${checkpoint.seq} is not the one recorded at ${checkpoint.at}`);
      }
    }
    return { count: all.length, problem: null };
  }

  /** Entries as the viewer shows them: with the actor's name and the labels of record type and action. */
  private async presented(
    ctx: RequestContext,
    entries: ReturnType<typeof repo.toEntry>[],
  ): Promise<AuditEntry[]> {
    const ids = [...new Set(entries.map((e) => e.actorId).filter((id): id is string => !!id))];
    const names = ids.length ? await this.#userNames(ids) : new Map<string, string>();
    return entries.map((e) => ({
      ...e,
      ...this.#events.labels(e.entityType, e.action, ctx.locale),
      actorName: e.actorId ? (names.get(e.actorId) ?? null) : null,
    }));
  }
}

/** Kinds of entry that are not records one goes back to: sign-ins, reads, uploads, the machinery's own. */
const NOT_RECORDS = ['session', 'notification', 'notification_preference', 'file', 'job', 'rollup'];
/** The fields that name a record, best first. */
const TITLE_FIELDS = ['name', 'title', 'displayName', 'number'];
/** The entries read for the names of one page of recent records, at most. */
const TITLE_ENTRIES = 200;

/** Per record (`type:id`), its name in the newest entry that recorded one (the old value of a deletion). */
function titlesOf(
  entries: { entity_type: string; entity_id: string; changes: unknown }[],
): Map<string, string> {
  const titles = new Map<string, string>();
  for (const entry of entries) {
    const key = `${entry.entity_type}:${entry.entity_id}`;
    if (titles.has(key)) continue;
    const changes = Array.isArray(entry.changes) ? (entry.changes as FieldChange[]) : [];
    for (const field of TITLE_FIELDS) {
      const change = changes.find((c) => c.field === field);
      const value = change ? (change.new ?? change.old) : null;
      if (typeof value === 'string' && value.trim()) {
        titles.set(key, value);
        break;
      }
    }
  }
  return titles;
}

/** Users always see their own entries, whichever entity they acted in (the scope's owner column). */
function withOwnEntries(scope: Scope, ctx: RequestContext): Scope {
  if (scope.all || !ctx.actor) return scope;
  return { ...scope, userIds: new Set([...scope.userIds, ctx.actor.userId]) };
}

function broken(checked: number, seq: number, reason: string): AuditVerifyResult {
  return { ok: false, checked, brokenAt: seq, reason, checkpoints: 0 };
}
