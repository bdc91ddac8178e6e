export { contractsModule } from './contracts.module.js';
/** Factories of real register and execution rows (tests and the demo seed build their rows with them). */
export { type ContractDraftInput, contractFactories } from './contracts.factories.js';
export { executionFactories, type PlanItemsInput } from './contracts.execution.factories.js';
export { closingFactories } from './contracts.closing.factories.js';
export { archiveFactories } from './contracts.archive.factories.js';
/** The import template's columns (the Excel benchmark writes a ledger file in that shape). */
export { importColumns } from './ledger/import.template.js';
/** The past-due day moved to today, as the hourly job does (the bench runs no job runner). */
export { advancePastDueDay } from './execution/past-due.js';
