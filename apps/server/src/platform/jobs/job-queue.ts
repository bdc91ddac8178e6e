import type { z } from 'zod';
import { type Db, newId, readJson, writeJson } from '../../db/index.js';
import type { Clock } from './clock.js';
import { type JobSchedule, nextOccurrence, sameRecurrence, storedRecurrence } from './cron.js';
import * as repo from './jobs.repository.js';

export interface JobContext {
  jobId: string;
  /** 1 for the first run, 2 for the first retry, ... */
  attempt: number;
  now: Date;
  db: Db;
  /**
   * Records how far the job is (units done of a total, null while unknown) and renews this
   * worker's lease on it, so a long job is not taken over while it runs. False when the lease was
   * lost (another worker took the job over): the handler should stop.
   */
  progress(done: number, total?: number | null): Promise<boolean>;
}

/**
 * A declared job: its type name, the zod schema of its payload (checked when it is enqueued and
 * again when it runs, so an old payload that no longer fits fails loudly), retries and the handler.
 */
export interface JobDefinition<P = any> {
  type: string;
  payload: z.ZodType<P>;
  /** Runs in all, first one included. */
  maxAttempts?: number;
  /** The wait before the first retry; it doubles with each further retry, up to an hour. */
  retryAfterSeconds?: number;
  /** What it resolves to is kept as the job's result (JSON), for whoever asked for the job. */
  handler(payload: P, context: JobContext): Promise<unknown>;
}

export const defineJob = <S extends z.ZodType>(
  definition: Omit<JobDefinition<z.infer<S>>, 'payload'> & { payload: S },
): JobDefinition => definition as JobDefinition;

export class UnknownJobError extends Error {}

/**
 * Where work is handed to the job runner. `enqueue` takes the caller's transaction, so a job is
 * queued only if the write that wants it commits (the outbox pattern).
 */
export class JobQueue {
  readonly #definitions = new Map<string, JobDefinition>();

  constructor(
    private readonly db: Db,
    definitions: JobDefinition[],
    private readonly clock: Clock,
  ) {
    this.declare(definitions);
  }

  /** Adds job types; for parts built after the queue (their handlers need services that enqueue). */
  declare(definitions: JobDefinition[]): void {
    for (const definition of definitions) {
      if (this.#definitions.has(definition.type)) {
        throw new Error(`Job type ${definition.type} declared twice`);
      }
      this.#definitions.set(definition.type, definition);
    }
  }

  definition(type: string): JobDefinition {
    const definition = this.#definitions.get(type);
    if (!definition) throw new UnknownJobError(`No job of type "${type}" is declared`);
    return definition;
  }

  /** Queues a job; with a `dedupeKey` that was used before, nothing is queued and null comes back. */
  async enqueue(
    trx: Db,
    type: string,
    payload: unknown,
    options: { runAt?: Date; dedupeKey?: string } = {},
  ): Promise<string | null> {
    const definition = this.definition(type);
    const parsed = definition.payload.parse(payload);
    const now = this.clock.now().toISOString();
    const id = newId();
    const inserted = await repo.insertJob(trx, {
      id,
      type,
      payload: writeJson(parsed),
      status: 'queued',
      run_at: (options.runAt ?? this.clock.now()).toISOString(),
      attempts: 0,
      max_attempts: definition.maxAttempts ?? 5,
      last_error: null,
      locked_by: null,
      locked_until: null,
      dedupe_key: options.dedupeKey ?? null,
      created_at: now,
      finished_at: null,
    });
    return inserted ? id : null;
  }

  /**
   * Declares a recurring job, every few seconds or by a cron pattern in a time zone
   * (`cron: '30 8 * * *'` runs at 08:30 in Asia/Shanghai unless `timeZone` says otherwise).
   * Calling it again (each start) keeps the next run time, unless the timing itself changed.
   */
  async schedule(options: JobSchedule): Promise<void> {
    const definition = this.definition(options.type);
    const recurrence = storedRecurrence(options);
    const now = this.clock.now();
    const existing = await repo.findSchedule(this.db, options.name);
    await repo.upsertSchedule(
      this.db,
      {
        name: options.name,
        type: options.type,
        payload: writeJson(definition.payload.parse(options.payload)),
        ...recurrence,
        // A period starts now; a cron schedule waits for its first occurrence.
        next_run_at: (recurrence.cron ? nextOccurrence(recurrence, now) : now).toISOString(),
      },
      !existing || !sameRecurrence(existing, recurrence),
    );
  }

  async status(id: string) {
    const row = await repo.findJob(this.db, id);
    return row
      ? { ...row, payload: readJson(row.payload, null), result: readJson(row.result ?? null, null) }
      : undefined;
  }
}
