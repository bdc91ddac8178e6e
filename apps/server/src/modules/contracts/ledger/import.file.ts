import type { Locale } from '@concord/contracts';
import type { Readable } from 'node:stream';
import { AppError } from '../../../platform/http/index.js';
import {
  type FoundHeader,
  findHeader,
  HEADER_SEARCH_ROWS,
  type HeaderUnit,
  isTotalsRow,
  type MappedLayout,
  mappedColumns,
  type SheetReading,
  type SheetRow,
  SheetUnreadable,
  sheetRows,
} from '../../../platform/imports/index.js';
import { header } from './import.rows.js';
import {
  IMPORT_MAX_ROWS,
  IMPORT_SHEET,
  type ImportColumnKey,
  importColumns,
  importFields,
  type RawCell,
} from './import.template.js';
import { type Texts, texts } from './import.texts.js';

/*
 * Reading a contract import's workbook as it streams in (the platform's sheet reader): the header
 * row (found among the first rows, by the columns' names and synonyms) finds the columns, then each
 * data row comes with its cells, in flat memory whatever the file's size.
 */

/** One data row of the file: its Excel row number, its non-empty cells by column, and the units the header names. */
export interface FileRow {
  row: number;
  cells: Map<ImportColumnKey, RawCell>;
  units: ReadonlyMap<ImportColumnKey, HeaderUnit>;
}

/**
 * The answer for a file the reader cannot read. The reader's own error is kept as the cause: the
 * user sees the plain message, a log or a failing test shows why.
 */
export function notXlsx(t: Texts, cause?: unknown): AppError {
  const error = new AppError('VALIDATION_FAILED', { detail: t.notXlsx });
  if (cause !== undefined) error.cause = cause;
  return error;
}

/**
 * The data rows of the ledger sheet (the sheet named IMPORT_SHEET, else the first), read as the
 * workbook streams in: the header row finds the columns, then each non-empty row comes with the
 * cells of those columns. Memory stays flat whatever the file's size (`bytes`): the platform's reader
 * parses a large file on a worker thread. A file that is no workbook, or whose header lacks required columns, is
 * refused (400) before the first row; so is a file of more than IMPORT_MAX_ROWS rows, when its row
 * IMPORT_MAX_ROWS + 1 is read.
 */
export async function* readRows(
  stream: Readable,
  locale: Locale,
  {
    bytes,
    maxRows = IMPORT_MAX_ROWS,
    reading,
    layout,
  }: {
    bytes: number;
    maxRows?: number;
    reading?: SheetReading;
    /** The header row and columns as the user mapped them; found by the columns' names when absent. */
    layout?: MappedLayout<ImportColumnKey>;
  },
): AsyncGenerator<FileRow> {
  const t = texts[locale];
  const rows = sheetRows(stream, { sheet: IMPORT_SHEET, bytes, reading });
  let columns: Columns | null = null;
  // The rows read while looking for the header (titles above it, at most HEADER_SEARCH_ROWS).
  let above: SheetRow[] = [];
  let count = 0;
  let next: IteratorResult<SheetRow, { found: boolean }>;
  const dataRow = ({ row, cells: line }: SheetRow, { positions, units }: Columns): FileRow | null => {
    // The totals under a ledger (its own export writes one per currency) are no contract.
    if (isTotalsRow(line)) return null;
    const cells = new Map<ImportColumnKey, RawCell>();
    for (const [key, column] of positions) {
      const cell = line[column];
      if (cell && cell.value !== null) cells.set(key, cell);
    }
    if (!cells.size) return null;
    if (++count > maxRows) throw new AppError('VALIDATION_FAILED', { detail: t.tooManyRows(maxRows) });
    return { row, cells, units };
  };
  try {
    for (next = await rows.next(); !next.done; next = await rows.next()) {
      if (columns) {
        const row = dataRow(next.value, columns);
        if (row) yield row;
        continue;
      }
      if (layout) {
        // The rows above the header the user chose are titles; the header row gives the units.
        if (next.value.row === layout.headerRow) columns = mappedColumns(next.value.cells, layout.mapping);
        continue;
      }
      above.push(next.value);
      const header = findHeader(
        above.map((r) => r.cells),
        importFields,
      );
      if ('found' in header) {
        columns = columnsOf(header.found, t);
        for (const line of above.slice(header.found.at + 1)) {
          const row = dataRow(line, columns);
          if (row) yield row;
        }
        above = [];
      } else if (above.length >= HEADER_SEARCH_ROWS) refuseHeader(header.best?.positions, t);
    }
  } catch (error) {
    if (error instanceof SheetUnreadable) throw notXlsx(t, error.cause);
    throw error;
  } finally {
    // The sheets after the ledger's are not read: the file is closed here.
    await rows.return({ found: true });
  }
  if (!next.value.found) throw notXlsx(t);
  if (!columns && layout) throw new AppError('VALIDATION_FAILED', { detail: t.noRows });
  if (!columns) {
    const header = findHeader(
      above.map((r) => r.cells),
      importFields,
    );
    refuseHeader('best' in header ? header.best?.positions : undefined, t);
  }
  if (!count) throw new AppError('VALIDATION_FAILED', { detail: t.noRows });
}

/** The known columns a header row names, and the units it names for them. */
type Columns = Pick<FoundHeader<ImportColumnKey>, 'positions' | 'units'>;

/** The header's columns; refused when the file names neither the counterparty nor its credit code. */
function columnsOf(found: FoundHeader<ImportColumnKey>, t: Texts): Columns {
  if (!found.positions.has('partnerName') && !found.positions.has('partnerCreditCode'))
    refuseHeader(found.positions, t);
  return found;
}

/** Refuses a file by the columns its header (the row naming the most of them) lacks, as the template names them. */
function refuseHeader(positions: Map<ImportColumnKey, number> | undefined, t: Texts): never {
  const has = (key: ImportColumnKey) => positions?.has(key) ?? false;
  const missing = importColumns.filter((c) => c.required && !has(c.key)).map((c) => c.header);
  if (!has('partnerName') && !has('partnerCreditCode')) missing.push(header.partnerName);
  throw new AppError('VALIDATION_FAILED', { detail: t.missingColumns(missing.join('、')) });
}
