import { z } from 'zod';
import { defineJob, type JobDefinition } from '../jobs/index.js';
import type { AuthService } from './auth.service.js';

/** IAM's declared jobs; its module definition schedules the purge hourly. */
export function iamJobs(auth: AuthService): JobDefinition[] {
  return [
    defineJob({
      type: 'iam.purgeSessions',
      payload: z.object({}),
      handler: async (_payload, { now }) => {
        await auth.purgeExpiredSessions(now);
        await auth.purgeStaleThrottle(now);
      },
    }),
  ];
}
