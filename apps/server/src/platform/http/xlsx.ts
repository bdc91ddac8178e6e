import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';

export interface XlsxColumn<T> {
  header: string;
  width?: number;
  value: (row: T) => string | number | boolean | null | undefined;
  /** Excel number format, e.g. '#,##0.00' for yuan. */
  numFmt?: string;
}

/**
 * Streams rows into an .xlsx download. Rows are written and committed one by one through exceljs'
 * streaming writer, so a ledger of any size is exported in bounded memory. The first row is read
 * before anything is sent: a refused permission or a bad filter still answers as a problem, not
 * as a broken download.
 */
export async function sendXlsx<T>(
  reply: FastifyReply,
  options: { filename: string; sheetName: string; columns: XlsxColumn<T>[]; rows: AsyncIterator<T> },
): Promise<FastifyReply> {
  const first = await options.rows.next();
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
  const sheet = workbook.addWorksheet(options.sheetName);
  sheet.columns = options.columns.map((c, i) => ({
    header: c.header,
    key: String(i),
    width: c.width ?? 18,
    style: c.numFmt ? { numFmt: c.numFmt } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(options.filename)}`);
  const writing = (async () => {
    for (let next = first; !next.done; next = await options.rows.next()) {
      sheet.addRow(options.columns.map((c) => c.value(next.value) ?? null)).commit();
    }
    sheet.commit();
    await workbook.commit();
  })();
  writing.catch((error) => stream.destroy(error as Error));
  return reply.send(stream);
}
