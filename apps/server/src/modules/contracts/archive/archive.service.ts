import type {
  ContractArchive,
  ContractArchiveInput,
  ContractArchiveView,
  ContractBorrow,
  Locale,
} from '@concord/contracts';
import { businessDate, contractArchiveInputSchema } from '@concord/contracts';
import { AccessControl, isInScope, type Scope } from '../../../platform/access/index.js';
import type { AuditService } from '../../../platform/audit/index.js';
import type { RequestContext } from '../../../platform/http/index.js';
import { AppError, invalidReference, notFound } from '../../../platform/http/index.js';
import type { Clock } from '../../../platform/jobs/index.js';
import * as repo from './archive.repository.js';
import { findContract } from '../register/contracts.repository.js';
import type { Db } from '../../../db/index.js';
import type { ContractArchiveTable, ContractTable } from '../contracts.tables.js';

/** Contracts with a signed original: only these are archived, borrowed and returned. */
export const ARCHIVABLE_STATUSES: readonly string[] = ['IN_FORCE', 'COMPLETED', 'TERMINATED'];

/** What the archive needs from the platform (wired in the module definition). */
export interface ArchiveDirectory {
  /** id → display name; unknown ids are left out. */
  userNames(db: Db, ids: string[]): Promise<Map<string, string>>;
  /** Of these ids, the users that exist and are active. */
  activeUserIds(db: Db, ids: string[]): Promise<Set<string>>;
}

/** The contract facts the archive and seal code read (of the register's `contract` row). */
export type ContractFacts = Pick<
  ContractTable,
  | 'id'
  | 'number'
  | 'name'
  | 'status'
  | 'version'
  | 'category_id'
  | 'entity_id'
  | 'department_id'
  | 'owner_id'
  | 'current_amount'
  | 'currency'
>;

/**
 * Reads a contract the caller may reach under `scope` (404 otherwise, like a missing one). Used by
 * both the archive and the seal requests: their records are scoped through their contract.
 */
export async function visibleContract(db: Db, scope: Scope, contractId: string): Promise<ContractFacts> {
  const row = await findContract(db, contractId);
  if (!row) throw notFound();
  AccessControl.assertVisible(scope, contractScopeOf(row));
  return row;
}

export const contractScopeOf = (row: { entity_id: string; department_id: string; owner_id: string }) => ({
  entityId: row.entity_id,
  departmentId: row.department_id,
  ownerId: row.owner_id,
});

/** Whether the caller holds `permission` over this contract (without throwing). */
export async function holds(ctx: RequestContext, permission: string, row: ContractFacts): Promise<boolean> {
  if (!ctx.access.has(permission)) return false;
  return isInScope(await ctx.access.require(permission), contractScopeOf(row));
}

const messages = {
  notArchivable: {
    'zh-CN': '合同当前状态为「{status}」，只有已生效、已完成或已终止的合同可以归档',
    'en-US': 'the contract is "{status}"; only contracts in force, completed or terminated can be archived',
  },
  notArchived: {
    'zh-CN': '合同原件尚未归档，不能借阅',
    'en-US': 'the original has not been archived yet, so it cannot be borrowed',
  },
  alreadyBorrowed: {
    'zh-CN': '原件已被{borrower}借出（应还日期 {due}），归还后才能再次借阅',
    'en-US': 'the original is out with {borrower} (due {due}); it can be borrowed again once returned',
  },
  alreadyReturned: {
    'zh-CN': '该借阅已于 {date} 归还',
    'en-US': 'this borrow was already returned on {date}',
  },
  dueBeforeBorrowed: { 'zh-CN': '应还日期不能早于借出日期', 'en-US': 'must not be before the borrowed date' },
  returnedBeforeBorrowed: {
    'zh-CN': '归还日期不能早于借出日期',
    'en-US': 'must not be before the borrowed date',
  },
} as const;

export const contractStatusLabels: Record<string, Record<Locale, string>> = {
  DRAFT: { 'zh-CN': '草稿', 'en-US': 'draft' },
  IN_APPROVAL: { 'zh-CN': '审批中', 'en-US': 'in approval' },
  APPROVED: { 'zh-CN': '已审批', 'en-US': 'approved' },
  IN_FORCE: { 'zh-CN': '已生效', 'en-US': 'in force' },
  COMPLETED: { 'zh-CN': '已完成', 'en-US': 'completed' },
  TERMINATED: { 'zh-CN': '已终止', 'en-US': 'terminated' },
  VOIDED: { 'zh-CN': '已作废', 'en-US': 'voided' },
};

export function archiveMessage(
  locale: Locale,
  key: keyof typeof messages,
  params: Record<string, string> = {},
): string {
  return messages[key][locale].replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');
}

