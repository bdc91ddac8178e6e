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
export {
  type AmountProblem,
  halfWidth,
  type RateReading,
  readDate,
  readMoney,
  readRate,
  readYuan,
  TAX_EXEMPTIONS,
  type TaxExemption,
  type YuanUnit,
} from './cell-values.js';
export {
  findHeader,
  type FoundHeader,
  HEADER_SEARCH_ROWS,
  type HeaderUnit,
  headerUnit,
  type ImportField,
  isTotalsRow,
  matchHeader,
  normaliseHeader,
} from './header.js';
export {
  type ColumnMapping,
  cellDisplay,
  columnLetter,
  headerFingerprint,
  type MappedLayout,
  mappedColumns,
  PREVIEW_MAX_COLUMNS,
  previewGrid,
} from './layout.js';
export { importsModule } from './imports.module.js';
export type { ImportMappings } from './mappings.service.js';
