import { columnLetter } from '@concord/contracts';
import type { ColumnMapping, ImportInspection } from './importTypes';

/** Column letters as Excel writes them (shared with the server). */
export { columnLetter };

/*
 * The mapping step's arithmetic, apart from its display: the columns a header row offers, the
 * proposal for a row the user picks as the header, and the data rows read by a mapping.
 */

/** The columns of the chosen header row that hold something in the header or below it. */
export function headerColumns(
  inspection: Pick<ImportInspection, 'preview'>,
  headerRow: number,
): { index: number; letter: string; header: string }[] {
  const header = inspection.preview.find((r) => r.row === headerRow)?.cells ?? [];
  const below = dataRows(inspection, headerRow);
  const width = Math.max(header.length, ...below.map((r) => r.cells.length));
  return Array.from({ length: width }, (_, index) => ({
    index,
    letter: columnLetter(index),
    header: header[index] ?? '',
  })).filter((c) => c.header || below.some((r) => r.cells[c.index]));
}

/** The preview's rows under the header (the first data rows). */
export function dataRows(inspection: Pick<ImportInspection, 'preview'>, headerRow: number) {
  return inspection.preview.filter((r) => r.row > headerRow);
}

/** What to propose when the user picks another row as the header: the columns its names match. */
export function proposalFor(inspection: ImportInspection, headerRow: number): ColumnMapping[] {
  if (headerRow === inspection.headerRow) return inspection.mapping;
  return inspection.suggestions.find((s) => s.row === headerRow)?.mapping ?? [];
}

/** The required fields the mapping leaves without a column (the server checks again). */
export function unmappedRequired(
  fields: ImportInspection['fields'],
  mapping: readonly ColumnMapping[],
): ImportInspection['fields'] {
  const mapped = new Set(mapping.map((m) => m.field));
  return fields.filter((f) => f.required && !mapped.has(f.key));
}

/** The mapping with one field's column set (or cleared); a column taken by another field moves. */
export function withColumn(
  mapping: readonly ColumnMapping[],
  field: string,
  column: number | null,
): ColumnMapping[] {
  const rest = mapping.filter((m) => m.field !== field && m.column !== column);
  return column === null ? rest : [...rest, { field, column }];
}
