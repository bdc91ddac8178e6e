import ExcelJS from 'exceljs';
import { importColumns } from './import.template.js';

/** A row of an import workbook: cell values by the template's header names. */
export type Cells = Partial<Record<string, ExcelJS.CellValue>>;
/** A workbook like a user's ledger: the template's header and these rows (by header name). */
export async function workbook(rows: Cells[], options: { percentTax?: boolean } = {}): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('合同台账');
  sheet.addRow(importColumns.map((c) => c.header));
  for (const row of rows) sheet.addRow(importColumns.map((c) => row[c.header] ?? null));
  if (options.percentTax)
    sheet.getColumn(importColumns.findIndex((c) => c.key === 'taxRate') + 1).numFmt = '0%';
  return Buffer.from(await book.xlsx.writeBuffer());
}
