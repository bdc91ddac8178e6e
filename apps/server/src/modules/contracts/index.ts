export { contractsModule } from './contracts.module.js';
