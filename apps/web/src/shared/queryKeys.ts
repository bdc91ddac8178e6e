import type { QueryParams } from '../app/api/client';

/**
 * TanStack Query keys of the business pages, in one place. Keys nest: everything about a contract
 * sits under `keys.contracts.detail(id)` and every list under `keys.contracts.lists`, so a write
 * invalidates a prefix and every page, tab and picker that reads the same resource reloads. The
 * arrays are the ones the pages used before this factory, so prefixes other modules invalidate by
 * keep matching.
 */
const contractDetail = (id: string) => ['contracts', 'detail', id] as const;
const partnerDetail = (id: string) => ['partners', 'detail', id] as const;

export const keys = {
  contracts: {
    all: ['contracts'] as const,
    lists: ['contracts', 'ledger'] as const,
    list: (filters: QueryParams) => ['contracts', 'ledger', filters] as const,
    /** Under `lists`, so whatever refreshes the ledger refreshes its totals. */
    totals: (filters: QueryParams) => ['contracts', 'ledger', 'totals', filters] as const,
    detail: contractDetail,
    versions: (id: string) => [...contractDetail(id), 'versions'] as const,
    version: (id: string, number: number) => [...contractDetail(id), 'version', number] as const,
    compare: (id: string, from: number, to: number) => [...contractDetail(id), 'compare', from, to] as const,
    changes: (id: string) => [...contractDetail(id), 'changes'] as const,
    audit: (id: string, page: number) => [...contractDetail(id), 'audit', page] as const,
    archive: (id: string) => [...contractDetail(id), 'archive'] as const,
    borrows: (id: string, page: number) => [...contractDetail(id), 'borrows', page] as const,
    seals: (id: string, page: number) => [...contractDetail(id), 'seals', page] as const,
    payments: (id: string, page: number) => [...contractDetail(id), 'payments', page] as const,
    paymentPosition: (id: string) => [...contractDetail(id), 'payment-position'] as const,
    deliveries: (id: string) => [...contractDetail(id), 'deliveries'] as const,
    matching: (id: string) => [...contractDetail(id), 'matching'] as const,
    schedule: (id: string) => [...contractDetail(id), 'schedule'] as const,
    settlement: (id: string) => [...contractDetail(id), 'settlement'] as const,
    evaluation: (id: string) => [...contractDetail(id), 'evaluation'] as const,
    invoices: (id: string) => [...contractDetail(id), 'invoices'] as const,
  },
  contractBorrows: {
    all: ['contract-borrows'] as const,
    list: (filters: QueryParams) => ['contract-borrows', filters] as const,
  },
  contractCategories: {
    all: ['contract-categories'] as const,
    admin: ['contract-categories', 'admin'] as const,
    picker: ['contract-categories', 'picker'] as const,
  },
  contractPlans: {
    all: ['contract-plans'] as const,
    list: (filters: QueryParams) => ['contract-plans', 'list', filters] as const,
    report: (filters: QueryParams) => ['contract-plans', 'report', filters] as const,
    picker: (entityId: string, year: number | undefined) =>
      ['contract-plans', 'picker', entityId, year ?? 0] as const,
  },
  contractExceptions: {
    all: ['contract-exceptions'] as const,
    list: (filters: QueryParams) => ['contract-exceptions', filters] as const,
  },
  contractSettings: ['contract-settings'] as const,
  contractOverdue: (filters: QueryParams) => ['contract-overdue', filters] as const,
  /** Under the overdue list's prefix, so whatever refreshes the list refreshes its totals. */
  contractOverdueTotals: (filters: QueryParams) => ['contract-overdue', 'totals', filters] as const,
  contractOversight: (filters: QueryParams) => ['contract-oversight', filters] as const,
  /** Under the oversight list's prefix, so whatever refreshes the list refreshes its counts. */
  contractOversightCounts: (filters: QueryParams) => ['contract-oversight', 'counts', filters] as const,
  partners: {
    /** The contract form's partner picker reads under this prefix too, so a change refreshes it. */
    all: ['partners'] as const,
    list: (filters: QueryParams) => ['partners', 'list', filters] as const,
    picker: (q: string) => ['partners', 'contract-picker', q] as const,
    /** Under `all`, so a change of a partner (its qualifications) refreshes it. */
    expiring: (query: QueryParams) => ['partners', 'qualifications-expiring', query] as const,
    detail: partnerDetail,
    ratingHistory: (id: string) => [...partnerDetail(id), 'rating-history'] as const,
    /** Under `audit` (not the partner) so the system audit page's invalidation covers it too. */
    audits: ['audit', 'partner'] as const,
    audit: (id: string, page: number) => ['audit', 'partner', id, page] as const,
  },
  invoices: {
    all: ['invoices'] as const,
    list: (filters: QueryParams) => ['invoices', 'list', filters] as const,
    detail: (id: string) => ['invoices', 'detail', id] as const,
    usages: (id: string) => ['invoices', 'detail', id, 'usages'] as const,
  },
  audit: {
    /** Under `audit`, so the audit pages' invalidations cover it. */
    mineRecent: (query: QueryParams) => ['audit', 'mine', 'recent', query] as const,
  },
  numbering: { ruleOptions: ['numbering', 'rules', 'options'] as const },
  workflow: {
    all: ['workflow'] as const,
    definitions: (subject: string) => ['workflow', 'definitions', subject] as const,
  },
};

/** Whether `prefix` matches `key` the way TanStack Query's `invalidateQueries({ queryKey })` does. */
export function keyStartsWith(key: readonly unknown[], prefix: readonly unknown[]): boolean {
  return prefix.every((part, index) => JSON.stringify(part) === JSON.stringify(key[index]));
}
