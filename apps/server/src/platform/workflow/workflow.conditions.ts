import type { WfCond, WfCondValue } from '@concord/contracts';
import { HOME_CURRENCY } from '@concord/contracts';

/** What a condition may know about the initiator besides the form. */
export interface InitiatorFacts {
  userId: string;
  /**
   * Own department first, then any ancestors the caller knows (the core passes only the own
   * department; "in dept X" includes X's sub-departments once the service adds ancestors).
   */
  departmentIds: string[];
  roles: string[];
}

export type FormData = Record<string, unknown>;

/** Reads `a.b.c` from nested form data; undefined when any step is missing. */
export function readField(data: FormData, path: string): unknown {
  let current: unknown = data;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    // Own keys only: "__proto__" or "constructor" must not reach into prototypes.
    if (!Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/**
 * Evaluates a structured condition. Never throws and never runs code: a comparison that does not
 * make sense for the value's type (a missing field, text against a number) is simply false, so a
 * half-filled form falls through to the default branch instead of failing the submission. An
 * amount condition in another currency than the document's is false as well; the engine refuses
 * to start such a document before any branch is taken (workflow.currency.ts), so this only keeps a
 * comparison of unlike amounts from ever holding.
 */
export function evaluateCond(
  cond: WfCond,
  data: FormData,
  initiator: InitiatorFacts,
  documentCurrency: string = HOME_CURRENCY,
): boolean {
  if ('all' in cond) return cond.all.every((c) => evaluateCond(c, data, initiator, documentCurrency));
  if ('any' in cond) return cond.any.some((c) => evaluateCond(c, data, initiator, documentCurrency));
  if ('initiatorIn' in cond) {
    const { users, depts, roles } = cond.initiatorIn;
    return Boolean(
      users?.includes(initiator.userId) ||
        depts?.some((d) => initiator.departmentIds.includes(d)) ||
        roles?.some((r) => initiator.roles.includes(r)),
    );
  }
  if (cond.currency !== undefined && cond.currency !== documentCurrency) return false;
  return compare(readField(data, cond.field), cond.op, cond.value);
}

function compare(actual: unknown, op: string, expected: WfCondValue | undefined): boolean {
  switch (op) {
    case 'empty': {
      const isEmpty =
        actual === undefined ||
        actual === null ||
        actual === '' ||
        (Array.isArray(actual) && actual.length === 0);
      // `value: false` asks for "not empty"; absent or true asks for "empty".
      return expected === false ? !isEmpty : isEmpty;
    }
    case 'eq':
      return actual !== undefined && same(actual, expected);
    case 'ne':
      return !same(actual, expected);
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const order = ordering(actual, expected);
      if (order === null) return false;
      if (op === 'gt') return order > 0;
      if (op === 'gte') return order >= 0;
      if (op === 'lt') return order < 0;
      return order <= 0;
    }
    case 'between': {
      if (!Array.isArray(expected) || expected.length !== 2) return false;
      const low = ordering(actual, expected[0]);
      const high = ordering(actual, expected[1]);
      return low !== null && high !== null && low >= 0 && high <= 0;
    }
    case 'in':
      return Array.isArray(expected) && expected.some((e) => same(actual, e));
    case 'notIn':
      return Array.isArray(expected) && !expected.some((e) => same(actual, e));
    case 'contains':
      if (Array.isArray(actual)) return actual.some((a) => same(a, expected));
      return typeof actual === 'string' && typeof expected === 'string' && actual.includes(expected);
    default:
      return false;
  }
}

/** Numbers and numeric strings compare as numbers (forms send "10000" as often as 10000). */
function asNumber(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return null;
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const x = asNumber(a);
  const y = asNumber(b);
  return x !== null && y !== null && x === y;
}

/** Sign of a − b, or null when they are not comparable. Strings compare as text (YYYY-MM-DD works). */
function ordering(a: unknown, b: unknown): number | null {
  const x = asNumber(a);
  const y = asNumber(b);
  if (x !== null && y !== null) return Math.sign(x - y);
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return null;
}

/** Shape errors the compiler reports for a condition, e.g. `between` without two bounds. */
export function condShapeErrors(cond: WfCond): string[] {
  if ('all' in cond) return cond.all.flatMap(condShapeErrors);
  if ('any' in cond) return cond.any.flatMap(condShapeErrors);
  if ('initiatorIn' in cond) return [];
  const { op, value, field } = cond;
  if (op === 'between' && !(Array.isArray(value) && value.length === 2))
    return [`${field}: between needs [low, high]`];
  if ((op === 'in' || op === 'notIn') && !Array.isArray(value)) return [`${field}: ${op} needs a list`];
  if (op !== 'empty' && value === undefined) return [`${field}: ${op} needs a value`];
  return [];
}

/** Fields a condition reads, for the compiler's unknown-field check. */
export function condFields(cond: WfCond): string[] {
  if ('all' in cond) return cond.all.flatMap(condFields);
  if ('any' in cond) return cond.any.flatMap(condFields);
  if ('initiatorIn' in cond) return [];
  return [cond.field];
}
