export type { SheetCell, SheetRow } from './sheet-reader.mjs';
export { SheetUnreadable, utf8Chunks } from './sheet-reader.mjs';
export { SHEET_WORKER_FROM_BYTES, type SheetRowsOptions, sheetRows } from './sheet-rows.js';
