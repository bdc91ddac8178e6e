import { expect, it } from 'vitest';
import { z } from 'zod';
import { describeEachDialect } from '../../testing/test-app.js';
import { defineJob, JobQueue, JobRunner, ManualClock } from './index.js';

const START = '2026-03-02T08:00:00.000Z';

/** A queue and runner over the test app's database with a recording job and a failing one. */
function harness(db: any) {
  const clock = new ManualClock(START);
  const ran: { id: string; value: number; attempt: number }[] = [];
  let failuresLeft = 0;
  const hooks: { onLongStep?: () => Promise<void> } = {};
  const definitions = [
    defineJob({
      type: 'test.record',
      payload: z.object({ value: z.number().int() }),
      handler: async (payload, { jobId, attempt }) => {
        ran.push({ id: jobId, value: payload.value, attempt });
      },
    }),
    defineJob({
      type: 'test.flaky',
      payload: z.object({ value: z.number().int() }),
      maxAttempts: 3,
      retryAfterSeconds: 60,
      handler: async (payload, { attempt }) => {
        if (failuresLeft > 0) {
          failuresLeft -= 1;
          throw new Error(`failure on attempt ${attempt}`);
        }
        ran.push({ id: 'flaky', value: payload.value, attempt });
      },
    }),
    defineJob({
      type: 'test.long',
      payload: z.object({ steps: z.number().int() }),
      handler: async (payload, { progress }) => {
        for (let step = 1; step <= payload.steps; step++) {
          clock.advance(50_000); // longer in all than the lease
          if (!(await progress(step, payload.steps))) return { stopped: step };
          ran.push({ id: 'long', value: step, attempt: 1 });
          await hooks.onLongStep?.();
        }
        return { steps: payload.steps, word: '完成' };
      },
    }),
  ];
  const queue = new JobQueue(db, definitions, clock);
  const runner = (workerId = 'w1') =>
    new JobRunner(db, queue, clock, { workerId, batchSize: 10, leaseSeconds: 60 });
  return { clock, queue, runner, ran, hooks, failTimes: (n: number) => (failuresLeft = n) };
}

