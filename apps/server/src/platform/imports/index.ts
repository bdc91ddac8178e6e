export type { SheetCell, SheetRow } from './sheet-reader.mjs';
export { SheetUnreadable, utf8Chunks } from './sheet-reader.mjs';
export {
  SHEET_WHOLE_BELOW_BYTES,
  SHEET_WORKER_FROM_BYTES,
  type SheetReading,
  type SheetRowsOptions,
  sheetReadingFor,
  sheetRows,
} from './sheet-rows.js';
