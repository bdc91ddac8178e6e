import type { contractExecutionScheduleZhCN } from './contractExecutionSchedule.zh-CN';

/** Payment/receipt plan tab and editor strings (en-US). */
export const contractExecutionScheduleEnUS: typeof contractExecutionScheduleZhCN = {
  contractSchedule: {
    tab: {
      EXPENSE: 'Payment plan',
      INCOME: 'Receipt plan',
    },
    title: {
      EXPENSE: 'Payment plan',
      INCOME: 'Receipt plan',
    },
    empty: 'No {{title}} yet',
    emptyCan:
      'No {{title}} yet. Plan the milestones the contract sets; they must add up to the contract amount',
    create: 'Create {{title}}',
    editPlan: 'Edit plan',
    editTitle: 'Edit {{title}}',
    overdue: 'Overdue',
    differenceWarning:
      'The plan adds up to {{total}} but the contract amount to execute is {{target}} (difference {{difference}}); adjust the plan',
    col: {
      name: 'Milestone',
      dueDate: 'Due date',
      amount: 'Amount',
      percentage: 'Share',
      condition: 'Condition',
      requested: 'In approval',
      paid: 'Paid',
      received: 'Received',
      invoiced: 'Invoiced',
      accepted: 'Accepted',
      toPay: 'To pay',
      toReceive: 'To receive',
      progress: 'Progress',
    },
    total: {
      label: 'Total',
      current: 'Contract amount (current)',
      settled: 'Settled amount',
      planned: 'Planned',
      overdue: 'Overdue to pay',
      overdueIncome: 'Overdue to receive',
    },
    placeholder: {
      name: 'e.g. Advance payment',
      condition: 'e.g. within 10 days of signing',
    },
    edit: {
      hint: 'The plan must add up to {{target}}; typing a share computes the amount from the contract amount.',
      add: 'Add milestone',
      fillRemainder: 'Put the difference on the last row',
      newItem: 'New milestone',
      noRows: 'No milestones yet; click "Add milestone"',
      usedHint: '{{amount}} paid, received or in approval; cannot go below',
      cannotRemove: 'This milestone has payments or requests and cannot be removed',
      emptyPlan: 'The plan is empty: saving removes the plan',
      sumOk: 'The plan adds up to {{total}}, equal to the contract amount',
      sumOff: 'The plan adds up to {{total}}; the contract amount is {{target}}; difference {{difference}}',
    },
    change: {
      title: 'Payment plan after the change',
      required:
        'The contract has a plan: a change of the amount must adjust the plan to add up to the new amount',
      notBalanced: 'The plan after the change must add up to the new amount',
    },
  },
};
