import type {
  ContractBorrow,
  ContractBorrowCreate,
  ContractBorrowExportQuery,
  ContractBorrowReturn,
  ContractBorrowSearchQuery,
  Locale,
  Page,
} from '@concord/contracts';
import { contractBorrowCreateSchema, contractBorrowReturnSchema, businessDate } from '@concord/contracts';
import { type Db, newId } from '../../../db/index.js';
import { AccessControl, type Scope } from '../../../platform/access/index.js';
import type { AuditService } from '../../../platform/audit/index.js';
import type { RequestContext } from '../../../platform/http/index.js';
import { AppError, invalidReference, notFound } from '../../../platform/http/index.js';
import { applySort, fetchPage, presentedInBatches, sendXlsx } from '../../../platform/http/index.js';
import type { FastifyReply } from 'fastify';
import { borrowExportColumns } from './borrows.export.js';
import type { Clock } from '../../../platform/jobs/index.js';
import {
  ARCHIVABLE_STATUSES,
  type ArchiveDirectory,
  archiveMessage,
  contractScopeOf,
  fieldError,
  toBorrow,
  visibleContract,
} from './archive.service.js';
import * as repo from './archive.repository.js';

/**
 * Borrowing an archived original (借阅) and returning it, with at most one borrow open per contract;
 * the borrow log of a contract and the search across contracts. Borrows are scoped through their
 * contract: `contract.view` reads, `contract.archive` writes.
 */
