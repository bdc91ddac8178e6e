import type { MigrationSet } from '../../db/index.js';
import * as setup from './migrations/20261201_000050_contract_setup.js';
import * as init from './migrations/20261201_000100_contracts_init.js';
import * as archive from './migrations/20261201_000300_contract_archive.js';
import * as execution from './migrations/20261202_000100_contract_execution.js';
import * as ledgerRollup from './migrations/20261205_000100_contract_ledger_rollup.js';
import * as ledgerSortIndexes from './migrations/20261206_000100_contract_ledger_sort_indexes.js';
import * as search from './migrations/20261206_000200_contract_search.js';
import * as equalityIndexes from './migrations/20261208_000100_contract_ledger_equality_indexes.js';
import * as pastDue from './migrations/20261209_000100_contract_past_due.js';
import * as createdIndexCoversFilters from './migrations/20261210_000100_contract_created_index_covers_filters.js';
import * as paymentRefundIndex from './migrations/20261211_000100_contract_payment_refund_index.js';
import * as ledgerRollupAtCommit from './migrations/20261212_000100_contract_ledger_rollup_at_commit.js';
import * as overdueItems from './migrations/20261213_000100_contract_overdue_items.js';
import * as oversightIndexes from './migrations/20261214_000100_contract_oversight_indexes.js';
import * as searchAutomerge from './migrations/20261217_000100_contract_search_automerge.js';
import * as planItemMatched from './migrations/20261221_000100_contract_plan_item_matched.js';
import * as invoiceAllocation from './migrations/20261221_000200_contract_invoice_allocation.js';
import * as retentionHeld from './migrations/20261221_000300_contract_retention_held.js';
import * as taxExemption from './migrations/20261221_000400_contract_tax_exemption.js';
import * as rollupSettled from './migrations/20261221_000500_contract_ledger_rollup_settled.js';

export const contractsMigrations: MigrationSet = {
  '20261201_000050_contract_setup': setup,
  '20261201_000100_contracts_init': init,
  '20261201_000300_contract_archive': archive,
  '20261202_000100_contract_execution': execution,
  '20261205_000100_contract_ledger_rollup': ledgerRollup,
  '20261206_000100_contract_ledger_sort_indexes': ledgerSortIndexes,
  '20261206_000200_contract_search': search,
  '20261208_000100_contract_ledger_equality_indexes': equalityIndexes,
  '20261209_000100_contract_past_due': pastDue,
  '20261210_000100_contract_created_index_covers_filters': createdIndexCoversFilters,
  '20261211_000100_contract_payment_refund_index': paymentRefundIndex,
  '20261212_000100_contract_ledger_rollup_at_commit': ledgerRollupAtCommit,
  '20261213_000100_contract_overdue_items': overdueItems,
  '20261214_000100_contract_oversight_indexes': oversightIndexes,
  '20261217_000100_contract_search_automerge': searchAutomerge,
  '20261221_000100_contract_plan_item_matched': planItemMatched,
  '20261221_000200_contract_invoice_allocation': invoiceAllocation,
  '20261221_000300_contract_retention_held': retentionHeld,
  '20261221_000400_contract_tax_exemption': taxExemption,
  '20261221_000500_contract_ledger_rollup_settled': rollupSettled,
};
