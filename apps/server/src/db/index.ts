export {
  type AppDatabase,
  createDatabase,
  type DatabaseOptions,
  type DialectName,
  dialectOfUrl,
  isPostgres,
} from './database.js';
export { columnTypes } from './columns.js';
export type { Database, Db } from './tables.js';
export { likePattern, newId, readBool, readInstant, readJson, writeJson } from './values.js';
export { type MigrationSet, migrateToLatest } from './migrator.js';
export {
  createRollup,
  defineRollup,
  dropRollup,
  findRollupDrift,
  type RollupDefinition,
  type RollupDimension,
  type RollupDrift,
  type RollupMeasure,
  type RollupSums,
  type RollupWhere,
  rebuildRollup,
  countRollup,
  deferTriggersToCommit,
  sumRollup,
} from './rollups.js';
export { type ChangeStamp, createChangeStamp, dropChangeStamp } from './change-stamps.js';
export { countUpTo } from './bounded-count.js';
export { QueryTemplate } from './query-template.js';
export { refreshPlannerStatistics } from './maintenance.js';
export { type HeavyReads, InProcessReads, ReadBudgetExceeded, WorkerReadPool } from './read-pool.js';
export { type TrigramQuery, trigramMatch } from './trigram-search.js';
