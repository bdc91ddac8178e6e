import { z } from 'zod';
import { dateSchema, idSchema, instantSchema, pageQuerySchema, queryBool } from './common.js';

/*
 * The archive of a contract's signed original (归档): where it is kept, who borrowed it and when it
 * came back; and seal use requests (用印申请), each tied to the contract version it stamps.
 */

// ---------------------------------------------------------------- archive record
export const contractArchiveInputSchema = z.strictObject({
  /** Cabinet, room or off-site store, e.g. 「集团档案室 A 柜 3 层」. */
  location: z.string().trim().min(1).max(200),
  boxNumber: z.string().trim().min(1).max(50),
  /** The archivist keeping the original. */
  archivistId: idSchema,
  archivedDate: dateSchema,
  /** Originals kept. */
  copies: z.number().int().min(1).max(100),
  note: z.string().trim().max(1000).nullable().optional(),
});
export type ContractArchiveInput = z.input<typeof contractArchiveInputSchema>;

export const contractArchiveSchema = z.object({
  contractId: idSchema,
  location: z.string(),
  boxNumber: z.string(),
  archivistId: idSchema,
  archivistName: z.string(),
  archivedDate: dateSchema,
  copies: z.number().int(),
  note: z.string().nullable(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type ContractArchive = z.infer<typeof contractArchiveSchema>;

// ---------------------------------------------------------------- borrowing
export const contractBorrowCreateSchema = z.strictObject({
  borrowerId: idSchema,
  borrowedDate: dateSchema,
  /** On or after the borrowed date. */
  dueDate: dateSchema,
  purpose: z.string().trim().min(1).max(500),
});
export type ContractBorrowCreate = z.input<typeof contractBorrowCreateSchema>;

export const contractBorrowReturnSchema = z.strictObject({
  /** On or after the borrowed date. */
  returnedDate: dateSchema,
  note: z.string().trim().max(500).nullable().optional(),
});
export type ContractBorrowReturn = z.input<typeof contractBorrowReturnSchema>;

export const contractBorrowSchema = z.object({
  id: idSchema,
  contractId: idSchema,
  contractNumber: z.string().nullable(),
  contractName: z.string(),
  borrowerId: idSchema,
  borrowerName: z.string(),
  borrowedDate: dateSchema,
  dueDate: dateSchema,
  purpose: z.string(),
  returnedDate: dateSchema.nullable(),
  returnNote: z.string().nullable(),
  /** Not returned and past its due date (today in China time). */
  overdue: z.boolean(),
  createdBy: idSchema.nullable(),
  createdAt: instantSchema,
});
export type ContractBorrow = z.infer<typeof contractBorrowSchema>;

/** What the archive tab shows: the record (null until archived), the open borrow and what the caller may do. */
export const contractArchiveViewSchema = z.object({
  contractId: idSchema,
  /** Only contracts in force, completed or terminated have a signed original to archive. */
  archivable: z.boolean(),
  archive: contractArchiveSchema.nullable(),
  openBorrow: contractBorrowSchema.nullable(),
  /** The caller holds contract.archive over this contract. */
  canManage: z.boolean(),
  /** The caller holds contract.seal over this contract. */
  canRequestSeal: z.boolean(),
});
export type ContractArchiveView = z.infer<typeof contractArchiveViewSchema>;

export const contractBorrowSortFields = ['borrowedDate', 'dueDate', 'returnedDate', 'createdAt'] as const;

/** One contract's borrow log. */
export const contractBorrowListQuerySchema = z.strictObject({
  page: pageQuerySchema.shape.page,
  pageSize: pageQuerySchema.shape.pageSize,
  sort: pageQuerySchema.shape.sort,
});

/** Every borrow in scope, for archivists: open ones, overdue ones, by borrower or contract. */
export const contractBorrowSearchQuerySchema = z.strictObject({
  ...pageQuerySchema.shape,
  /** Not returned yet. */
  open: queryBool,
  /** Not returned and past the due date. */
  overdue: queryBool,
  borrowerId: idSchema.optional(),
  entityId: idSchema.optional(),
});
export type ContractBorrowSearchQuery = z.infer<typeof contractBorrowSearchQuerySchema>;
/** The borrows list's filters and sort, for its Excel export (every row, no paging). */
export const contractBorrowExportQuerySchema = contractBorrowSearchQuerySchema.omit({
  page: true,
  pageSize: true,
});
export type ContractBorrowExportQuery = z.infer<typeof contractBorrowExportQuerySchema>;

// ---------------------------------------------------------------- seal use
export const sealTypeSchema = z.enum(['CONTRACT_SEAL', 'COMPANY_SEAL', 'LEGAL_REP_SEAL']);
export type SealType = z.infer<typeof sealTypeSchema>;

/** In approval → approved / rejected / withdrawn; an approved request becomes USED once stamped. */
export const sealRequestStatusSchema = z.enum(['IN_APPROVAL', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'USED']);
export type SealRequestStatus = z.infer<typeof sealRequestStatusSchema>;

export const sealRequestCreateSchema = z.strictObject({
  sealType: sealTypeSchema,
  copies: z.number().int().min(1).max(100),
  purpose: z.string().trim().min(1).max(1000),
  /** nodeId → users chosen by the initiator, for 发起人自选 steps. */
  selections: z.record(z.string().max(64), z.array(idSchema).max(20)).optional(),
});
export type SealRequestCreate = z.input<typeof sealRequestCreateSchema>;

export const sealRequestUsedSchema = z.strictObject({
  /** The day the seal was applied; today when absent. */
  usedDate: dateSchema.optional(),
  note: z.string().trim().max(500).nullable().optional(),
});
export type SealRequestUsed = z.input<typeof sealRequestUsedSchema>;

export const sealRequestSchema = z.object({
  id: idSchema,
  contractId: idSchema,
  contractNumber: z.string().nullable(),
  contractName: z.string(),
  /** The contract version the seal is for (the current one when requested). */
  contractVersion: z.number().int(),
  sealType: sealTypeSchema,
  copies: z.number().int(),
  purpose: z.string(),
  status: sealRequestStatusSchema,
  instanceId: idSchema.nullable(),
  requestedBy: idSchema,
  requestedByName: z.string(),
  createdAt: instantSchema,
  decidedAt: instantSchema.nullable(),
  usedDate: dateSchema.nullable(),
  usedBy: idSchema.nullable(),
  usedByName: z.string().nullable(),
  usedNote: z.string().nullable(),
});
export type SealRequest = z.infer<typeof sealRequestSchema>;

export const sealRequestListQuerySchema = z.strictObject({
  page: pageQuerySchema.shape.page,
  pageSize: pageQuerySchema.shape.pageSize,
  sort: pageQuerySchema.shape.sort,
});
