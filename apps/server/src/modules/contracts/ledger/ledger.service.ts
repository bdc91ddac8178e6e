import type {
  ContractLedgerCurrencyTotals,
  ContractLedgerPage,
  ContractLedgerRow,
  ContractLedgerTotalsResult,
  contractLedgerQuerySchema,
} from '@concord/contracts';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import {
  cursorId,
  decodeKeysetCursor,
  encodeKeysetCursor,
  type RequestContext,
  sendXlsx,
  type XlsxSheet,
} from '../../../platform/http/index.js';
import type { ContractPorts } from '../contracts.ports.js';
import type { OrgNames } from '../../../platform/org/index.js';
import { ownerNames } from '../owner-names.js';
import { daysBetween } from '../register/contracts.rules.js';
import {
  DEFAULT_TOLERANCE,
  executableAmount,
  matchingStatus,
  type Tolerance,
} from '../execution/execution.rules.js';
import * as settingsRepo from '../execution/execution-settings.repository.js';
import {
  type LedgerFilter,
  type LedgerRow,
  type LedgerSort,
  ledgerQuery,
  ledgerRowsByIds,
  parseSort,
  sortValueOf,
} from './ledger.repository.js';
import { DensityMemo } from './ledger.density.js';
import { ledgerExportColumns } from './ledger.export.js';
import { ledgerPageIds, pageIndex, pageReadsMany } from './ledger.page.repository.js';
import {
  bucketsAnswering,
  cappedTotals,
  type LedgerTotalsFilter,
  TOTALS_BUDGET_MS,
  TOTALS_ROW_LIMIT,
} from './ledger.totals.js';
import { rollupCount, rollupTotals, summedTotals } from './ledger.totals.repository.js';
import { countUpTo, type Db, type HeavyReads, ReadBudgetExceeded } from '../../../db/index.js';
import type { Scope } from '../../../platform/access/index.js';

type LedgerQuery = z.output<typeof contractLedgerQuerySchema>;

/**
 * The contract ledger (合同台账): one row per contract in the caller's data scope, filtered by any
 * column, sorted, paged by keyset (stable while rows are added); the totals of the whole filtered
 * set asked for apart (from the rollups where they answer, so a page never scans the table);
 * exported to .xlsx in batches.
 */
export class ContractLedger {
  /** Per filtered query, whether its set is dense (how a page is read): see ledger.density.ts. */
  private readonly density = new DensityMemo();

  constructor(
    private readonly db: Db,
    private readonly ports: ContractPorts,
    private readonly heavyReads: HeavyReads,
  ) {}