describeEachDialect(
  'jobs',
  (t) => {
    it('runs a queued job once, when it is due', async () => {
      const { queue, runner, ran, clock } = harness(t().services.db);
      const id = await queue.enqueue(
        t().services.db,
        'test.record',
        { value: 1 },
        { runAt: new Date('2026-03-02T09:00:00.000Z') },
      );
      const worker = runner();
      expect(await worker.tick()).toEqual({ ran: 0, failed: 0 });
      clock.set('2026-03-02T09:00:00.000Z');
      expect(await worker.tick()).toEqual({ ran: 1, failed: 0 });
      expect(await worker.tick()).toEqual({ ran: 0, failed: 0 });
      expect(ran).toEqual([{ id, value: 1, attempt: 1 }]);
      expect((await queue.status(id!))?.status).toBe('done');
    });

    it("keeps a long job's progress and result, its lease renewed as it reports", async () => {
      const { queue, runner, ran, clock, hooks } = harness(t().services.db);
      const id = (await queue.enqueue(t().services.db, 'test.long', { steps: 4 }))!;
      expect(await queue.status(id)).toMatchObject({ progress_done: null, result: null });
      // Another node ticking while the job runs (past its first lease) must not take it over.
      const other = runner('w-other');
      const seen: number[] = [];
      hooks.onLongStep = async () => {
        seen.push((await other.tick()).ran);
        expect((await queue.status(id))?.locked_by).toBe('w1');
      };
      expect(await runner().tick()).toEqual({ ran: 1, failed: 0 });
      expect(seen).toEqual([0, 0, 0, 0]);
      expect(ran.filter((r) => r.id === 'long').map((r) => r.value)).toEqual([1, 2, 3, 4]);
      const job = await queue.status(id);
      expect(job).toMatchObject({
        status: 'done',
        progress_done: 4,
        progress_total: 4,
        result: { steps: 4, word: '完成' },
      });
      expect(clock.now().getTime() - Date.parse(START)).toBeGreaterThan(60_000);
    });

    it('stops reporting a job whose lease another worker took over', async () => {
      const { queue, ran } = harness(t().services.db);
      const db = t().services.db;
      const id = (await queue.enqueue(db, 'test.record', { value: 70 }))!;
      await db
        .updateTable('job')
        .set({ status: 'running', locked_by: 'w-new' })
        .where('id', '=', id)
        .execute();
      const { renewLease } = await import('./jobs.repository.js');
      expect(await renewLease(db, id, 'w-old', '2030-01-01T00:00:00.000Z', { done: 1, total: 2 })).toBe(
        false,
      );
      expect(await renewLease(db, id, 'w-new', '2030-01-01T00:00:00.000Z', { done: 1, total: 2 })).toBe(true);
      expect(await queue.status(id)).toMatchObject({
        progress_done: 1,
        progress_total: 2,
        locked_by: 'w-new',
      });
      expect(ran.filter((r) => r.value === 70)).toEqual([]);
    });

    it('refuses a payload that does not fit the declared schema, and unknown job types', async () => {
      const { queue } = harness(t().services.db);
      await expect(queue.enqueue(t().services.db, 'test.record', { value: 'x' })).rejects.toThrow();
      await expect(queue.enqueue(t().services.db, 'test.nothing', {})).rejects.toThrow(/No job of type/);
    });

    it('queues a job only once per dedupe key', async () => {
      const { queue } = harness(t().services.db);
      const first = await queue.enqueue(
        t().services.db,
        'test.record',
        { value: 2 },
        { dedupeKey: 'once-only' },
      );
      const second = await queue.enqueue(
        t().services.db,
        'test.record',
        { value: 3 },
        { dedupeKey: 'once-only' },
      );
      expect(first).not.toBeNull();
      expect(second).toBeNull();
    });

    it('enqueues with the caller transaction: a rolled-back write queues nothing', async () => {
      const { queue, runner, ran } = harness(t().services.db);
      await expect(
        t()
          .services.db.transaction()
          .execute(async (trx) => {
            await queue.enqueue(trx, 'test.record', { value: 4 });
            throw new Error('the write failed');
          }),
      ).rejects.toThrow('the write failed');
      await runner().tick();
      expect(ran.filter((r) => r.value === 4)).toEqual([]);
    });

    it('retries a failing job with doubling waits, then gives up', async () => {
      const { queue, runner, ran, clock, failTimes } = harness(t().services.db);
      const worker = runner();
      failTimes(2);
      const id = (await queue.enqueue(t().services.db, 'test.flaky', { value: 5 }))!;
      expect(await worker.tick()).toEqual({ ran: 1, failed: 1 });
      let job = await queue.status(id);
      expect(job).toMatchObject({ status: 'queued', attempts: 1, last_error: 'Error: failure on attempt 1' });
      expect(new Date(job!.run_at).toISOString()).toBe('2026-03-02T08:01:00.000Z');
      clock.set('2026-03-02T08:01:00.000Z');
      expect(await worker.tick()).toEqual({ ran: 1, failed: 1 });
      job = await queue.status(id);
      expect(new Date(job!.run_at).toISOString()).toBe('2026-03-02T08:03:00.000Z');
      clock.set('2026-03-02T08:03:00.000Z');
      expect(await worker.tick()).toEqual({ ran: 1, failed: 0 });
      expect(ran).toContainEqual({ id: 'flaky', value: 5, attempt: 3 });

      failTimes(3);
      const doomed = (await queue.enqueue(t().services.db, 'test.flaky', { value: 6 }))!;
      for (let i = 0; i < 3; i++) {
        clock.advance(3600_000);
        await worker.tick();
      }
      expect(await queue.status(doomed)).toMatchObject({ status: 'dead', attempts: 3 });
    });

    it('takes over a job whose worker died (expired lease)', async () => {
      const { queue, runner, ran, clock } = harness(t().services.db);
      const id = (await queue.enqueue(t().services.db, 'test.record', { value: 7 }))!;
      // A worker claims the job and dies before finishing it.
      await t()
        .services.db.updateTable('job')
        .set({
          status: 'running',
          locked_by: 'dead-worker',
          locked_until: '2026-03-02T08:01:00.000Z',
          attempts: 1,
        })
        .where('id', '=', id)
        .execute();
      const worker = runner('w2');
      await worker.tick();
      expect(ran.filter((r) => r.value === 7)).toEqual([]);
      clock.set('2026-03-02T08:02:00.000Z');
      await worker.tick();
      expect(ran.filter((r) => r.value === 7)).toEqual([{ id, value: 7, attempt: 2 }]);
    });

    it('runs a schedule once per period, on one node only', async () => {
      const { queue, runner, ran, clock } = harness(t().services.db);
      await queue.schedule({
        name: 'every-ten-minutes',
        type: 'test.record',
        payload: { value: 8 },
        everySeconds: 600,
      });
      const [a, b] = [runner('node-a'), runner('node-b')];
      await a.tick();
      await b.tick();
      expect(ran.filter((r) => r.value === 8)).toHaveLength(1);
      clock.advance(5 * 60_000);
      await a.tick();
      await b.tick();
      expect(ran.filter((r) => r.value === 8)).toHaveLength(1);
      clock.advance(5 * 60_000);
      await b.tick();
      await a.tick();
      expect(ran.filter((r) => r.value === 8)).toHaveLength(2);
    });

    it('runs a daily cron schedule at 08:30 Beijing time, which is 00:30 UTC', async () => {
      const { queue, runner, ran, clock } = harness(t().services.db);
      const daily = { name: 'daily-0830', type: 'test.record', payload: { value: 9 }, cron: '30 8 * * *' };
      // 16:00 in Beijing: today's 08:30 has passed, so nothing runs until tomorrow's.
      await queue.schedule(daily);
      const [a, b] = [runner('node-a'), runner('node-b')];
      const count = () => ran.filter((r) => r.value === 9).length;
      await a.tick();
      expect(count()).toBe(0);
      clock.set('2026-03-03T00:29:59.000Z');
      await a.tick();
      expect(count()).toBe(0);
      clock.set('2026-03-03T00:30:00.000Z');
      await a.tick();
      await b.tick();
      expect(count()).toBe(1);
      // declared again at the next start: the next run stays tomorrow's
      await queue.schedule(daily);
      clock.set('2026-03-03T12:00:00.000Z');
      await a.tick();
      expect(count()).toBe(1);
      // after a day of downtime it runs once, then keeps to 08:30
      clock.set('2026-03-05T03:00:00.000Z');
      await a.tick();
      await a.tick();
      expect(count()).toBe(2);
      const row = await t()
        .services.db.selectFrom('job_schedule')
        .select(['next_run_at', 'time_zone', 'cron'])
        .where('name', '=', 'daily-0830')
        .executeTakeFirstOrThrow();
      expect(new Date(row.next_run_at).toISOString()).toBe('2026-03-06T00:30:00.000Z');
      expect(row).toMatchObject({ cron: '30 8 * * *', time_zone: 'Asia/Shanghai' });
    });

    it('moves a schedule to its new timing when it changes from a period to a cron pattern', async () => {
      const { queue, runner, ran, clock } = harness(t().services.db);
      const base = { name: 'moving', type: 'test.record', payload: { value: 10 } };
      await queue.schedule({ ...base, everySeconds: 86_400 });
      await runner().tick();
      expect(ran.filter((r) => r.value === 10)).toHaveLength(1);
      await queue.schedule({ ...base, cron: '0 9 * * *', timeZone: 'Europe/Berlin' });
      clock.set('2026-03-03T07:59:00.000Z');
      await runner().tick();
      expect(ran.filter((r) => r.value === 10)).toHaveLength(1);
      clock.set('2026-03-03T08:00:00.000Z'); // 09:00 in Berlin (CET)
      await runner().tick();
      expect(ran.filter((r) => r.value === 10)).toHaveLength(2);
    });

    it('refuses a schedule it could never run', async () => {
      const { queue } = harness(t().services.db);
      const base = { name: 'bad', type: 'test.record', payload: { value: 1 } };
      await expect(queue.schedule({ ...base, cron: 'at half past eight' })).rejects.toThrow();
      await expect(
        queue.schedule({ ...base, cron: '30 8 * * *', timeZone: 'Mars/Olympus' }),
      ).rejects.toThrow();
      await expect(queue.schedule({ ...base, everySeconds: 0 })).rejects.toThrow(RangeError);
    });

    it('lets several workers drain one queue concurrently, running every job exactly once', async () => {
      const { queue, runner, ran } = harness(t().services.db);
      const values = Array.from({ length: 60 }, (_, i) => 1000 + i);
      for (const value of values) await queue.enqueue(t().services.db, 'test.record', { value });
      const workers = ['c1', 'c2', 'c3', 'c4'].map((id) => runner(id));
      for (let round = 0; round < 10; round++) await Promise.all(workers.map((w) => w.tick()));
      const seen = ran
        .filter((r) => r.value >= 1000)
        .map((r) => r.value)
        .sort((x, y) => x - y);
      expect(seen).toEqual(values);
    });
  },
  { demo: false },
);
