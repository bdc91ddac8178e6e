/**
 * The budgets module is not built yet (issue "Expenses and budget control"); its port's shape is
 * fixed here so that contracts, expenses and procurement are written against it.
 */
export type {
  BudgetCheck,
  BudgetLineRef,
  BudgetRequest,
  BudgetReservation,
  BudgetReservationPort,
} from './budgets.ports.js';
