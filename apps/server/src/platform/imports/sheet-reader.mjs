// Reading one sheet of an .xlsx workbook as it streams in, row by row, as plain values. Shared by
// the main thread (small files) and sheet-reader.worker.mjs (large ones, off the event loop); plain
// JavaScript so the worker starts without a TypeScript loader, under tsx, Vitest and a bundled build.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

/**
 * The rows of the sheet named `sheet` (else the workbook's first), each as its Excel row number and
 * its cells by column (index 0 is column A; a missing cell is null). A cell is its plain value and
 * whether its number format is a percentage. `whole` reads the file into memory and loads it at once
 * (exceljs' workbook loader: for a small file, see sheet-rows.ts); else it is read as it streams in,
 * in flat memory. Throws SheetUnreadable when the bytes are no workbook; returns `{ found: false }`
 * when the workbook has no sheet at all.
 */
export async function* readSheet(stream, { sheet: preferred, whole = false } = {}) {
  if (!whole) return yield* readStreamed(stream, preferred);
  const chunks = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return yield* readWhole(Buffer.concat(chunks), preferred);
}

/** The rows of a small workbook, read whole. */
async function* readWhole(bytes, preferred) {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes);
  } catch (error) {
    throw unreadable(error);
  }
  const worksheet = (preferred && book.getWorksheet(preferred)) || book.worksheets[0];
  if (!worksheet) return { found: false };
  const rows = [];
  worksheet.eachRow((row) => rows.push(plainRow(row)));
  yield* rows;
  return { found: true };
}

function plainRow(row) {
  const cells = [];
  row.eachCell((cell, column) => {
    cells[column - 1] = { value: plain(cell.value), percent: (cell.numFmt ?? '').includes('%') };
  });
  for (let i = 0; i < cells.length; i++) cells[i] ??= null;
  return { row: row.number, cells };
}

/** The rows of a workbook read as it streams in, in flat memory. */
async function* readStreamed(stream, preferred) {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  wholeCharacters(reader);
  sheetsAfterWorkbook(reader);
  everyEntry(reader);
  let sheets;
  let first;
  try {
    sheets = reader[Symbol.asyncIterator]();
    first = await sheets.next();
  } catch (error) {
    throw unreadable(error);
  }
  // Sheet names come from the workbook part, read before the sheets are handed out.
  const names = (reader.model?.sheets ?? []).map((s) => s.name);
  const wanted = preferred && names.includes(preferred) ? preferred : (names[0] ?? null);
  try {
    for (let next = first; !next.done; next = await sheets.next()) {
      const worksheet = next.value;
      if (wanted !== null && worksheet.name !== wanted) continue;
      for await (const row of worksheet) yield plainRow(row);
      return { found: true };
    }
  } catch (error) {
    throw unreadable(error);
  }
  return { found: false };
}

/** The bytes are no readable workbook; the reader's own error is the cause. */
export class SheetUnreadable extends Error {
  constructor(cause) {
    super(`The file is no readable .xlsx workbook${cause ? `: ${cause.message ?? cause}` : ''}`);
    this.name = 'SheetUnreadable';
    if (cause !== undefined) this.cause = cause;
  }
}

const unreadable = (error) => (error instanceof SheetUnreadable ? error : new SheetUnreadable(error));

/** A cell's value as text, number, boolean or date: formulas by their result, rich text joined. */
function plain(value) {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value !== 'object') {
    return typeof value === 'string' ? value.trim() || null : value;
  }
  if ('richText' in value)
    return (
      value.richText
        .map((r) => r.text)
        .join('')
        .trim() || null
    );
  if ('error' in value) return String(value.error);
  if ('result' in value) return plain(value.result);
  if ('formula' in value || 'sharedFormula' in value) return null;
  if ('text' in value) return plain(value.text);
  return null;
}

/**
 * exceljs' streaming reader decodes each chunk of a part as UTF-8 on its own, so a character split
 * between two chunks of the inflated sheet (or shared strings) comes out as two replacement
 * characters: "履行中" read as "履��中" in a long Chinese ledger. Its sheets and shared strings are
 * handed to it in chunks cut at character boundaries instead.
 */
function wholeCharacters(reader) {
  const sharedStrings = reader._parseSharedStrings.bind(reader);
  reader._parseSharedStrings = (entry) => sharedStrings(Readable.from(utf8Chunks(entry)));
  const worksheet = reader._parseWorksheet.bind(reader);
  reader._parseWorksheet = (iterator, sheetNo) => worksheet(utf8Chunks(iterator), sheetNo);
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
function sheetsAfterWorkbook(reader) {
  let relationships;
  Object.defineProperty(reader, 'workbookRels', {
    configurable: true,
    get: () => (reader.model === undefined ? undefined : relationships),
    set: (value) => {
      relationships = value;
    },
  });
}

/**
 * unzipper's Parse (the zip stream exceljs' streaming reader iterates) emits 'end' itself as soon as
 * it has taken in the last byte, while entries it has parsed may still wait in its readable buffer
 * unread; exceljs then stops at 'end' and never sees them. It happens when the reader is busy with a
 * sheet that came before the shared strings (it writes that sheet to a temporary file meanwhile):
 * every later part is lost, the shared strings with them, and every text cell reads empty (3 to 7 of
 * 1,500 one-row files exceljs wrote, read one after another). So an 'end' that would leave entries
 * unread is held back; the stream's own end, once those entries are read, follows (or, if the zip has
 * no closing record to end it, an 'end' once the buffer has run empty).
 */
function everyEntry(reader) {
  const getStream = reader._getStream.bind(reader);
  reader._getStream = (input) => {
    const stream = getStream(input);
    const pipe = stream.pipe.bind(stream);
    stream.pipe = (zip, options) => {
      endOnlyWhenDrained(zip);
      return pipe(zip, options);
    };
    return stream;
  };
}

export function endOnlyWhenDrained(zip) {
  const emit = zip.emit.bind(zip);
  let heldEnd = false;
  zip.emit = (event, ...args) => {
    if (event === 'end' && !zip.readableEnded && zip.readableLength > 0) {
      heldEnd = true;
      return false;
    }
    const listened = emit(event, ...args);
    if (event === 'data' && heldEnd && zip.readableLength === 0) {
      setImmediate(() => {
        if (!zip.readableEnded && zip.readableLength === 0) emit('end');
      });
    }
    return listened;
  };
}

/** The same bytes in chunks that never end inside a UTF-8 character. */
export async function* utf8Chunks(source) {
  let carry = null;
  for await (const chunk of source) {
    if (typeof chunk === 'string') {
      yield chunk;
      continue;
    }
    const buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    const end = wholeUtf8Length(buffer);
    carry = end < buffer.length ? Buffer.from(buffer.subarray(end)) : null;
    if (end > 0) yield buffer.subarray(0, end);
  }
  if (carry) yield carry;
}

/** The length of the buffer's leading bytes that end on a character boundary. */
function wholeUtf8Length(bytes) {
  let lead = bytes.length - 1;
  // Back over at most three continuation bytes (10xxxxxx) to the character's first byte.
  while (lead >= 0 && bytes.length - lead <= 3 && (bytes[lead] & 0xc0) === 0x80) lead -= 1;
  if (lead < 0) return bytes.length;
  const first = bytes[lead];
  const size = first >= 0xf0 ? 4 : first >= 0xe0 ? 3 : first >= 0xc0 ? 2 : 1;
  return bytes.length - lead >= size ? bytes.length : lead;
}
