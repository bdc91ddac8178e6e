import type { Locale } from '@concord/contracts';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../../platform/http/index.js';
import { header } from './import.rows.js';
import {
  cellText,
  IMPORT_MAX_ROWS,
  IMPORT_SHEET,
  type ImportColumnKey,
  importColumns,
  type RawCell,
  readCell,
} from './import.template.js';
import { type Texts, texts } from './import.texts.js';

/*
 * Reading a contract import's workbook as it streams in: the header row finds the columns, then
 * each data row comes with its cells, in flat memory whatever the file's size.
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
 * workbook streams in (exceljs' streaming reader): the header row finds the columns, then each
 * non-empty row comes with the cells of those columns. Memory stays flat whatever the file's size.
 * A file that is no workbook, or whose header lacks required columns, is refused (400) before the
 * first row; so is a file of more than IMPORT_MAX_ROWS rows, when its row IMPORT_MAX_ROWS + 1 is read.
 */
export async function* readRows(
  stream: Readable,
  locale: Locale,
  maxRows = IMPORT_MAX_ROWS,
): AsyncGenerator<FileRow> {
  const t = texts[locale];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  wholeCharacters(reader);
  sheetsAfterWorkbook(reader);
  let sheets: AsyncIterator<ExcelJS.stream.xlsx.WorksheetReader>;
  let first: IteratorResult<ExcelJS.stream.xlsx.WorksheetReader>;
  try {
    sheets = reader[Symbol.asyncIterator]();
    first = await sheets.next();
  } catch (error) {
    throw notXlsx(t, error);
  }
  // Sheet names come from the workbook part, read before the sheets.
  const names: string[] = (
    (reader as unknown as { model?: { sheets?: { name: string }[] } }).model?.sheets ?? []
  ).map((sheet) => sheet.name);
  const wanted = names.includes(IMPORT_SHEET) ? IMPORT_SHEET : (names[0] ?? null);
  let found = false;
  let count = 0;
  try {
    for (let next = first; !next.done; next = await sheets.next()) {
      const sheet = next.value;
      const name = (sheet as unknown as { name?: string }).name;
      if (wanted !== null && name !== wanted) continue;
      found = true;
      let positions: Map<ImportColumnKey, number> | null = null;
      for await (const row of sheet as unknown as AsyncIterable<ExcelJS.Row>) {
        if (!positions) {
          positions = headerPositions(row, t);
          continue;
        }
        const cells = new Map<ImportColumnKey, RawCell>();
        for (const [key, col] of positions) {
          const cell = readCell(row.getCell(col));
          if (cell.value !== null) cells.set(key, cell);
        }
        if (!cells.size) continue;
        if (++count > maxRows) throw new AppError('VALIDATION_FAILED', { detail: t.tooManyRows(maxRows) });
        yield { row: row.number, cells };
      }
      if (!positions) headerPositions(null, t);
      break;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw notXlsx(t, error);
  } finally {
    // The sheets after the ledger's are not read: the file is closed here.
    stream.destroy();
  }
  if (!found) throw notXlsx(t);
  if (!count) throw new AppError('VALIDATION_FAILED', { detail: t.noRows });
}

/**
 * exceljs' streaming reader decodes each chunk of a part as UTF-8 on its own, so a character split
 * between two chunks of the inflated sheet (or shared strings) comes out as two replacement
 * characters: "履行中" read as "履��中" in a long Chinese ledger. Its sheets and shared strings are
 * handed to it in chunks cut at character boundaries instead.
 */
function wholeCharacters(reader: ExcelJS.stream.xlsx.WorkbookReader): void {
  const internals = reader as unknown as {
    _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
    _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
  };
  const sharedStrings = internals._parseSharedStrings.bind(reader);
  internals._parseSharedStrings = (entry) => sharedStrings(Readable.from(utf8Chunks(entry)));
  const worksheet = internals._parseWorksheet.bind(reader);
  internals._parseWorksheet = (iterator, sheetNo) => worksheet(utf8Chunks(iterator), sheetNo);
}

/**
 * exceljs' streaming reader reads a sheet as it arrives once it has the shared strings and the
 * workbook's relationships, but it names the sheet from the workbook part (xl/workbook.xml), which a
 * zip may hold after the sheet: exceljs' own writer does so now and then, and the reader then fails
 * ("Cannot read properties of undefined (reading 'sheets')"): 2 of 300 header-only files here.
 * The relationships are shown to the reader only once the workbook part has been read, so a sheet
 * that comes first waits in a temporary file (the reader's own path for a sheet that comes before the
 * shared strings) and is read, named, after the workbook part.
 */
function sheetsAfterWorkbook(reader: ExcelJS.stream.xlsx.WorkbookReader): void {
  const internals = reader as unknown as { model?: unknown; workbookRels?: unknown };
  let relationships: unknown;
  Object.defineProperty(internals, 'workbookRels', {
    configurable: true,
    get: () => (internals.model === undefined ? undefined : relationships),
    set: (value: unknown) => {
      relationships = value;
    },
  });
}

/** The same bytes in chunks that never end inside a UTF-8 character. */
export async function* utf8Chunks(source: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer | string> {
  let carry: Buffer | null = null;
  for await (const chunk of source) {
    if (typeof chunk === 'string') {
      yield chunk;
      continue;
    }
    const buffer: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    const end = wholeUtf8Length(buffer);
    carry = end < buffer.length ? Buffer.from(buffer.subarray(end)) : null;
    if (end > 0) yield buffer.subarray(0, end);
  }
  if (carry) yield carry;
}

/** The length of the buffer's leading bytes that end on a character boundary. */
function wholeUtf8Length(bytes: Buffer): number {
  let lead = bytes.length - 1;
  // Back over at most three continuation bytes (10xxxxxx) to the character's first byte.
  while (lead >= 0 && bytes.length - lead <= 3 && (bytes[lead] & 0xc0) === 0x80) lead -= 1;
  if (lead < 0) return bytes.length;
  const first = bytes[lead];
  const size = first >= 0xf0 ? 4 : first >= 0xe0 ? 3 : first >= 0xc0 ? 2 : 1;
  return bytes.length - lead >= size ? bytes.length : lead;
}

/** Where each known column is, from the header row; refused when a required one is missing. */
function headerPositions(row: ExcelJS.Row | null, t: Texts): Map<ImportColumnKey, number> {
  const positions = new Map<ImportColumnKey, number>();
  row?.eachCell((cell, col) => {
    const text = cellText(readCell(cell))?.replace(/\s+/g, '');
    const column = importColumns.find(
      (c) => c.header === text || c.alias.replace(/\s+/g, '').toLowerCase() === text?.toLowerCase(),
    );
    if (column && !positions.has(column.key)) positions.set(column.key, col);
  });
  const missing = importColumns.filter((c) => c.required && !positions.has(c.key)).map((c) => c.header);
  if (!positions.has('partnerName') && !positions.has('partnerCreditCode')) missing.push(header.partnerName);
  if (missing.length)
    throw new AppError('VALIDATION_FAILED', { detail: t.missingColumns(missing.join('、')) });
  return positions;
}
