import { z } from 'zod';
import { dateSchema, idSchema, instantSchema, queryBool } from './common.js';
import { contractDirectionSchema, contractStatusSchema, taxExemptionSchema } from './contracts.js';
import { fileObjectSchema } from './files.js';
import { backgroundJobFields } from './jobs.js';
import { currencySchema, MAX_AMOUNT } from './money.js';

/* The contract ledger (keyset-paged, filtered, with totals per currency), its export and its import. */

const csvOf = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .max(400)
    .transform((value) => value.split(',').filter(Boolean))
    .pipe(z.array(item).max(20))
    .optional();
const queryMoney = z.coerce.number().int().min(0).max(MAX_AMOUNT).optional();

export const contractLedgerSortFields = [
  'number',
  'name',
  'partnerName',
  'status',
  'amount',
  'currentAmount',
  'signDate',
  'endDate',
  'createdAt',
  'plannedAmount',
  'requestedAmount',
  'paidAmount',
  'receivedAmount',
  'invoicedAmount',
  'acceptedAmount',
  'outstandingAmount',
  'overdueAmount',
  'nextDueDate',
] as const;

/** 款、票、物 agree within the entity's tolerance (MATCHED) or not. */
export const contractMatchingStatusSchema = z.enum(['MATCHED', 'MISMATCHED']);

export const contractLedgerQuerySchema = z.strictObject({
  /** Number, name or counterparty name contains. */
  q: z.string().trim().max(100).optional(),
  status: csvOf(contractStatusSchema),
  direction: contractDirectionSchema.optional(),
  categoryId: idSchema.optional(),
  entityId: idSchema.optional(),
  departmentId: idSchema.optional(),
  ownerId: idSchema.optional(),
  partnerId: idSchema.optional(),
  planLineId: idSchema.optional(),
  signDateFrom: dateSchema.optional(),
  signDateTo: dateSchema.optional(),
  endDateFrom: dateSchema.optional(),
  endDateTo: dateSchema.optional(),
  amountMin: queryMoney,
  amountMax: queryMoney,
  /** In force and ending within this many days from today (0 = already past its end date). */
  expiringWithinDays: z.coerce.number().int().min(0).max(3650).optional(),
  /** Paid, invoiced and accepted agree (or not) within the entity's tolerance. */
  matchingStatus: contractMatchingStatusSchema.optional(),
  /** In force with a plan item past due and money open. */
  overdueOnly: queryBool,
  sort: z
    .string()
    .max(30)
    .regex(/^-?[a-zA-Z]+$/, 'sort must be a field name, optionally prefixed with "-"')
    .optional(),
  /** Keyset paging: the `nextCursor` of the previous page. */
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});
export type ContractLedgerQuery = z.input<typeof contractLedgerQuerySchema>;

export const contractLedgerRowSchema = z.object({
  id: idSchema,
  number: z.string().nullable(),
  name: z.string(),
  partnerId: idSchema,
  partnerName: z.string(),
  categoryId: idSchema,
  categoryName: z.string(),
  direction: contractDirectionSchema,
  entityId: idSchema,
  entityName: z.string(),
  departmentId: idSchema,
  departmentName: z.string(),
  ownerId: idSchema,
  ownerName: z.string(),
  status: contractStatusSchema,
  currency: currencySchema,
  amount: z.number().int(),
  /** Basis points (13% is 1300), and the VAT within the amount. */
  taxRate: z.number().int(),
  /** The treatment a rate of 0 names (免税...), null for a plain rate. */
  taxExemption: taxExemptionSchema.nullable(),
  taxAmount: z.number().int(),
  signedAmount: z.number().int().nullable(),
  currentAmount: z.number().int(),
  signDate: dateSchema.nullable(),
  startDate: dateSchema.nullable(),
  endDate: dateSchema.nullable(),
  /** Days from today to the end date (negative when past); null without an end date or when closed. */
  daysToExpiry: z.number().int().nullable(),
  createdAt: instantSchema,
  // Execution figures (分): the plan, money requested and settled, invoices, acceptance.
  plannedAmount: z.number().int(),
  requestedAmount: z.number().int(),
  /** Paid out (expense contracts; 0 on income ones), net of refunds. */
  paidAmount: z.number().int(),
  /** Received (income contracts; 0 on expense ones), net of refunds. */
  receivedAmount: z.number().int(),
  invoicedAmount: z.number().int(),
  acceptedAmount: z.number().int(),
  /** The approved settlement's amount, once settled. */
  settledAmount: z.number().int().nullable(),
  /** Executable amount (settled, else current) less what was paid or received. */
  outstandingAmount: z.number().int(),
  /** Open money of plan items due before today (contracts in force). */
  overdueAmount: z.number().int(),
  nextDueDate: dateSchema.nullable(),
  matchingStatus: contractMatchingStatusSchema,
});
export type ContractLedgerRow = z.infer<typeof contractLedgerRowSchema>;