export function fieldError(path: string, text: string): AppError {
  return new AppError('VALIDATION_FAILED', { detail: `${path}: ${text}` }, [{ path, message: text }]);
}

/**
 * The archive of a contract's signed original (归档): where it is kept (one record per contract,
 * editable, audited); borrowing it is borrows.service.ts's. Records are scoped through their
 * contract: `contract.view` reads, `contract.archive` writes.
 */
export class ContractArchiveService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly directory: ArchiveDirectory,
    private readonly clock: Clock,
  ) {}

  private today(): string {
    return businessDate(this.clock.now());
  }

  async view(ctx: RequestContext, contractId: string): Promise<ContractArchiveView> {
    const scope = await ctx.access.require('contract.view');
    const contract = await visibleContract(this.db, scope, contractId);
    const archive = await repo.findArchive(this.db, contractId);
    const open = await repo.openBorrowOf(this.db, contractId);
    const names = await this.directory.userNames(
      this.db,
      [archive?.archivist_id, open?.borrower_id].filter((id): id is string => !!id),
    );
    return {
      contractId,
      archivable: ARCHIVABLE_STATUSES.includes(contract.status),
      archive: archive ? toArchive(archive, names) : null,
      openBorrow: open ? toBorrow(open, names, this.today()) : null,
      canManage: await holds(ctx, 'contract.archive', contract),
      canRequestSeal: await holds(ctx, 'contract.seal', contract),
    };
  }

  /** Creates the archive record or edits it; the contract must have a signed original. */
  async save(ctx: RequestContext, contractId: string, input: ContractArchiveInput): Promise<ContractArchive> {
    const scope = await ctx.access.require('contract.archive');
    const data = contractArchiveInputSchema.parse(input);
    return this.db.transaction().execute(async (trx) => {
      const contract = await visibleContract(trx, scope, contractId);
      if (!ARCHIVABLE_STATUSES.includes(contract.status)) {
        throw new AppError('CONTRACT_ARCHIVE_STATE', {
          detail: archiveMessage(ctx.locale, 'notArchivable', {
            status: contractStatusLabels[contract.status]?.[ctx.locale] ?? contract.status,
          }),
        });
      }
      if (!(await this.directory.activeUserIds(trx, [data.archivistId])).has(data.archivistId))
        throw invalidReference('user');
      const before = await repo.lockArchive(trx, contractId);
      const now = this.clock.now().toISOString();
      const fields = {
        location: data.location,
        box_number: data.boxNumber,
        archivist_id: data.archivistId,
        archived_date: data.archivedDate,
        copies: data.copies,
        note: data.note || null,
        updated_at: now,
      };
      if (before) await repo.updateArchive(trx, contractId, fields);
      else
        await repo.insertArchive(trx, {
          contract_id: contractId,
          ...fields,
          created_by: ctx.actor?.userId ?? null,
          created_at: now,
        });
      const after = (await repo.findArchive(trx, contractId))!;
      await this.audit.record(trx, ctx, {
        entityType: 'contract_archive',
        entityId: contractId,
        action: before ? 'update' : 'create',
        before: before ? archiveSnapshot(before) : undefined,
        after: archiveSnapshot(after),
      });
      const names = await this.directory.userNames(trx, [after.archivist_id]);
      return toArchive(after, names);
    });
  }
}

const instant = (value: unknown): string => new Date(value as string).toISOString();

function toArchive(row: ContractArchiveTable, names: Map<string, string>): ContractArchive {
  return {
    contractId: row.contract_id,
    location: row.location,
    boxNumber: row.box_number,
    archivistId: row.archivist_id,
    archivistName: names.get(row.archivist_id) ?? '',
    archivedDate: row.archived_date,
    copies: row.copies,
    note: row.note,
    createdAt: instant(row.created_at),
    updatedAt: instant(row.updated_at),
  };
}

export function toBorrow(row: repo.BorrowRow, names: Map<string, string>, today: string): ContractBorrow {
  return {
    id: row.id,
    contractId: row.contract_id,
    contractNumber: row.contract_number,
    contractName: row.contract_name,
    borrowerId: row.borrower_id,
    borrowerName: names.get(row.borrower_id) ?? '',
    borrowedDate: row.borrowed_date,
    dueDate: row.due_date,
    purpose: row.purpose,
    returnedDate: row.returned_date,
    returnNote: row.return_note,
    overdue: !row.returned_date && row.due_date < today,
    createdBy: row.created_by,
    createdAt: instant(row.created_at),
  };
}

const archiveSnapshot = (row: ContractArchiveTable) => ({
  location: row.location,
  boxNumber: row.box_number,
  archivistId: row.archivist_id,
  archivedDate: row.archived_date,
  copies: row.copies,
  note: row.note,
});
