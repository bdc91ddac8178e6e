export { PartnerRecordsService } from './partner-records.service.js';
export { partnersMigrations } from './partners.migrations.js';
export { partnersRecordTypes } from './partners.record-types.js';
export {
  type PartnerManagers,
  partnersJobs,
  QUALIFICATION_SCAN_JOB,
  QualificationReminders,
} from './partners.reminders.js';
export { partnersRoutes } from './partners.routes.js';
export type { PartnerDirectory, PartnerForContract } from './partners.ports.js';
export { PartnersService } from './partners.service.js';
export { partnersTemplates } from './partners.templates.js';
export {
  type EvaluationScoresOf,
  PartnerRatings,
  partnerRatingRoutes,
  ratingOfScores,
} from './partners.rating.js';
