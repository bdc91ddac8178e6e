import { IMPORT_PREVIEW_MAX_COLUMNS } from '@concord/contracts';
import { type HeaderUnit, headerUnit, normaliseHeader } from './header.js';
import type { SheetCell, SheetRow } from './sheet-reader.mjs';

/*
 * The layout of an import file as the user maps it: which row is the header and which column
 * holds each field. The mapping step shows a preview of the sheet's first rows (previewGrid), the
 * user confirms or changes the columns, and the mapping is saved under the header's fingerprint so
 * the next file with the same header maps itself.
 */

/** A field and the column (0 is column A) the file holds it in. */
export interface ColumnMapping<K extends string = string> {
  field: K;
  column: number;
}

/** The row holding the header (its Excel row number) and the column of each mapped field. */
export interface MappedLayout<K extends string = string> {
  headerRow: number;
  mapping: ColumnMapping<K>[];
}

/** Columns the preview shows at most (a ledger wider than this is no ledger a person maps by hand). */
export const PREVIEW_MAX_COLUMNS = IMPORT_PREVIEW_MAX_COLUMNS;

/** A cell as the preview shows it: dates as YYYY-MM-DD, a percent cell as a percent, text trimmed. */
export function cellDisplay(cell: SheetCell | null | undefined): string {
  const value = cell?.value;
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const time = Math.round(value.getTime() / 60_000) * 60_000;
    return Number.isNaN(time) ? '' : new Date(time).toISOString().slice(0, 10);
  }
  if (typeof value === 'number' && cell?.percent) return `${Number((value * 100).toPrecision(12))}%`;
  return String(value).trim();
}

/** The rows as text, each as wide as the widest (at most PREVIEW_MAX_COLUMNS). */
export function previewGrid(rows: readonly SheetRow[]): { row: number; cells: string[] }[] {
  const width = Math.min(
    PREVIEW_MAX_COLUMNS,
    Math.max(0, ...rows.map((r) => r.cells.reduce((last, cell, i) => (cellDisplay(cell) ? i + 1 : last), 0))),
  );
  return rows.map((r) => ({
    row: r.row,
    cells: Array.from({ length: width }, (_, i) => cellDisplay(r.cells[i])),
  }));
}

/**
 * A header row's fingerprint: its column names normalised (see normaliseHeader) in column order,
 * empty columns kept as empty, trailing ones dropped. Two files with the same header have the same
 * fingerprint, whatever title rows sit above it; a column inserted changes it (the mapping by
 * position would no longer fit).
 */
export function headerFingerprint(cells: readonly (SheetCell | null)[]): string {
  const names = cells.map((cell) => normaliseHeader(cellDisplay(cell)));
  while (names.length && !names[names.length - 1]) names.pop();
  return names.join('|');
}

/** Positions and units for a layout's mapping: the unit each mapped column's header names (万元). */
export function mappedColumns<K extends string>(
  headerCells: readonly (SheetCell | null)[],
  mapping: readonly ColumnMapping<K>[],
): { positions: Map<K, number>; units: Map<K, HeaderUnit> } {
  const positions = new Map<K, number>();
  const units = new Map<K, HeaderUnit>();
  for (const { field, column } of mapping) {
    positions.set(field, column);
    const unit = headerUnit(cellDisplay(headerCells[column]));
    if (unit) units.set(field, unit);
  }
  return { positions, units };
}

/** Column letters as Excel writes them (shared with the server and the web). */
export { columnLetter } from '@concord/contracts';
