import { defineModule } from '../kit/index.js';
import { JobQueue } from './job-queue.js';
import { JobRunner } from './job-runner.js';
import { jobsAuditEvents } from './jobs.audit-events.js';
import { jobsMigrations } from './jobs.migrations.js';

declare module '../kit/module.js' {
  interface ModuleRegistry {
    jobs: { jobs: JobQueue; jobRunner: JobRunner };
  }
}

/** Declared jobs in the database, claimed once each by whichever node is free; recurring schedules. */
export const jobsModule = defineModule({
  name: 'jobs',
  requires: [],
  migrations: jobsMigrations,
  auditEvents: jobsAuditEvents,
  // A job is its requester's: the routes that show one check who asks (others get 404).
  recordTypes: [{ type: 'job', entityOwned: false }],
  create({ db, clock }) {
    // Every module's jobs are declared on the queue once all modules exist (their handlers need them).
    const jobs = new JobQueue(db, [], clock);
    const jobRunner = new JobRunner(db, jobs, clock, {
      onError: (error, job) =>
        console.error(
          `Job ${job.type} ${job.id} failed: ${error instanceof Error ? error.message : String(error)}`,
        ),
    });
    return { provides: { jobs, jobRunner }, services: { jobs, jobRunner } };
  },
});