export const contractLedgerTotalsSchema = z.object({
  count: z.number().int(),
  amount: z.number().int(),
  signedAmount: z.number().int(),
  currentAmount: z.number().int(),
  /** The settled amounts of the settled contracts. */
  settledAmount: z.number().int(),
  plannedAmount: z.number().int(),
  requestedAmount: z.number().int(),
  paidAmount: z.number().int(),
  receivedAmount: z.number().int(),
  invoicedAmount: z.number().int(),
  acceptedAmount: z.number().int(),
  outstandingAmount: z.number().int(),
  overdueAmount: z.number().int(),
});
/** The totals of the contracts in one currency. */
export const contractLedgerCurrencyTotalsSchema = contractLedgerTotalsSchema.extend({
  currency: currencySchema,
});
export type ContractLedgerCurrencyTotals = z.infer<typeof contractLedgerCurrencyTotalsSchema>;

export const contractLedgerPageSchema = z.object({
  items: z.array(contractLedgerRowSchema),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type ContractLedgerPage = z.infer<typeof contractLedgerPageSchema>;

/** The totals take the ledger's filters (sort and paging do not change them). */
export const contractLedgerTotalsQuerySchema = contractLedgerQuerySchema.omit({
  cursor: true,
  limit: true,
  sort: true,
});

/** How the totals were found. */
export const contractLedgerTotalsSourceSchema = z.enum([
  /** From the rollups kept per bucket in every write: exact, whatever the size of the ledger. */
  'rollup',
  /** Summed over the filtered contracts (a filter the rollups cannot answer: search, department…). */
  'computed',
  /** The filtered set is larger than the ledger sums on request: the count is a lower bound, no amounts. */
  'capped',
]);
export type ContractLedgerTotalsSource = z.infer<typeof contractLedgerTotalsSourceSchema>;

/**
 * The totals of the whole filtered ledger, asked for apart from its pages (the page shows at once,
 * the totals when they arrive): the count and one set of amounts per currency, CNY first (amounts of
 * different currencies are never added up).
 */
export const contractLedgerTotalsResultSchema = z.object({
  /** The number of contracts; a lower bound ("10,000+") when `source` is `capped`. */
  count: z.number().int(),
  source: contractLedgerTotalsSourceSchema,
  /** Empty when capped. */
  byCurrency: z.array(contractLedgerCurrencyTotalsSchema),
});
export type ContractLedgerTotalsResult = z.infer<typeof contractLedgerTotalsResultSchema>;

/** The export takes the ledger's filters and sort (no paging). */
export const contractLedgerExportQuerySchema = contractLedgerQuerySchema.omit({ cursor: true, limit: true });

// ---------------------------------------------------------------- import
/**
 * `check`: a dry run, every row checked and nothing written; `all`: nothing is imported when any row
 * fails; `valid`: the valid rows are imported.
 */
export const contractImportModeSchema = z.enum(['check', 'all', 'valid']);
export type ContractImportMode = z.infer<typeof contractImportModeSchema>;
export const contractImportQuerySchema = z.strictObject({
  mode: contractImportModeSchema.default('all'),
  /** The user confirms the warnings (values read one of two ways, as the report says): those rows are written. */
  acceptWarnings: queryBool.default(false),
  /** Counterparties missing from the library, named with their credit code, are created. */
  createPartners: queryBool.default(false),
});

/** The fields a contract import reads (the template's columns). */
export const contractImportFieldSchema = z.enum([
  'number',
  'name',
  'category',
  'partnerName',
  'partnerCreditCode',
  'entity',
  'department',
  'owner',
  'amount',
  'taxRate',
  'currency',
  'signDate',
  'startDate',
  'endDate',
  'status',
  'projectRef',
  'body',
]);
export type ContractImportField = z.infer<typeof contractImportFieldSchema>;

/** The import preview's width: columns beyond it are not offered for mapping. */
export const IMPORT_PREVIEW_MAX_COLUMNS = 60;

const columnMappingSchema = z.strictObject({
  field: contractImportFieldSchema,
  /** 0 is column A. */
  column: z
    .number()
    .int()
    .min(0)
    .max(IMPORT_PREVIEW_MAX_COLUMNS - 1),
});

/** The header row (its Excel row number) and the column of each field, as the user mapped them. */
export const contractImportLayoutSchema = z.strictObject({
  headerRow: z.number().int().min(1).max(1_048_576),
  mapping: z.array(columnMappingSchema).min(1).max(contractImportFieldSchema.options.length),
});
export type ContractImportLayout = z.infer<typeof contractImportLayoutSchema>;

/** An import of a workbook stored by POST /contracts/import/inspect, with the columns as mapped. */
export const contractImportRunSchema = z
  .strictObject({
    fileId: idSchema,
    mode: contractImportModeSchema,
    acceptWarnings: z.boolean().default(false),
    /** Counterparties missing from the library, named with their credit code, are created. */
    createPartners: z.boolean().default(false),
    /** Found by the columns' names (as a direct upload is) when absent. */
    layout: contractImportLayoutSchema.optional(),
  })
  .meta({
    examples: [
      {
        fileId: '0193a1b2-4c5d-7e6f-8a9b-5c1d2e3f4a5b',
        mode: 'check',
        acceptWarnings: false,
        createPartners: true,
        layout: {
          headerRow: 4,
          mapping: [
            { field: 'number', column: 1 },
            { field: 'name', column: 2 },
            { field: 'category', column: 3 },
            { field: 'partnerName', column: 4 },
            { field: 'amount', column: 6 },
            { field: 'taxRate', column: 7 },
            { field: 'department', column: 9 },
            { field: 'owner', column: 10 },
          ],
        },
      },
    ],
  });
export type ContractImportRun = z.input<typeof contractImportRunSchema>;

/** What the mapping step shows of an uploaded workbook: its first rows and the columns proposed. */
export const contractImportInspectionSchema = z.object({
  fileId: idSchema,
  fileName: z.string(),
  /** The header's Excel row number as found or saved; null when no row names a known column. */
  headerRow: z.number().int().nullable(),
  /** The sheet's first rows as text (the header's candidates and a few data rows). */
  preview: z.array(z.object({ row: z.number().int(), cells: z.array(z.string()) })),
  fields: z.array(
    z.object({ key: contractImportFieldSchema, label: z.string(), required: z.boolean(), help: z.string() }),
  ),
  /** The columns proposed for the header row. */
  mapping: z.array(columnMappingSchema),
  /** Where the proposal comes from: a mapping saved for this header, the columns' names, or nothing. */
  mappingSource: z.enum(['saved', 'matched', 'none']),
  /** For each row the user may choose as the header instead: the columns its names match. */
  suggestions: z.array(z.object({ row: z.number().int(), mapping: z.array(columnMappingSchema) })),
});
export type ContractImportInspection = z.infer<typeof contractImportInspectionSchema>;
const importIssueSchema = z.object({ row: z.number().int(), column: z.string(), message: z.string() });
export const contractImportReportSchema = z.object({
  rows: z.number().int(),
  imported: z.number().int(),
  /** False when nothing was written (a dry run, or a failure in `all` mode). */
  committed: z.boolean(),
  /** Checked only (mode `check`): nothing was written. */
  dryRun: z.boolean(),
  /** Rows without an error: written, or to be written (once their warnings are confirmed). */
  valid: z.number().int(),
  errors: z.array(importIssueSchema),
  /**
   * Values read one of two ways (0.13 read as 13%, a number read as an Excel day): their rows are
   * written only when the import was asked with acceptWarnings.
   */
  warnings: z.array(importIssueSchema),
  warningsAccepted: z.boolean(),
  /** Counterparties created (a dry run: to be created), each at the first row naming it. */
  newPartners: z.array(z.object({ row: z.number().int(), name: z.string(), creditCode: z.string() })),
  /** Present (true) when more problems were found than the report lists (CONTRACT_IMPORT_REPORT_MAX_ERRORS). */
  errorsTruncated: z.literal(true).optional(),
});
export type ContractImportReport = z.infer<typeof contractImportReportSchema>;

/** The most problems an import's report lists; past them it says there were more. */
export const CONTRACT_IMPORT_REPORT_MAX_ERRORS = 10_000;

/** An import running in the background: its progress in rows, then its per-row report. */
export const contractImportJobSchema = z.object({
  ...backgroundJobFields,
  /** The report, once done. */
  report: contractImportReportSchema.nullable(),
});
export type ContractImportJob = z.infer<typeof contractImportJobSchema>;

// ---------------------------------------------------------------- background export
/** Above this many rows the ledger's export runs as a background job (below it, a direct download). */
export const CONTRACT_EXPORT_JOB_THRESHOLD = 20_000;

/** An export running in the background: its progress in rows, then the workbook to download. */
export const contractExportJobSchema = z.object({
  ...backgroundJobFields,
  /** The workbook once done, the caller's alone: the bytes are at `/api/v1/files/{id}/content`. */
  file: fileObjectSchema.nullable(),
});
export type ContractExportJob = z.infer<typeof contractExportJobSchema>;

/**
 * How an export of the filtered ledger goes: `direct`, a streamed download from GET
 * /contracts/export with the same filters (at most CONTRACT_EXPORT_JOB_THRESHOLD rows); `job`, a
 * background job to follow at GET /contracts/export-jobs/{id}.
 */
export const contractExportStartSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('direct'), rows: z.number().int() }),
  z.object({ mode: z.literal('job'), job: contractExportJobSchema }),
]);
export type ContractExportStart = z.infer<typeof contractExportStartSchema>;
