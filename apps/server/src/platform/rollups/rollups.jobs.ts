import { BUSINESS_TIME_ZONE } from '@concord/contracts';
import { z } from 'zod';
import type { RequestContext } from '../http/index.js';
import { defineJob } from '../jobs/index.js';
import type { RollupRegistry } from './rollups.service.js';

export const ROLLUP_CHECK_JOB = 'rollups.check';

/** Every night at 03:40 in Asia/Shanghai, when nobody is entering contracts. */
export const rollupCheckSchedule = {
  name: 'rollups-nightly-check',
  type: ROLLUP_CHECK_JOB,
  payload: {},
  cron: '40 3 * * *',
  timeZone: BUSINESS_TIME_ZONE,
};

export function rollupJobs(registry: RollupRegistry, systemContext: (requestId?: string) => RequestContext) {
  return [
    defineJob({
      type: ROLLUP_CHECK_JOB,
      payload: z.object({}),
      handler: async (_payload, { jobId }) => {
        for (const result of await registry.check(systemContext(`job:${jobId}`), { repair: true })) {
          if (result.repaired) {
            console.warn(
              `Rollup ${result.table}: ${result.drift.length} bucket(s) had drifted from the source; rebuilt`,
            );
          }
        }
      },
    }),
  ];
}
