import type {
  AuditRecentPage,
  ContractLedgerPage,
  ContractLedgerTotalsResult,
  ContractOverduePage,
  ContractOverdueTotalsResult,
} from '@concord/contracts';
import { useQuery } from '@tanstack/react-query';
import { api, type QueryParams } from '../../app/api/client';
import { keys } from '../../shared/queryKeys';

/*
 * What the workbench reads beyond the approvals and notifications: the contract lists filtered to
 * the user as owner (the same endpoints and keys as the ledger and the overdue list, so a write
 * that refreshes them refreshes the workbench), and the user's recent records.
 */

/** Contracts in force ending within this many days count as ending soon (the ledger's filter). */
export const ENDING_WITHIN_DAYS = 30;

/** The filters of "my overdue collections": receivables of the contracts I own. */
export const myOverdueFilters = (ownerId: string): QueryParams => ({ direction: 'INCOME', ownerId });

/** The filters of "my contracts ending soon": in force, mine, ending within ENDING_WITHIN_DAYS. */
export const myEndingFilters = (ownerId: string): QueryParams => ({
  ownerId,
  expiringWithinDays: ENDING_WITHIN_DAYS,
});

export function useMyOverdue(ownerId: string, limit: number, enabled: boolean) {
  const filters = myOverdueFilters(ownerId);
  const query = { ...filters, sort: 'dueDate', limit };
  const page = useQuery({
    queryKey: keys.contractOverdue(query),
    queryFn: ({ signal }) => api.get<ContractOverduePage>('/contract-overdue', query, signal),
    enabled,
  });
  const totals = useQuery({
    queryKey: keys.contractOverdueTotals(filters),
    queryFn: ({ signal }) =>
      api.get<ContractOverdueTotalsResult>('/contract-overdue/totals', filters, signal),
    enabled,
  });
  return { page, totals };
}

export function useMyEndingContracts(ownerId: string, limit: number, enabled: boolean) {
  const filters = myEndingFilters(ownerId);
  const query = { ...filters, sort: 'endDate', limit };
  const page = useQuery({
    queryKey: keys.contracts.list(query),
    queryFn: ({ signal }) => api.get<ContractLedgerPage>('/contracts', query, signal),
    enabled,
  });
  const totals = useQuery({
    queryKey: keys.contracts.totals(filters),
    queryFn: ({ signal }) => api.get<ContractLedgerTotalsResult>('/contracts/totals', filters, signal),
    enabled,
  });
  return { page, totals };
}

/** The records of these kinds I last wrote to in the entity I act in, newest first. */
export function useMyRecentRecords(limit: number, types: readonly string[]) {
  const query = { limit, types: types.join(',') };
  return useQuery({
    queryKey: keys.audit.mineRecent(query),
    queryFn: ({ signal }) => api.get<AuditRecentPage>('/audit/mine/recent', query, signal),
  });
}
