/**
 * The contract ledger's rollup as the module reads it: the declaration its migration created
 * (frozen there; a change of buckets or sums is a new migration and a new version here).
 */
export { contractLedgerRollupV4 as contractLedgerRollup } from '../migrations/20261221_000500_contract_ledger_rollup_settled.js';
