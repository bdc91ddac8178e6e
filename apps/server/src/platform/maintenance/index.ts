export { maintenanceModule } from './maintenance.module.js';
export { PLANNER_STATISTICS_JOB } from './maintenance.jobs.js';
