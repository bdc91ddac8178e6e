export { numberingMigrations } from './numbering.migrations.js';
export { numberingRecordTypes } from './numbering.record-types.js';
export { numberingRoutes } from './numbering.routes.js';
export {
  calendarDate,
  type NumberFor,
  type NumberingDirectory,
  type NumberingRuleRef,
  NumberingService,
} from './numbering.service.js';
