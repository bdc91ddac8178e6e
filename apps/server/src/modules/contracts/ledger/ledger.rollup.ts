/**
 * The contract ledger's rollup as the module reads it: the declaration its migration created
 * (frozen there; a change of buckets or sums is a new migration and a new version here).
 */
export { contractLedgerRollupV3 as contractLedgerRollup } from '../migrations/20261213_000100_contract_overdue_items.js';
