import { PassThrough, type Writable } from 'node:stream';
import { minorDigits, toMajorUnits } from '@concord/contracts';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';

/** An amount cell: the number in major units of its currency, shown with that currency's digits. */
export interface XlsxMoney {
  money: number;
  numFmt: string;
}

/** A calendar date cell: a real Excel date (sortable, filterable), shown yyyy-mm-dd. */
export interface XlsxDate {
  date: string;
}

export type XlsxCell = string | number | boolean | XlsxMoney | XlsxDate | null | undefined;

/** Excel's format for calendar dates, as Concord writes them everywhere. */
export const DATE_NUM_FMT = 'yyyy-mm-dd';

/**
 * A `YYYY-MM-DD` date as a spreadsheet date. Written as that day's midnight in UTC, which exceljs
 * turns into the day's serial number exactly: no time-zone shift, whatever the server's zone.
 */
export function dateCell(day: string | null | undefined): XlsxDate | null {
  return day ? { date: day } : null;
}

export interface XlsxColumn<T, S = never> {
  header: string;
  width?: number;
  value: (row: T) => XlsxCell;
  /** Excel number format of the whole column, e.g. '0.0%'; an amount cell brings its own (moneyCell). */
  numFmt?: string;
  /** This column's cell in a totals row (sendXlsx's `totals`); blank without it. */
  total?: (total: S) => XlsxCell;
}

/** Excel's number format for amounts in a currency: '#,##0.00' for CNY and USD, '#,##0' for JPY. */
export function moneyNumFmt(currency: string): string {
  const digits = minorDigits(currency);
  return digits === 0 ? '#,##0' : `#,##0.${'0'.repeat(digits)}`;
}

/**
 * An amount of minor units as a spreadsheet cell in its own currency (never assumed yuan): 12345 分
 * → 123.45 shown "123.45", ¥1 000 000 (JPY has no minor unit) → 1000000 shown "1,000,000".
 */
export function moneyCell(minor: number | null | undefined, currency: string): XlsxMoney | null {
  if (minor === null || minor === undefined) return null;
  return { money: toMajorUnits(minor, currency), numFmt: moneyNumFmt(currency) };
}

const isMoney = (cell: XlsxCell): cell is XlsxMoney =>
  typeof cell === 'object' && cell !== null && 'money' in cell;
const isDate = (cell: XlsxCell): cell is XlsxDate =>
  typeof cell === 'object' && cell !== null && 'date' in cell;

function addRow(sheet: ExcelJS.Worksheet, cells: XlsxCell[], bold = false) {
  const row = sheet.addRow(
    cells.map((cell) => {
      if (isMoney(cell)) return cell.money;
      if (isDate(cell)) return new Date(`${cell.date}T00:00:00Z`);
      return cell ?? null;
    }),
  );
  cells.forEach((cell, index) => {
    if (isMoney(cell)) row.getCell(index + 1).numFmt = cell.numFmt;
    if (isDate(cell)) row.getCell(index + 1).numFmt = DATE_NUM_FMT;
  });
  if (bold) row.font = { bold: true };
  row.commit();
}

/** A sheet to write: its columns, its rows (read as they are written) and the totals under them. */
export interface XlsxSheet<T, S = never> {
  sheetName: string;
  columns: XlsxColumn<T, S>[];
  rows: AsyncIterator<T>;
  /**
   * Totals rows (one per currency: amounts of different currencies are never added), written in
   * bold under the rows. A promise may still be running while the rows stream; it is awaited last.
   */
  totals?: readonly S[] | Promise<readonly S[]>;
}

/** Rows between two turns of the event loop for the output (and a wait while its reader lags). */
const YIELD_EVERY = 200;

/**
 * Lets the bytes written so far reach the output, and waits while they cannot. Rows read from
 * SQLite arrive without ever leaving the current turn of the event loop (the driver is
 * synchronous), so without a turn the first byte would wait for the last row. And exceljs hands
 * the sheet's XML to the zip through a pass-through whose writes it never holds back: while the
 * compressor (or the reader of the output, a slow network) is slower than the rows, the
 * uncompressed sheet would pile up in memory. Writing waits for both to drain instead.
 */
async function letTheStreamFlow(worksheet: ExcelJS.Worksheet, output: Writable): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  const toZip = (worksheet as unknown as { stream?: { pipes?: Writable[] } }).stream?.pipes?.[0];
  for (const stage of [toZip, output]) {
    while (stage && needsDrain(stage) && !stage.destroyed && !output.destroyed) {
      await new Promise<void>((resolve) => {
        const done = () => {
          stage.off('drain', done);
          stage.off('close', done);
          output.off('close', done);
          resolve();
        };
        stage.on('drain', done);
        stage.on('close', done);
        output.on('close', done);
      });
    }
  }
}

/** Whether a stream refused more writes until it drains (archiver's pass-through is readable-stream 2's: no `writableNeedDrain`). */
function needsDrain(stream: Writable): boolean {
  return (
    stream.writableNeedDrain ??
    (stream as unknown as { _writableState?: { needDrain?: boolean } })._writableState?.needDrain === true
  );
}

/**
 * Writes a sheet into a stream through exceljs' streaming writer: rows are written and committed
 * one by one, so a sheet of any size is written in bounded memory. `first` is a row already read
 * (sendXlsx reads one before answering). Resolves once the workbook is complete.
 */
export async function writeXlsx<T, S = never>(
  stream: Writable,
  sheet: XlsxSheet<T, S>,
  first?: IteratorResult<T>,
): Promise<void> {
  // A totals promise that fails before the rows are done must not go unhandled meanwhile.
  const totals = Promise.resolve(sheet.totals ?? []);
  totals.catch(() => {});
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
  const worksheet = workbook.addWorksheet(sheet.sheetName);
  worksheet.columns = sheet.columns.map((c, i) => ({
    header: c.header,
    key: String(i),
    width: c.width ?? 18,
    style: c.numFmt ? { numFmt: c.numFmt } : {},
  }));
  worksheet.getRow(1).font = { bold: true };
  let written = 0;
  for (let next = first ?? (await sheet.rows.next()); !next.done; next = await sheet.rows.next()) {
    const row = next.value;
    addRow(
      worksheet,
      sheet.columns.map((c) => c.value(row)),
    );
    if (++written % YIELD_EVERY === 0) await letTheStreamFlow(worksheet, stream);
  }
  for (const total of await totals) {
    addRow(
      worksheet,
      sheet.columns.map((c) => c.total?.(total)),
      true,
    );
  }
  worksheet.commit();
  await workbook.commit();
}

/**
 * Streams rows into an .xlsx download (writeXlsx into the response). The first row is read before
 * anything is sent: a refused permission or a bad filter still answers as a problem, not as a
 * broken download.
 */
export async function sendXlsx<T, S = never>(
  reply: FastifyReply,
  options: XlsxSheet<T, S> & { filename: string },
): Promise<FastifyReply> {
  const first = await options.rows.next();
  const stream = new PassThrough();
  reply
    .header('content-type', XLSX_CONTENT_TYPE)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(options.filename)}`);
  writeXlsx(stream, options, first).catch((error) => stream.destroy(error as Error));
  return reply.send(stream);
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
