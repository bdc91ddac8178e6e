import type { ColumnType } from 'antd/es/table';

/** A ledger column: antd's column with a key, and whether it is hidden by default, always shown or totalled. */
export interface LedgerColumn<T> extends ColumnType<T> {
  key: string;
  /** Hidden until the user turns it on in the column settings. */
  optional?: boolean;
  /** Always shown (the record's number, the row actions). */
  locked?: boolean;
  /** A money column with a total under it: the key of its amount in the totals. */
  total?: string;
}

/**
 * Which columns of a ledger are shown. The user's choice is kept per ledger in localStorage as the
 * keys shown and the keys known when the choice was made, so a column added by a later release
 * appears by its own default instead of being taken for one the user turned off.
 */
export interface StoredColumnChoice {
  visible: string[];
  known: string[];
}

export interface ColumnSettingsInput {
  /** Every column key, in display order. */
  all: readonly string[];
  /** The keys shown when the user has not chosen. */
  defaults: readonly string[];
  /** Keys that are always shown (the record's number, the actions). */
  locked?: readonly string[];
}

function isChoice(value: unknown): value is StoredColumnChoice {
  if (!value || typeof value !== 'object') return false;
  const { visible, known } = value as Record<string, unknown>;
  const strings = (list: unknown) => Array.isArray(list) && list.every((item) => typeof item === 'string');
  return strings(visible) && strings(known);
}

/** The keys to show, in column order: the stored choice where it knows the column, else the default. */
export function mergeColumnSettings(input: ColumnSettingsInput, stored: unknown): string[] {
  const locked = new Set(input.locked ?? []);
  const defaults = new Set(input.defaults);
  const choice = isChoice(stored) ? stored : null;
  const visible = new Set(choice?.visible ?? []);
  const known = new Set(choice?.known ?? []);
  return input.all.filter((key) => {
    if (locked.has(key)) return true;
    if (known.has(key)) return visible.has(key);
    return defaults.has(key);
  });
}

/** What to store for a choice; `null` when it equals the defaults (nothing needs keeping). */
export function columnChoiceToStore(
  input: ColumnSettingsInput,
  visible: readonly string[],
): StoredColumnChoice | null {
  const merged = mergeColumnSettings(input, { visible, known: input.all });
  const defaults = mergeColumnSettings(input, null);
  if (merged.length === defaults.length && merged.every((key, index) => defaults[index] === key)) return null;
  return { visible: merged, known: [...input.all] };
}

export const columnStorageKey = (ledgerId: string) => `concord.columns.${ledgerId}`;

export function readColumnChoice(ledgerId: string): unknown {
  try {
    const raw = localStorage.getItem(columnStorageKey(ledgerId));
    return raw ? (JSON.parse(raw) as unknown) : null;
  } catch {
    return null;
  }
}

export function writeColumnChoice(ledgerId: string, choice: StoredColumnChoice | null): void {
  try {
    if (choice) localStorage.setItem(columnStorageKey(ledgerId), JSON.stringify(choice));
    else localStorage.removeItem(columnStorageKey(ledgerId));
  } catch {
    // private mode: the choice lasts for this visit only
  }
}
