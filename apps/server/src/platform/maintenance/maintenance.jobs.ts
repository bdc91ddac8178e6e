import { BUSINESS_TIME_ZONE } from '@concord/contracts';
import { z } from 'zod';
import { type Db, refreshPlannerStatistics } from '../../db/index.js';
import { defineJob } from '../jobs/index.js';

export const PLANNER_STATISTICS_JOB = 'maintenance.plannerStatistics';

/** Every night at 04:10 in Asia/Shanghai, after the rollup check. */
export const plannerStatisticsSchedule = {
  name: 'planner-statistics-nightly',
  type: PLANNER_STATISTICS_JOB,
  payload: {},
  cron: '10 4 * * *',
  timeZone: BUSINESS_TIME_ZONE,
};

export function maintenanceJobs(db: Db) {
  return [
    defineJob({
      type: PLANNER_STATISTICS_JOB,
      payload: z.object({}),
      handler: async () => {
        await refreshPlannerStatistics(db, 'scheduled');
      },
    }),
  ];
}
