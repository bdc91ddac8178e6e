import type { ContractScheduleItem, ContractScheduleItemInput } from '@concord/contracts';
import { fenToYuanText, yuanTextToFen } from '../../shared/money';

/*
 * The plan editor's rows and their arithmetic: amounts are typed in yuan and held as text (string
 * mode inputs), turned into integer 分 only through yuanTextToFen, so nothing passes through a float.
 */

export interface DraftItem {
  /** Stable row key for React (the item id for existing items). */
  key: string;
  id?: string;
  name: string;
  dueDate: string | null;
  /** Yuan as typed, e.g. "3390.00". */
  amountText: string | undefined;
  /** Basis points as last entered or derived (informative; the amount rules). */
  percentage: number | null;
  condition: string;
  /** Paid + requested on the item: the least it may be reduced to (0 for new rows). */
  used: number;
}

let counter = 0;
export const newRowKey = () => `new-${Date.now()}-${counter++}`;

export function draftOf(items: ContractScheduleItem[]): DraftItem[] {
  return items.map((item) => ({
    key: item.id,
    id: item.id,
    name: item.name,
    dueDate: item.dueDate,
    amountText: fenToYuanText(item.amount),
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

/** The amount of a row in 分 (0 when empty or malformed). */
export const rowFen = (row: DraftItem) => yuanTextToFen(row.amountText) ?? 0;

export const sumFen = (rows: DraftItem[]) => rows.reduce((total, row) => total + rowFen(row), 0);

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
export function rowProblems(row: DraftItem): RowProblem[] {
  const problems: RowProblem[] = [];
  if (!row.name.trim()) problems.push('name');
  if (!row.dueDate) problems.push('dueDate');
  const fen = yuanTextToFen(row.amountText);
  if (fen === null || fen <= 0) problems.push('amount');
  else if (fen < row.used) problems.push('belowUsed');
  return problems;
}

/** The rows as the API takes them, or null while any row has a problem. */
export function inputsOf(rows: DraftItem[]): ContractScheduleItemInput[] | null {
  if (rows.some((row) => rowProblems(row).length > 0)) return null;
  return rows.map((row) => ({
    ...(row.id ? { id: row.id } : {}),
    name: row.name.trim(),
    dueDate: row.dueDate as string,
    amount: rowFen(row),
    percentage: row.percentage,
    condition: row.condition.trim() || null,
  }));
}

/** Puts what is missing to reach the target on the last row (the usual last step of planning). */
export function fillRemainder(rows: DraftItem[], target: number): DraftItem[] {
  if (rows.length === 0) return rows;
  const last = rows[rows.length - 1];
  const others = sumFen(rows.slice(0, -1));
  const amount = Math.max(0, target - others);
  return [
    ...rows.slice(0, -1),
    { ...last, amountText: fenToYuanText(amount), percentage: shareOf(amount, target) },
  ];
}