  async list(ctx: RequestContext, query: LedgerQuery): Promise<ContractLedgerPage> {
    const scope = await ctx.access.require('contract.view');
    const { cursor, limit, ...filter } = query;
    const sort = parseSort(filter.sort);
    const today = this.ports.today();
    const names = this.ports.org.names(ctx);
    const base = await this.filteredSet(scope, filter, today, names);
    const after = cursor ? decodeCursor(cursor) : null;
    const readBy = await pageIndex(this.db, base, sort, { filter, scope, memo: this.density });
    const idReads = pageReadsMany(filter, readBy) ? this.heavyReads : undefined;
    const rows = await this.pageOf(base, sort, after, limit + 1, readBy, await names.groupRootId(), {
      ids: idReads,
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: await this.present(page, names),
      nextCursor: rows.length > limit && last ? encodeCursor(sortValueOf(last, sort), last.id) : null,
    };
  }

  /**
   * The count and the totals per currency of the filtered set: read from the rollup buckets when
   * they answer the filter in the caller's scope, else summed over the contracts when there are at
   * most TOTALS_ROW_LIMIT of them, else the count capped.
   */
  async totals(ctx: RequestContext, filter: LedgerTotalsFilter): Promise<ContractLedgerTotalsResult> {
    const scope = await ctx.access.require('contract.view');
    const today = this.ports.today();
    const base = await this.filteredSet(scope, filter, today, this.ports.org.names(ctx));
    const buckets = bucketsAnswering(scope, filter);
    if (buckets) {
      const byCurrency = await rollupTotals(this.db, buckets, base, today, this.heavyReads);
      return { count: sumOfCounts(byCurrency), source: 'rollup', byCurrency };
    }
    // Off the event loop (the heavy-read pool), within a time budget: past it, the count is capped.
    const pool = this.heavyReads;
    if ((await countUpTo(this.db, base, TOTALS_ROW_LIMIT, pool)) > TOTALS_ROW_LIMIT) return cappedTotals();
    try {
      const byCurrency = await summedTotals(base, today, { pool, budgetMs: TOTALS_BUDGET_MS });
      return { count: sumOfCounts(byCurrency), source: 'computed', byCurrency };
    } catch (error) {
      if (error instanceof ReadBudgetExceeded) return cappedTotals();
      throw error;
    }
  }

  async export(ctx: RequestContext, query: LedgerFilter, reply: FastifyReply): Promise<FastifyReply> {
    return sendXlsx(reply, await this.exportSheet(ctx, query));
  }

  /**
   * The export's workbook: the filtered set in the sort's order, walked in batches, and its totals
   * per currency, summed on the heavy-read pool while the rows stream (written under them).
   */
  async exportSheet(
    ctx: RequestContext,
    query: LedgerFilter,
  ): Promise<XlsxSheet<ContractLedgerRow, ContractLedgerCurrencyTotals> & { filename: string }> {
    const scope = await ctx.access.require('contract.view');
    await ctx.access.require('contract.export');
    const sort = parseSort(query.sort);
    const today = this.ports.today();
    const names = this.ports.org.names(ctx);
    const base = await this.filteredSet(scope, query, today, names);
    const zh = ctx.locale === 'zh-CN';
    return {
      filename: zh ? `合同台账-${today}.xlsx` : `contract-ledger-${today}.xlsx`,
      sheetName: zh ? '合同台账' : 'Contract ledger',
      columns: ledgerExportColumns(ctx.locale),
      rows: this.batches(base, sort, names),
      totals: summedTotals(base, today, { pool: this.heavyReads }),
    };
  }

  /**
   * How many contracts an export of this filter writes, counted no further than `cap` (a result
   * above `cap` means "more"): from the rollup when it answers, else a bounded count.
   */
  async exportSize(ctx: RequestContext, query: LedgerFilter, cap: number): Promise<number> {
    const scope = await ctx.access.require('contract.view');
    await ctx.access.require('contract.export');
    const base = await this.filteredSet(scope, query, this.ports.today(), this.ports.org.names(ctx));
    const { sort: _sort, ...filter } = query;
    const buckets = bucketsAnswering(scope, filter);
    return buckets ? rollupCount(this.db, buckets) : countUpTo(this.db, base, cap, this.heavyReads);
  }

  /** Walks the sorted set by keyset in batches of 500, so memory stays bounded for any ledger size. */
  private async *batches(
    base: ReturnType<typeof ledgerQuery>,
    sort: LedgerSort,
    names: OrgNames,
  ): AsyncGenerator<ContractLedgerRow> {
    let after: { value: unknown; id: string } | null = null;
    const readBy = await pageIndex(this.db, base, sort);
    const groupRootId = await names.groupRootId();
    for (;;) {
      // Read on the heavy-read pool: a batch's reads never hold the connection other requests use.
      const reads = this.heavyReads;
      const rows = await this.pageOf(base, sort, after, 500, readBy, groupRootId, {
        ids: reads,
        rows: reads,
      });
      for (const item of await this.present(rows, names)) yield item;
      if (rows.length < 500) return;
      const last = rows[rows.length - 1];
      after = { value: sortValueOf(last, sort), id: last.id };
    }
  }

  /**
   * One page in two steps: the ids in order first (a narrow sort), then their columns. Sorting only
   * the key and the id keeps the sort cheap when the scope filter, not the sort index, picks the rows.
   * `reads` says which of the two steps run on the heavy-read pool (else on the app's connection).
   */
  private async pageOf(
    base: ReturnType<typeof ledgerQuery>,
    sort: LedgerSort,
    after: { value: unknown; id: string } | null,
    limit: number,
    readBy: string | null,
    groupRootId: string | null,
    reads: { ids?: HeavyReads; rows?: HeavyReads } = {},
  ): Promise<LedgerRow[]> {
    const today = this.ports.today();
    const ids = await ledgerPageIds(this.db, base, sort, after, limit, readBy, reads.ids);
    if (!ids.length) return [];
    const rows = await ledgerRowsByIds(this.db, ids, { today, groupRootId }, reads.rows);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id)).filter((r): r is LedgerRow => !!r);
  }

  /** Rows with the names of their entity, department and owner (the organisation's name cache). */
  private async present(rows: LedgerRow[], orgNames: OrgNames): Promise<ContractLedgerRow[]> {
    const names = await ownerNames(orgNames, rows);
    const today = this.ports.today();
    return rows.map((r) => {
      const status = r.status as ContractLedgerRow['status'];
      const endDate = r.end_date;
      return {
        id: r.id,
        number: r.number,
        name: r.name,
        partnerId: r.partner_id,
        partnerName: r.partner_name,
        categoryId: r.category_id,
        categoryName: r.category_name ?? '',
        direction: r.direction as ContractLedgerRow['direction'],
        entityId: r.entity_id,
        entityName: names.entityName(r.entity_id),
        departmentId: r.department_id,
        departmentName: names.departmentName(r.department_id),
        ownerId: r.owner_id,
        ownerName: names.ownerName(r.owner_id),
        status,
        currency: r.currency as ContractLedgerRow['currency'],
        amount: r.amount,
        taxRate: r.tax_rate,
        taxExemption: (r.tax_exemption ?? null) as ContractLedgerRow['taxExemption'],
        taxAmount: r.tax_amount,
        signedAmount: r.signed_amount,
        currentAmount: r.current_amount,
        signDate: r.sign_date,
        startDate: r.start_date,
        endDate,
        daysToExpiry:
          endDate && (status === 'IN_FORCE' || status === 'APPROVED') ? daysBetween(today, endDate) : null,
        createdAt: new Date(r.created_at).toISOString(),
        ...executionFigures(r, toleranceOf(r)),
      };
    });
  }

  /** The filtered set in `scope`, as every read of the ledger starts from it. */
  private async filteredSet(scope: Scope, filter: LedgerFilter, today: string, names: OrgNames) {
    return ledgerQuery(this.db, scope, filter, today, await this.toleranceFor(filter, names));
  }

  /** The group's tolerance when the filter asks for a matching status (the only filter that reads it). */
  private async toleranceFor(filter: { matchingStatus?: unknown }, names: OrgNames): Promise<Tolerance> {
    if (!filter.matchingStatus) return DEFAULT_TOLERANCE;
    const rootId = await names.groupRootId();
    const row = rootId ? (await settingsRepo.settingsOf(this.db, [rootId])).get(rootId) : undefined;
    return row ? { amount: row.toleranceAmount, rate: row.toleranceRate } : DEFAULT_TOLERANCE;
  }
}