export class ContractBorrowsService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly directory: ArchiveDirectory,
    private readonly clock: Clock,
  ) {}

  private today(): string {
    return businessDate(this.clock.now());
  }

  async listBorrows(
    ctx: RequestContext,
    contractId: string,
    query: { page: number; pageSize: number; sort?: string },
  ): Promise<Page<ContractBorrow>> {
    const scope = await ctx.access.require('contract.view');
    await visibleContract(this.db, scope, contractId);
    const sorted = applySort(
      repo.borrowsOf(this.db, contractId),
      query.sort,
      borrowSortColumns,
      { column: 'b.borrowed_date', direction: 'desc' },
      'b.id',
    );
    return this.borrowPage(sorted, query);
  }

  /** Every borrow of contracts in the caller's archive scope (the archivists' list, with the overdue filter). */
  async searchBorrows(ctx: RequestContext, query: ContractBorrowSearchQuery): Promise<Page<ContractBorrow>> {
    const scope = await ctx.access.require('contract.archive');
    return this.borrowPage(this.searched(scope, query), query);
  }

  /** The archivists' list as filtered and sorted, every row, to .xlsx (streamed a batch at a time). */
  async exportBorrows(
    ctx: RequestContext,
    query: ContractBorrowExportQuery,
    reply: FastifyReply,
  ): Promise<FastifyReply> {
    const scope = await ctx.access.require('contract.archive');
    await ctx.access.require('contract.export');
    const today = this.today();
    const title = ctx.locale === 'zh-CN' ? '原件借阅' : 'Borrowed originals';
    return sendXlsx(reply, {
      filename: `${title}-${today}.xlsx`,
      sheetName: title,
      columns: borrowExportColumns(ctx.locale),
      rows: presentedInBatches(this.searched(scope, query), (batch) => this.presentBorrows(batch, today)),
    });
  }

  private searched(scope: Scope, query: ContractBorrowExportQuery) {
    return applySort(
      repo.searchBorrows(this.db, scope, { ...query, today: this.today() }),
      query.sort,
      borrowSortColumns,
      { column: 'b.due_date', direction: 'asc' },
      'b.id',
    );
  }

  async borrow(
    ctx: RequestContext,
    contractId: string,
    input: ContractBorrowCreate,
  ): Promise<ContractBorrow> {
    const scope = await ctx.access.require('contract.archive');
    const data = contractBorrowCreateSchema.parse(input);
    if (data.dueDate < data.borrowedDate)
      throw fieldError('dueDate', archiveMessage(ctx.locale, 'dueBeforeBorrowed'));
    try {
      return await this.db.transaction().execute(async (trx) => {
        const contract = await visibleContract(trx, scope, contractId);
        // Locking the archive record queues concurrent borrows of the same original.
        const archive = await repo.lockArchive(trx, contractId);
        if (!archive || !ARCHIVABLE_STATUSES.includes(contract.status))
          throw new AppError('CONTRACT_ARCHIVE_STATE', { detail: archiveMessage(ctx.locale, 'notArchived') });
        const open = await repo.openBorrowOf(trx, contractId);
        if (open) throw await this.alreadyBorrowed(trx, ctx.locale, open);
        if (!(await this.directory.activeUserIds(trx, [data.borrowerId])).has(data.borrowerId))
          throw invalidReference('user');
        const now = this.clock.now().toISOString();
        const id = newId();
        await repo.insertBorrow(trx, {
          id,
          contract_id: contractId,
          borrower_id: data.borrowerId,
          borrowed_date: data.borrowedDate,
          due_date: data.dueDate,
          purpose: data.purpose,
          returned_date: null,
          return_note: null,
          created_by: ctx.actor?.userId ?? null,
          created_at: now,
          updated_at: now,
        });
        const row = (await repo.findBorrow(trx, id))!;
        await this.audit.record(trx, ctx, {
          entityType: 'contract_borrow',
          entityId: id,
          action: 'borrow',
          after: borrowSnapshot(row),
        });
        return toBorrow(row, await this.directory.userNames(trx, [row.borrower_id]), this.today());
      });
    } catch (error) {
      // The partial unique index is the last line: a concurrent borrow that slipped past the lock.
      if (
        !(error instanceof AppError) &&
        /contract_borrow_one_open|UNIQUE constraint failed: contract_borrow/.test(String(error))
      ) {
        const open = await repo.openBorrowOf(this.db, contractId);
        if (open) throw await this.alreadyBorrowed(this.db, ctx.locale, open);
      }
      throw error;
    }
  }

  async returnBorrow(
    ctx: RequestContext,
    borrowId: string,
    input: ContractBorrowReturn,
  ): Promise<ContractBorrow> {
    const scope = await ctx.access.require('contract.archive');
    const data = contractBorrowReturnSchema.parse(input);
    return this.db.transaction().execute(async (trx) => {
      const before = await repo.findBorrow(trx, borrowId);
      if (!before) throw notFound();
      AccessControl.assertVisible(scope, contractScopeOf(before));
      await repo.lockArchive(trx, before.contract_id);
      if (before.returned_date)
        throw new AppError('CONTRACT_ARCHIVE_STATE', {
          detail: archiveMessage(ctx.locale, 'alreadyReturned', { date: before.returned_date }),
        });
      if (data.returnedDate < before.borrowed_date)
        throw fieldError('returnedDate', archiveMessage(ctx.locale, 'returnedBeforeBorrowed'));
      const closed = await repo.closeBorrow(trx, borrowId, {
        returned_date: data.returnedDate,
        return_note: data.note || null,
        updated_at: this.clock.now().toISOString(),
      });
      if (closed !== 1) throw new AppError('CONFLICT');
      const after = (await repo.findBorrow(trx, borrowId))!;
      await this.audit.record(trx, ctx, {
        entityType: 'contract_borrow',
        entityId: borrowId,
        action: 'return',
        before: borrowSnapshot(before),
        after: borrowSnapshot(after),
      });
      return toBorrow(after, await this.directory.userNames(trx, [after.borrower_id]), this.today());
    });
  }

  private async borrowPage(
    query: ReturnType<typeof repo.borrowsOf>,
    paging: { page: number; pageSize: number },
  ): Promise<Page<ContractBorrow>> {
    const page = await fetchPage(query, paging, (row) => row);
    return { ...page, items: await this.presentBorrows(page.items, this.today()) };
  }

  /** Borrows with their borrowers' names, read in one batch. */
  private async presentBorrows(rows: repo.BorrowRow[], today: string): Promise<ContractBorrow[]> {
    const names = await this.directory.userNames(this.db, [...new Set(rows.map((b) => b.borrower_id))]);
    return rows.map((row) => toBorrow(row, names, today));
  }

  private async alreadyBorrowed(db: Db, locale: Locale, open: repo.BorrowRow): Promise<AppError> {
    const names = await this.directory.userNames(db, [open.borrower_id]);
    return new AppError('CONTRACT_ARCHIVE_STATE', {
      detail: archiveMessage(locale, 'alreadyBorrowed', {
        borrower: names.get(open.borrower_id) ?? open.borrower_id,
        due: open.due_date,
      }),
    });
  }
}

const borrowSortColumns = {
  borrowedDate: 'b.borrowed_date',
  dueDate: 'b.due_date',
  returnedDate: 'b.returned_date',
  createdAt: 'b.created_at',
};

const borrowSnapshot = (row: repo.BorrowRow) => ({
  contractId: row.contract_id,
  borrowerId: row.borrower_id,
  borrowedDate: row.borrowed_date,
  dueDate: row.due_date,
  purpose: row.purpose,
  returnedDate: row.returned_date,
  returnNote: row.return_note,
});
