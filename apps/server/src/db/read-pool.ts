import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type Compilable, type CompiledQuery, type Kysely, sql } from 'kysely';

/** A heavy read ran past its time budget and was stopped. */
export class ReadBudgetExceeded extends Error {
  constructor(readonly budgetMs: number) {
    super(`The read took longer than its budget of ${budgetMs} ms and was stopped`);
  }
}

/**
 * Where long reads run (exports, totals summed over many rows, report aggregates, integrity
 * checks): off the event loop, so one heavy request never stalls the others, and within a time
 * budget when given one.
 */
export interface HeavyReads {
  all<R>(query: Compilable<R>, options?: { budgetMs?: number }): Promise<R[]>;
  /** Ends the idle readers' connections to the file; the next read opens them again. */
  release(): Promise<void>;
  close(): Promise<void>;
}

/**
 * SQLite on a file: a few worker threads, each with its own read-only connection (WAL lets readers
 * run beside the writer). A worker takes one read at a time; a read over its budget is stopped by
 * ending its worker, which is replaced. The SQLite connection the app writes on is synchronous:
 * what runs on it blocks every request, so anything that may read many rows comes here.
 */
export class WorkerReadPool implements HeavyReads {
  readonly #idle: PoolWorker[] = [];
  readonly #waiting: ((worker: PoolWorker) => void)[] = [];
  #closed = false;

  /**
   * The workers start with the first read, not with the pool: an idle reader in WAL mode holds the
   * file's shared memory, and a process that takes the file out of WAL mode (`bench:data`, for its
   * load) must have it to itself: it releases the pool first, and the next read starts it again.
   */
  #unstarted: number;

  constructor(
    private readonly file: string,
    size = Math.max(2, Math.min(4, availableParallelism() - 1)),
    /** Told of each read as it is sent, like the main connection's query log (statement counts, the bench's capture). */
    private readonly onQuery?: (sql: string, parameters: readonly unknown[]) => void,
  ) {
    this.#unstarted = size;
  }

  async all<R>(query: Compilable<R>, options: { budgetMs?: number } = {}): Promise<R[]> {
    for (; this.#unstarted > 0 && !this.#closed; this.#unstarted--) this.#idle.push(this.#spawn());
    const compiled = query.compile();
    this.onQuery?.(compiled.sql, compiled.parameters);
    const worker = await this.#take();
    let rows: unknown[];
    try {
      rows = await worker.run(compiled, options.budgetMs);
    } catch (error) {
      // A read over its budget is still running in its worker: end it, start another.
      if (error instanceof ReadBudgetExceeded || !worker.alive) {
        void worker.end({ stillReading: error instanceof ReadBudgetExceeded });
        this.#give(this.#spawn());
      } else {
        this.#give(worker);
      }
      throw error;
    }
    this.#give(worker);
    return rows as R[];
  }

  async release(): Promise<void> {
    const idle = this.#idle.splice(0);
    this.#unstarted += idle.length;
    await Promise.all(idle.map((worker) => worker.end()));
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#idle.splice(0).map((worker) => worker.end()));
  }

  #spawn(): PoolWorker {
    return new PoolWorker(this.file);
  }

  #take(): Promise<PoolWorker> {
    if (this.#closed) return Promise.reject(new Error('The read pool is closed'));
    const worker = this.#idle.pop();
    if (worker) return Promise.resolve(worker);
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  #give(worker: PoolWorker): void {
    if (this.#closed) {
      void worker.end();
      return;
    }
    const next = this.#waiting.shift();
    if (next) next(worker);
    else this.#idle.push(worker);
  }
}

class PoolWorker {
  readonly #worker: Worker;
  #next = 0;
  #pending = new Map<number, { resolve: (rows: unknown[]) => void; reject: (error: Error) => void }>();
  alive = true;
  /** Settles when the thread has ended, whoever ended it. */
  readonly #exited: Promise<void>;

  constructor(file: string) {
    this.#worker = new Worker(new URL('./read-pool.worker.mjs', import.meta.url), { workerData: { file } });
    // An idle worker does not keep the process alive.
    this.#worker.unref();
    this.#worker.on('message', ({ id, rows, error }) => {
      const pending = this.#pending.get(id);
      if (!pending) return;
      this.#pending.delete(id);
      if (error) pending.reject(Object.assign(new Error(error.message), { code: error.code }));
      else pending.resolve(rows);
    });
    this.#worker.on('error', (error) => this.#failAll(error));
    this.#exited = new Promise((resolve) =>
      this.#worker.on('exit', () => {
        this.alive = false;
        this.#failAll(new Error('The read worker stopped'));
        resolve();
      }),
    );
  }

  run(query: CompiledQuery, budgetMs?: number): Promise<unknown[]> {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      const timer =
        budgetMs === undefined
          ? undefined
          : setTimeout(() => {
              this.#pending.delete(id);
              reject(new ReadBudgetExceeded(budgetMs));
            }, budgetMs);
      const settle =
        <T>(then: (value: T) => void) =>
        (value: T) => {
          clearTimeout(timer);
          then(value);
        };
      this.#pending.set(id, { resolve: settle(resolve), reject: settle(reject) });
      this.#worker.ref();
      this.#worker.postMessage({ id, sql: query.sql, parameters: query.parameters });
    }).finally(() => {
      if (this.#pending.size === 0) this.#worker.unref();
    }) as Promise<unknown[]>;
  }

  /**
   * An idle worker closes its connection and leaves (a thread that is terminated leaves its SQLite
   * connection open: a file descriptor and the file's shared memory held for the process's life);
   * one still running a read (over its budget) can only be terminated.
   */
  async end(options: { stillReading?: boolean } = {}): Promise<void> {
    this.alive = false;
    if (options.stillReading || this.#pending.size > 0) {
      await this.#worker.terminate();
      return;
    }
    this.#worker.ref();
    this.#worker.postMessage({ close: true });
    const timer = setTimeout(() => void this.#worker.terminate(), 1_000);
    // A thread that had already ended (it crashed while idle) settled this long ago.
    await this.#exited;
    clearTimeout(timer);
  }

  #failAll(error: Error): void {
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }
}

/**
 * PostgreSQL (asynchronous already: its reads never block the event loop) and SQLite in memory
 * (which no other connection can open): the reads run on the app's own connection; on PostgreSQL
 * the budget is the statement timeout of a read-only transaction.
 */
export class InProcessReads implements HeavyReads {
  constructor(
    private readonly db: Kysely<any>,
    private readonly dialect: 'sqlite' | 'postgres',
  ) {}

  async all<R>(query: Compilable<R>, options: { budgetMs?: number } = {}): Promise<R[]> {
    const { budgetMs } = options;
    if (budgetMs === undefined || this.dialect === 'sqlite') {
      return (await this.db.executeQuery(query.compile())).rows as R[];
    }
    try {
      return await this.db.transaction().execute(async (trx) => {
        await sql.raw(`set local statement_timeout = ${Math.max(1, Math.floor(budgetMs))}`).execute(trx);
        return (await trx.executeQuery(query.compile())).rows as R[];
      });
    } catch (error) {
      // 57014: query_canceled, what the statement timeout raises.
      if ((error as { code?: string }).code === '57014') throw new ReadBudgetExceeded(budgetMs);
      throw error;
    }
  }

  async release(): Promise<void> {}

  async close(): Promise<void> {}
}
