import { randomUUID } from 'node:crypto';
import { type Db, readJson, writeJson } from '../../db/index.js';
import type { Clock } from './clock.js';
import { nextOccurrence } from './cron.js';
import type { JobQueue } from './job-queue.js';
import * as repo from './jobs.repository.js';

export interface JobRunnerOptions {
  /** Jobs claimed per tick. */
  batchSize?: number;
  /** How long a claimed job stays this worker's before another may take it over. */
  leaseSeconds?: number;
  workerId?: string;
  onError?: (error: unknown, job: { id: string; type: string }) => void;
}

const MAX_RETRY_WAIT_SECONDS = 3600;

/**
 * Runs due jobs. Several app processes may each run one: claims are atomic, so every job runs
 * once (and again only after a failure or an expired lease). `tick` does one round and is what
 * tests call with a manual clock; `start` ticks on an interval in the server.
 */
export class JobRunner {
  readonly workerId: string;
  private readonly db: Db;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<unknown> | undefined;

  constructor(
    db: Db,
    private readonly queue: JobQueue,
    private readonly clock: Clock,
    private readonly options: JobRunnerOptions = {},
  ) {
    this.db = db;
    this.workerId = options.workerId ?? `worker-${randomUUID()}`;
  }

  async tick(): Promise<{ ran: number; failed: number }> {
    await this.enqueueDueSchedules();
    const now = this.clock.now();
    const claimed = await repo.claimDue(this.db, {
      now: now.toISOString(),
      limit: this.options.batchSize ?? 20,
      workerId: this.workerId,
      leaseUntil: this.leaseUntil(),
    });
    let failed = 0;
    for (const job of claimed) {
      if (!(await this.run(job))) failed += 1;
    }
    return { ran: claimed.length, failed };
  }

  private async run(job: Awaited<ReturnType<typeof repo.claimDue>>[number]): Promise<boolean> {
    const attempt = job.attempts;
    try {
      // The jobs claimed with it may have run long: the lease starts afresh, unless another worker
      // already took the job over.
      if (!(await repo.renewLease(this.db, job.id, this.workerId, this.leaseUntil()))) return true;
      const definition = this.queue.definition(job.type);
      const payload = definition.payload.parse(readJson(job.payload, null));
      const result = await definition.handler(payload, {
        jobId: job.id,
        attempt,
        now: this.clock.now(),
        db: this.db,
        progress: (done, total = null) =>
          repo.renewLease(this.db, job.id, this.workerId, this.leaseUntil(), { done, total }),
      });
      await repo.finishJob(
        this.db,
        job.id,
        this.workerId,
        this.clock.now().toISOString(),
        result === undefined ? null : writeJson(result),
      );
      return true;
    } catch (error) {
      this.options.onError?.(error, job);
      const now = this.clock.now();
      const retry = attempt < job.max_attempts;
      const firstWait = this.safeDefinition(job.type)?.retryAfterSeconds ?? 30;
      const wait = Math.min(firstWait * 2 ** (attempt - 1), MAX_RETRY_WAIT_SECONDS);
      await repo.failJob(this.db, job.id, this.workerId, {
        retryAt: retry ? new Date(now.getTime() + wait * 1000).toISOString() : null,
        error:
          error instanceof Error
            ? `${error.name}: ${error.message}`.slice(0, 2000)
            : String(error).slice(0, 2000),
        finishedAt: now.toISOString(),
      });
      return false;
    }
  }

  private leaseUntil(): string {
    return new Date(this.clock.now().getTime() + (this.options.leaseSeconds ?? 300) * 1000).toISOString();
  }

  private safeDefinition(type: string) {
    try {
      return this.queue.definition(type);
    } catch {
      return undefined;
    }
  }

  /** Each due schedule enqueues one job per occurrence; the dedupe key makes a second node's try a no-op. */
  private async enqueueDueSchedules(): Promise<void> {
    const now = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      for (const schedule of await repo.lockDueSchedules(trx, now.toISOString())) {
        const occurrence = new Date(schedule.next_run_at).toISOString();
        await this.queue.enqueue(trx, schedule.type, readJson(schedule.payload, null), {
          dedupeKey: `schedule:${schedule.name}:${occurrence}`,
        });
        // After downtime, run once and carry on from now instead of catching up every missed run.
        const next = schedule.cron
          ? nextOccurrence(schedule, now).getTime()
          : Math.max(nextOccurrence(schedule, new Date(occurrence)).getTime(), now.getTime() + 1000);
        await repo.advanceSchedule(trx, schedule.name, new Date(next).toISOString());
      }
    });
  }

  start(intervalMs = 2000): void {
    if (this.#timer) return;
    this.#timer = setInterval(() => {
      if (this.#running) return; // one round at a time per process
      this.#running = this.tick()
        .catch((error) => this.options.onError?.(error, { id: '-', type: 'tick' }))
        .finally(() => {
          this.#running = undefined;
        });
    }, intervalMs);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }
}
