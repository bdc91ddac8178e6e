import type { contractExecutionCollectionsZhCN } from './contractExecutionCollections.zh-CN';

/** The ledger's execution columns, the overdue list and group oversight (en-US). */
export const contractExecutionCollectionsEnUS: typeof contractExecutionCollectionsZhCN = {
  contractLedgerExecution: {
    col: {
      plannedAmount: 'Planned',
      requestedAmount: 'Requested',
      paidAmount: 'Paid',
      receivedAmount: 'Received',
      invoicedAmount: 'Invoiced',
      acceptedAmount: 'Accepted',
      outstandingAmount: 'Outstanding',
      overdueAmount: 'Overdue',
      nextDueDate: 'Next due',
      matchingStatus: 'Matching',
    },
    matching: { MATCHED: 'Matched', MISMATCHED: 'Mismatched' },
    matchingFilter: 'Matching',
    overdueOnly: 'Overdue only',
  },
  contractOverdue: {
    menuLabel: 'Overdue',
    title: 'Overdue receivables and payables',
    description:
      'Milestones of contracts in force that are past their due date with money still open. Owners are reminded before and after the due date, then the department head and finance, on the configured days.',
    receivables: 'Receivables',
    payables: 'Payables',
    search: 'Contract number, name, counterparty or milestone',
    entity: 'Signing entity',
    minDays: 'Days overdue ≥',
    totalOverdue: 'Total overdue',
    empty: 'Nothing overdue',
    col: {
      contract: 'Contract',
      item: 'Milestone',
      dueDate: 'Due date',
      daysOverdue: 'Days overdue',
      amount: 'Milestone amount',
      paidAmount: 'Settled',
      overdueAmount: 'Overdue',
      owner: 'Owner',
      entity: 'Signing entity',
    },
    days: '{{days}} days',
  },
  contractOversight: {
    menuLabel: 'Group oversight',
    title: 'Group contract oversight',
    description:
      'Rule breaches across the subsidiaries: payments let through beyond invoices or acceptance, contracts in force past their end date, overdue collections, contracts with blacklisted or unqualified counterparties.',
    all: 'All',
    entity: 'Signing entity',
    empty: 'No breaches found',
    kind: {
      OVERRIDE_PAYMENT: 'Payment beyond invoices/acceptance',
      PAST_END: 'Past end date',
      OVERDUE_COLLECTION: 'Overdue collection',
      BLACKLISTED_PARTNER: 'Blacklisted counterparty',
      UNQUALIFIED_PARTNER: 'Expired qualification',
    },
    col: {
      kind: 'Kind',
      contract: 'Contract',
      entity: 'Signing entity',
      owner: 'Owner',
      amount: 'Amount',
      date: 'Date',
      detail: 'Detail',
    },
  },
};
