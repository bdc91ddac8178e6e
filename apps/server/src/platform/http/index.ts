export type { Actor, RequestContext } from './context.js';
export { AppError, duplicate, forbidden, invalidReference, notFound } from './errors.js';
export { applySort, fetchPage, inBatches, presentedInBatches } from './paging.js';
export { cursorId, decodeKeysetCursor, encodeKeysetCursor } from './keyset-cursor.js';
export { localeOf, sendProblem, toProblem } from './problem.js';
export {
  API_PREFIX,
  defineRoute,
  type RouteConfig,
  type RouteDefinition,
  registeredRoutes,
  registerRoutes,
  routeCatalog,
} from './routes.js';
export { createHttpServer, type HttpServerOptions } from './server.js';
export {
  DATE_NUM_FMT,
  dateCell,
  moneyCell,
  moneyNumFmt,
  sendXlsx,
  writeXlsx,
  XLSX_CONTENT_TYPE,
  type XlsxCell,
  type XlsxColumn,
  type XlsxSheet,
} from './xlsx.js';
export type { RecordType } from './record-types.js';
