import type { Readable } from 'node:stream';
import {
  type ContractImportInspection,
  type ContractImportLayout,
  contractImportFieldSchema,
  type Locale,
} from '@concord/contracts';
import { AppError } from '../../../platform/http/index.js';
import {
  type ColumnMapping,
  columnLetter,
  findHeader,
  HEADER_SEARCH_ROWS,
  headerFingerprint,
  matchHeader,
  previewGrid,
  type SheetRow,
  SheetUnreadable,
  sheetRows,
} from '../../../platform/imports/index.js';
import { IMPORT_SHEET, type ImportColumnKey, importColumns, importFields } from './import.template.js';
import { notXlsx } from './import.file.js';
import { texts } from './import.texts.js';

/*
 * The mapping step of the contract import: what the user sees of an uploaded workbook (its first
 * rows, the header row and columns proposed, from a mapping saved for the same header or from the
 * columns' names), and the check of the layout they confirm before the import reads the file by it.
 */

/** The saved mappings of this import are kept under this kind. */
export const IMPORT_MAPPING_KIND = 'contracts.ledger';

/** Data rows the preview shows under the header's candidates. */
const PREVIEW_DATA_ROWS = 5;

/** The sheet's first rows: the header's candidates and a few data rows under them. */
export async function firstRows(stream: Readable, bytes: number, locale: Locale): Promise<SheetRow[]> {
  const rows = sheetRows(stream, { sheet: IMPORT_SHEET, bytes });
  const taken: SheetRow[] = [];
  try {
    for (let next = await rows.next(); !next.done; next = await rows.next()) {
      taken.push(next.value);
      if (taken.length >= HEADER_SEARCH_ROWS + PREVIEW_DATA_ROWS) break;
    }
  } catch (error) {
    if (error instanceof SheetUnreadable) throw notXlsx(texts[locale], error.cause);
    throw error;
  } finally {
    await rows.return({ found: true });
  }
  if (!taken.length) throw new AppError('VALIDATION_FAILED', { detail: texts[locale].noRows });
  return taken;
}

/** The fingerprints of the rows that may be the header, in row order (for the saved mappings). */
export function candidatePrints(rows: readonly SheetRow[]): string[] {
  return rows.slice(0, HEADER_SEARCH_ROWS).map((r) => headerFingerprint(r.cells));
}

/**
 * What the mapping step proposes: the header row holding the saved mapping's header, else the row
 * the columns' names find (or the one naming the most of them), with its columns.
 */
export function propose(
  rows: readonly SheetRow[],
  saved: { fingerprint: string; mapping: ColumnMapping[] } | null,
  locale: Locale,
): Omit<ContractImportInspection, 'fileId' | 'fileName'> {
  const candidates = rows.slice(0, HEADER_SEARCH_ROWS);
  const suggestions = candidates.map((r) => ({
    row: r.row,
    mapping: [...matchHeader(r.cells, importFields).positions].map(([field, column]) => ({ field, column })),
  }));
  const fields = importColumns.map((c) => ({
    key: c.key,
    label: c.header,
    required: c.required,
    help: c.help[locale],
  }));
  const common = { preview: previewGrid(rows), fields, suggestions };
  const savedAt = saved
    ? candidates.find((r) => headerFingerprint(r.cells) === saved.fingerprint)
    : undefined;
  // A field saved once and since gone from the import is left out.
  const savedMapping = (saved?.mapping ?? []).filter(
    (m): m is ContractImportLayout['mapping'][number] => contractImportFieldSchema.safeParse(m.field).success,
  );
  if (savedAt && savedMapping.length)
    return { ...common, headerRow: savedAt.row, mapping: savedMapping, mappingSource: 'saved' };
  const header = findHeader(
    candidates.map((r) => r.cells),
    importFields,
  );
  const found = 'found' in header ? header.found : header.best;
  if (!found) return { ...common, headerRow: null, mapping: [], mappingSource: 'none' };
  return {
    ...common,
    headerRow: candidates[found.at].row,
    mapping: suggestions[found.at].mapping,
    mappingSource: 'matched',
  };
}

/**
 * A layout the import can read by: every field at most once, no column for two fields, every
 * required field mapped, and the counterparty by name or credit code. Refused (400) naming what is
 * wrong, by the template's column names.
 */
export function checkLayout(layout: ContractImportLayout, locale: Locale): void {
  const t = texts[locale].layout;
  const label = (key: ImportColumnKey) => importColumns.find((c) => c.key === key)?.header ?? key;
  const refuse = (detail: string): never => {
    throw new AppError('VALIDATION_FAILED', { detail });
  };
  const fields = new Set<ImportColumnKey>();
  const columns = new Map<number, ImportColumnKey>();
  for (const { field, column } of layout.mapping) {
    if (fields.has(field)) refuse(t.fieldTwice(label(field)));
    const other = columns.get(column);
    if (other) refuse(t.columnTwice(columnLetter(column), label(other), label(field)));
    fields.add(field);
    columns.set(column, field);
  }
  const missing = importColumns.filter((c) => c.required && !fields.has(c.key)).map((c) => c.header);
  if (!fields.has('partnerName') && !fields.has('partnerCreditCode'))
    missing.push(`${label('partnerName')}/${label('partnerCreditCode')}`);
  if (missing.length) refuse(t.missing(missing.join('、')));
}

/** The cells of the file's header row (for its fingerprint when the mapping is saved). */
export async function headerCells(
  stream: Readable,
  bytes: number,
  headerRow: number,
  locale: Locale,
): Promise<SheetRow['cells']> {
  const rows = await firstRows(stream, bytes, locale);
  const header = rows.find((r) => r.row === headerRow);
  if (!header)
    throw new AppError('VALIDATION_FAILED', { detail: texts[locale].layout.noHeaderRow(headerRow) });
  return header.cells;
}
