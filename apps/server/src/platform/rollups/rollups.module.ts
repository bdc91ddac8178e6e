import { defineModule } from '../kit/index.js';
import { rollupsAuditEvents } from './rollups.audit-events.js';
import { rollupCheckSchedule, rollupJobs } from './rollups.jobs.js';
import { RollupRegistry } from './rollups.service.js';

declare module '../kit/module.js' {
  interface ModuleRegistry {
    rollups: RollupRegistry;
  }
}

/**
 * The rollups every module declares (ledger totals per bucket, kept by triggers): registered by the
 * composition root from the definitions' `rollups`, checked against their sources every night.
 */
export const rollupsModule = defineModule({
  name: 'rollups',
  requires: ['audit', 'jobs'],
  migrations: {},
  auditEvents: rollupsAuditEvents,
  create({ db, systemContext }, { audit }) {
    const rollups = new RollupRegistry(db, audit);
    return {
      provides: rollups,
      services: { rollups },
      jobs: rollupJobs(rollups, systemContext),
      schedules: [rollupCheckSchedule],
    };
  },
});
