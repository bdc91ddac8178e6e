import { halfWidth, type YuanUnit } from './cell-values.js';
import type { SheetCell } from './sheet-reader.mjs';

/*
 * Finding the columns of an imported sheet the way a company's ledger lays them out: the header may
 * sit below a title and a date line, and a column may be named by a synonym ("签约金额" for
 * "合同金额"), with full-width brackets, stray spaces, a required-mark asterisk or a unit
 * ("合同金额（万元）"). Every import of the platform names its columns once (ImportField) and finds
 * them here.
 */

/** A field an import reads, and the names a ledger may give its column. */
export interface ImportField<K extends string> {
  key: K;
  /** The template's header first, then synonyms (Chinese and English): compared normalised. */
  names: readonly string[];
  required: boolean;
}

/** Where the header is and what each known field's column is; `units` are amount units named in a header. */
export interface FoundHeader<K extends string> {
  /** Index among the rows searched (0 is the sheet's first row handed in). */
  at: number;
  positions: Map<K, number>;
  /** A unit the header names for its column ("合同金额（万元）" → 万). */
  units: Map<K, HeaderUnit>;
}

/** The unit of yuan a header names for its column's amounts. */
export type HeaderUnit = YuanUnit;

/** The words a totals row of a ledger starts with (Concord's own export writes 合计 / Total). */
const TOTALS_LABELS = new Set(['合计', '总计', '小计', '合计金额', 'total', 'subtotal', 'grandtotal']);

/** Whether a row is a totals row under the data (its first filled cell says 合计, Total...), not a record. */
export function isTotalsRow(cells: readonly (SheetCell | null)[]): boolean {
  const first = cells.find((cell) => cell && cell.value !== null);
  return typeof first?.value === 'string' && TOTALS_LABELS.has(normaliseHeader(first.value));
}

/** The header is looked for among a sheet's first rows (titles, a date line, a blank row above it). */
export const HEADER_SEARCH_ROWS = 10;

/**
 * A header's text compared: full-width as ASCII, without spaces, asterisks, colons or a trailing
 * bracketed part (the unit is read apart, see headerUnit), lower case.
 */
export function normaliseHeader(text: string): string {
  return withoutBrackets(halfWidth(text))
    .replace(/[\s*:：_]/g, '')
    .toLowerCase();
}

const BRACKETS = /[(（[【](.*?)[)）\]】]\s*$/;

function withoutBrackets(text: string): string {
  return text.replace(/[(（[【].*?[)）\]】]/g, '');
}

/** The unit of yuan a header names in brackets: "（万元）" → 万, "(元)" → 元; null when none. */
export function headerUnit(text: string): HeaderUnit | null {
  const unit = BRACKETS.exec(halfWidth(text).trim())?.[1]?.replace(/\s/g, '');
  if (unit === '万元' || unit === '万') return '万';
  if (unit === '亿元' || unit === '亿') return '亿';
  if (unit === '元' || unit === '人民币元') return '元';
  return null;
}

/** The fields one row names: each field at the first column whose header is one of its names. */
export function matchHeader<K extends string>(
  cells: readonly (SheetCell | null)[],
  fields: readonly ImportField<K>[],
): Omit<FoundHeader<K>, 'at'> {
  const byName = new Map<string, ImportField<K>>();
  for (const field of fields)
    for (const name of field.names)
      if (!byName.has(normaliseHeader(name))) byName.set(normaliseHeader(name), field);
  const positions = new Map<K, number>();
  const units = new Map<K, HeaderUnit>();
  cells.forEach((cell, index) => {
    if (!cell || typeof cell.value !== 'string') return;
    const field = byName.get(normaliseHeader(cell.value));
    if (!field || positions.has(field.key)) return;
    positions.set(field.key, index);
    const unit = headerUnit(cell.value);
    if (unit) units.set(field.key, unit);
  });
  return { positions, units };
}

/**
 * The header among `rows` (a sheet's first HEADER_SEARCH_ROWS rows): the first row that names every
 * required field; failing that, the row naming the most fields, with what it lacks, so the message
 * names the missing columns of the row the user meant as the header.
 */
export function findHeader<K extends string>(
  rows: readonly (readonly (SheetCell | null)[])[],
  fields: readonly ImportField<K>[],
): { found: FoundHeader<K> } | { best: FoundHeader<K> | null; missing: ImportField<K>[] } {
  let best: FoundHeader<K> | null = null;
  for (let at = 0; at < Math.min(rows.length, HEADER_SEARCH_ROWS); at++) {
    const header = { at, ...matchHeader(rows[at], fields) };
    if (fields.every((f) => !f.required || header.positions.has(f.key))) return { found: header };
    if (!best || header.positions.size > best.positions.size) best = header;
  }
  const missing = fields.filter((f) => f.required && !best?.positions.has(f.key));
  return { best: best?.positions.size ? best : null, missing };
}
