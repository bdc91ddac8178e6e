/**
 * Factories of a contract's archive record, borrows of its original and seal requests for tests and
 * for the demo seed, created through the services (schema-checked like the API's bodies, validated
 * and audited like API writes), with defaults for what the caller does not care about.
 */
import {
  addDays,
  businessDate,
  type ContractArchiveInput,
  type ContractBorrow,
  type ContractBorrowCreate,
  type ContractBorrowReturn,
  contractArchiveInputSchema,
  contractBorrowCreateSchema,
  contractBorrowReturnSchema,
  type SealRequestCreate,
  type SealRequestUsed,
  sealRequestCreateSchema,
  sealRequestUsedSchema,
} from '@concord/contracts';
import type { RequestContext } from '../../platform/http/index.js';
import type { Clock } from '../../platform/jobs/index.js';
import type { ContractArchiveService } from './archive/archive.service.js';
import type { ContractBorrowsService } from './archive/borrows.service.js';
import type { ContractSealsService } from './archive/seals.service.js';

/** The services the archive factories write through (the app's `Services` has them all). */
export interface ArchiveFactoryServices {
  clock: Clock;
  contractArchive: ContractArchiveService;
  contractBorrows: ContractBorrowsService;
  contractSeals: ContractSealsService;
}

const today = (services: Pick<ArchiveFactoryServices, 'clock'>) => businessDate(services.clock.now());
const actorOf = (ctx: RequestContext) => {
  if (!ctx.actor) throw new Error('the archive factories act as a user');
  return ctx.actor.userId;
};

/** The contract's archive record (归档), kept by the caller, two originals, today unless told otherwise. */
export async function archiveRecord(
  services: Pick<ArchiveFactoryServices, 'clock' | 'contractArchive'>,
  ctx: RequestContext,
  contractId: string,
  input: Partial<ContractArchiveInput> = {},
) {
  return services.contractArchive.save(
    ctx,
    contractId,
    contractArchiveInputSchema.parse({
      location: '档案室 A 柜',
      boxNumber: 'A-001',
      archivistId: input.archivistId ?? actorOf(ctx),
      archivedDate: today(services),
      copies: 2,
      ...input,
    }),
  );
}

/** A borrow of the contract's original (借阅), by the caller for a week from today unless told otherwise. */
export async function borrow(
  services: Pick<ArchiveFactoryServices, 'clock' | 'contractBorrows'>,
  ctx: RequestContext,
  contractId: string,
  input: Partial<ContractBorrowCreate> = {},
): Promise<ContractBorrow> {
  const borrowedDate = input.borrowedDate ?? today(services);
  return services.contractBorrows.borrow(
    ctx,
    contractId,
    contractBorrowCreateSchema.parse({
      borrowerId: input.borrowerId ?? actorOf(ctx),
      dueDate: addDays(borrowedDate, 7),
      purpose: '查阅原件',
      ...input,
      borrowedDate,
    }),
  );
}

/** The original given back (归还), today unless told otherwise. */
export async function returnedBorrow(
  services: Pick<ArchiveFactoryServices, 'clock' | 'contractBorrows'>,
  ctx: RequestContext,
  borrowId: string,
  input: Partial<ContractBorrowReturn> = {},
): Promise<ContractBorrow> {
  return services.contractBorrows.returnBorrow(
    ctx,
    borrowId,
    contractBorrowReturnSchema.parse({ returnedDate: today(services), ...input }),
  );
}

/** A seal request (用印申请) for two copies under the contract seal; its approval starts. */
export async function sealRequest(
  services: Pick<ArchiveFactoryServices, 'contractSeals'>,
  ctx: RequestContext,
  contractId: string,
  input: Partial<SealRequestCreate> = {},
) {
  return services.contractSeals.request(
    ctx,
    contractId,
    sealRequestCreateSchema.parse({
      sealType: 'CONTRACT_SEAL',
      copies: 2,
      purpose: '合同正本盖章',
      ...input,
    }),
  );
}

/** An approved seal request stamped by the keeper (today unless told otherwise). */
export async function sealUsed(
  services: Pick<ArchiveFactoryServices, 'contractSeals'>,
  ctx: RequestContext,
  requestId: string,
  input: Partial<SealRequestUsed> = {},
) {
  return services.contractSeals.markUsed(ctx, requestId, sealRequestUsedSchema.parse(input));
}

/** The archive factories, as the module's index exports them. */
export const archiveFactories = { archiveRecord, borrow, returnedBorrow, sealRequest, sealUsed };
