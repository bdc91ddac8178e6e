import type { ContractScheduleItem, ContractScheduleItemInput } from '@concord/contracts';
import { inputTextToMinor, minorToInputText } from '../../../../shared/moneyInputText';

/*
 * The plan editor's rows and their arithmetic: amounts are typed in the contract's currency (yuan,
 * dollars, yen) and held as text (string mode inputs), turned into integer minor units (分) only
 * through the shared money parsing, so nothing passes through a float and yen get no decimals.
 */

export interface DraftItem {
  /** Stable row key for React (the item id for existing items). */
  key: string;
  id?: string;
  name: string;
  dueDate: string | null;
  /** The amount as typed in the contract's currency, e.g. "3390.00" (CNY) or "3390" (JPY). */
  amountText: string | undefined;
  /** Basis points as last entered or derived (informative; the amount rules). */
  percentage: number | null;
  condition: string;
  /** Paid + requested on the item: the least it may be reduced to (0 for new rows). */
  used: number;
}

let counter = 0;
export const newRowKey = () => `new-${Date.now()}-${counter++}`;

export function draftOf(items: ContractScheduleItem[], currency: string): DraftItem[] {
  return items.map((item) => ({
    key: item.id,
    id: item.id,
    name: item.name,
    dueDate: item.dueDate,
    amountText: minorToInputText(item.amount, currency),
    percentage: item.percentage,
    condition: item.condition ?? '',
    used: item.paid + item.requested,
  }));
}

export function emptyRow(): DraftItem {
  return {
    key: newRowKey(),
    name: '',
    dueDate: null,
    amountText: undefined,
    percentage: null,
    condition: '',
    used: 0,
  };
}

/** The amount of a row in minor units (0 when empty or malformed). */
export const rowFen = (row: DraftItem, currency: string) => inputTextToMinor(row.amountText, currency) ?? 0;

export const sumFen = (rows: DraftItem[], currency: string) =>
  rows.reduce((total, row) => total + rowFen(row, currency), 0);

/** A share of the target in basis points → 分, rounded half up (integer arithmetic via BigInt). */
export function fenForShare(target: number, basisPoints: number): number {
  return Number((BigInt(target) * BigInt(basisPoints) * 2n + 10000n) / 20000n);
}

/** 分 → share of the target in basis points (null without a target). */
export function shareOf(amount: number, target: number): number | null {
  if (target <= 0) return null;
  return Math.round((amount * 10000) / target);
}

/** What is wrong with a row, as message keys (empty when fine). */
export type RowProblem = 'name' | 'dueDate' | 'amount' | 'belowUsed';
export function rowProblems(row: DraftItem, currency: string): RowProblem[] {
  const problems: RowProblem[] = [];
  if (!row.name.trim()) problems.push('name');
  if (!row.dueDate) problems.push('dueDate');
  const fen = inputTextToMinor(row.amountText, currency);
  if (fen === null || fen <= 0) problems.push('amount');
  else if (fen < row.used) problems.push('belowUsed');
  return problems;
}

/** The rows as the API takes them, or null while any row has a problem. */
export function inputsOf(rows: DraftItem[], currency: string): ContractScheduleItemInput[] | null {
  if (rows.some((row) => rowProblems(row, currency).length > 0)) return null;
  return rows.map((row) => ({
    ...(row.id ? { id: row.id } : {}),
    name: row.name.trim(),
    dueDate: row.dueDate as string,
    amount: rowFen(row, currency),
    percentage: row.percentage,
    condition: row.condition.trim() || null,
  }));
}

/** Puts what is missing to reach the target on the last row (the usual last step of planning). */
export function fillRemainder(rows: DraftItem[], target: number, currency: string): DraftItem[] {
  if (rows.length === 0) return rows;
  const last = rows[rows.length - 1];
  const others = sumFen(rows.slice(0, -1), currency);
  const amount = Math.max(0, target - others);
  return [
    ...rows.slice(0, -1),
    { ...last, amountText: minorToInputText(amount, currency), percentage: shareOf(amount, target) },
  ];
}
