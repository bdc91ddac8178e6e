import type { Locale } from '@concord/contracts';
import type { Readable } from 'node:stream';
import { AppError } from '../../../platform/http/index.js';
import {
  type SheetCell,
  type SheetRow,
  type SheetReading,
  SheetUnreadable,
  sheetRows,
} from '../../../platform/imports/index.js';
import { header } from './import.rows.js';
import {
  cellText,
  IMPORT_MAX_ROWS,
  IMPORT_SHEET,
  type ImportColumnKey,
  importColumns,
  type RawCell,
} from './import.template.js';
import { type Texts, texts } from './import.texts.js';

/*
 * Reading a contract import's workbook as it streams in (the platform's sheet reader): the header
 * row finds the columns, then each data row comes with its cells, in flat memory whatever the file's size.
 */

/** One data row of the file: its Excel row number and its non-empty cells by column. */
export interface FileRow {
  row: number;
  cells: Map<ImportColumnKey, RawCell>;
}

/**
 * The answer for a file the reader cannot read. The reader's own error is kept as the cause: the
 * user sees the plain message, a log or a failing test shows why.
 */
function notXlsx(t: Texts, cause?: unknown): AppError {
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
  { bytes, maxRows = IMPORT_MAX_ROWS, reading }: { bytes: number; maxRows?: number; reading?: SheetReading },
): AsyncGenerator<FileRow> {
  const t = texts[locale];
  const rows = sheetRows(stream, { sheet: IMPORT_SHEET, bytes, reading });
  let positions: Map<ImportColumnKey, number> | null = null;
  let count = 0;
  let next: IteratorResult<SheetRow, { found: boolean }>;
  try {
    for (next = await rows.next(); !next.done; next = await rows.next()) {
      const { row, cells: line } = next.value;
      if (!positions) {
        positions = headerPositions(line, t);
        continue;
      }
      const cells = new Map<ImportColumnKey, RawCell>();
      for (const [key, column] of positions) {
        const cell = line[column];
        if (cell && cell.value !== null) cells.set(key, cell);
      }
      if (!cells.size) continue;
      if (++count > maxRows) throw new AppError('VALIDATION_FAILED', { detail: t.tooManyRows(maxRows) });
      yield { row, cells };
    }
  } catch (error) {
    if (error instanceof SheetUnreadable) throw notXlsx(t, error.cause);
    throw error;
  } finally {
    // The sheets after the ledger's are not read: the file is closed here.
    await rows.return({ found: true });
  }
  if (!next.value.found) throw notXlsx(t);
  if (!positions) headerPositions([], t);
  if (!count) throw new AppError('VALIDATION_FAILED', { detail: t.noRows });
}

/** Where each known column is, from the header row; refused when a required one is missing. */
function headerPositions(row: (SheetCell | null)[], t: Texts): Map<ImportColumnKey, number> {
  const positions = new Map<ImportColumnKey, number>();
  row.forEach((cell, index) => {
    const text = cell ? cellText(cell)?.replace(/\s+/g, '') : undefined;
    if (!text) return;
    const column = importColumns.find(
      (c) => c.header === text || c.alias.replace(/\s+/g, '').toLowerCase() === text.toLowerCase(),
    );
    if (column && !positions.has(column.key)) positions.set(column.key, index);
  });
  const missing = importColumns.filter((c) => c.required && !positions.has(c.key)).map((c) => c.header);
  if (!positions.has('partnerName') && !positions.has('partnerCreditCode')) missing.push(header.partnerName);
  if (missing.length)
    throw new AppError('VALIDATION_FAILED', { detail: t.missingColumns(missing.join('、')) });
  return positions;
}
