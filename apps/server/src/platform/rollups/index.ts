export { rollupsModule } from './rollups.module.js';
export type { RollupCheck, RollupRegistry } from './rollups.service.js';