/** The tolerance in force for a row: its entity's, else the group's (both joined by the page's read). */
function toleranceOf(r: LedgerRow): Tolerance {
  return r.tolerance_amount === null || r.tolerance_rate === null
    ? DEFAULT_TOLERANCE
    : { amount: Number(r.tolerance_amount), rate: Number(r.tolerance_rate) };
}

const sumOfCounts = (rows: { count: number }[]) => rows.reduce((sum, row) => sum + row.count, 0);

/** The ledger's execution columns of a contract row (figures kept by figures.service). */
function executionFigures(r: LedgerRow, tolerance: Tolerance) {
  const paid = r.paid_amount;
  const invoiced = r.invoiced_amount;
  const accepted = r.accepted_amount;
  const settled = r.settled_amount;
  const income = r.direction === 'INCOME';
  return {
    plannedAmount: r.planned_amount,
    requestedAmount: r.requested_amount,
    paidAmount: income ? 0 : paid,
    receivedAmount: income ? paid : 0,
    invoicedAmount: invoiced,
    acceptedAmount: accepted,
    settledAmount: settled,
    // Receivable net of the retention not yet due (income contracts; 0 on expense ones).
    outstandingAmount: executableAmount(r) - paid - r.retention_held_amount,
    overdueAmount: r.overdue_amount,
    nextDueDate: r.next_due_date,
    matchingStatus: Number(r.lines_mismatched)
      ? ('MISMATCHED' as const)
      : matchingStatus({ paid, invoiced, accepted }, tolerance),
  };
}

/** The cursor: the last row's sort value and id. */
function encodeCursor(value: unknown, id: string): string {
  return encodeKeysetCursor([value, id]);
}

function decodeCursor(cursor: string): { value: unknown; id: string } {
  return decodeKeysetCursor(
    cursor,
    ([value, id]) => {
      if (value !== null && typeof value !== 'string' && typeof value !== 'number')
        throw new Error('bad value');
      return { value, id: cursorId(id) };
    },
    'ledger',
  );
}
