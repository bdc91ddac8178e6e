export { numberingModule } from './numbering.module.js';
export {
  type NumberFor,
  type NumberingDirectory,
  type NumberingRuleRef,
  NumberingService,
} from './numbering.service.js';
