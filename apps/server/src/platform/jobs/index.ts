export { type Clock, ManualClock, systemClock } from './clock.js';
export { defineJob, type JobContext, type JobDefinition, JobQueue, UnknownJobError } from './job-queue.js';
export { JobRunner, type JobRunnerOptions } from './job-runner.js';
export { jobsModule } from './jobs.module.js';
export {
  type BackgroundJobView,
  type JobRequester,
  jobRequesterSchema,
  requestersJob,
} from './background.js';
