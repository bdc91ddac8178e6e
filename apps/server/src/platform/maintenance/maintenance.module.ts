import { defineModule } from '../kit/index.js';
import { maintenanceJobs, plannerStatisticsSchedule } from './maintenance.jobs.js';

declare module '../kit/module.js' {
  interface ModuleRegistry {
    maintenance: Record<string, never>;
  }
}

/**
 * The database's upkeep: the planner's statistics refreshed every night (and at start-up, by
 * `main.ts`), so the indexes behind the ledgers keep being chosen as the tables grow.
 */
export const maintenanceModule = defineModule({
  name: 'maintenance',
  requires: ['jobs'],
  migrations: {},
  create({ db }) {
    return {
      provides: {},
      services: {},
      jobs: maintenanceJobs(db),
      schedules: [plannerStatisticsSchedule],
    };
  },
});
