/**
 * The contract ledger's rollup as the module reads it: the declaration its migration created
 * (frozen there; a change of buckets is a new migration and a new version here).
 */
export { contractLedgerRollupV1 as contractLedgerRollup } from '../migrations/20261205_000100_contract_ledger_rollup.js';
