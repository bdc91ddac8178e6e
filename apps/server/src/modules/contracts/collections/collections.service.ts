import { daysBetween } from '@concord/contracts';
import type {
  ContractOverdueCurrencyTotal,
  ContractOverdueItem,
  ContractOverduePage,
  ContractOverdueTotalsResult,
  contractOverdueExportQuerySchema,
  contractOverdueQuerySchema,
  Locale,
} from '@concord/contracts';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import {
  cursorId,
  decodeKeysetCursor,
  encodeKeysetCursor,
  moneyCell,
  type RequestContext,
  sendXlsx,
  type XlsxColumn,
} from '../../../platform/http/index.js';
import type { ContractPorts } from '../contracts.ports.js';
import type { OrgNames } from '../../../platform/org/index.js';
import { ownerNames } from '../owner-names.js';
import { countUpTo, type Db, type HeavyReads, isPostgres, ReadBudgetExceeded } from '../../../db/index.js';
import type { Scope } from '../../../platform/access/index.js';
import { pastDueIsCurrent } from '../execution/past-due.js';
import { pastDueDay } from '../execution/past-due.repository.js';
import { DensityMemo } from '../ledger/ledger.density.js';
import { DENSE_SET } from '../ledger/ledger.page.repository.js';
import {
  bucketsAnswering,
  type LedgerRollupWhere,
  TOTALS_BUDGET_MS,
  TOTALS_ROW_LIMIT,
} from '../ledger/ledger.totals.js';
import {
  cursorAfter,
  overdueFromRollup,
  type OverdueCursor,
  type OverdueFilter,
  type OverdueRow,
  type OverduePageRequest,
  type OverdueSort,
  overduePage,
  overdueSet,
  parseOverdueSort,
  sortIndexOf,
  summedOverdue,
} from './overdue.repository.js';

type OverdueQuery = z.output<typeof contractOverdueQuerySchema>;
type OverdueExportQuery = z.output<typeof contractOverdueExportQuerySchema>;

/** Rows per read while an export walks the whole filtered set. */
const EXPORT_BATCH = 500;

/**
 * Overdue receivables (逾期应收) and payables: the plan items of contracts in force that fell due
 * before today with money still open, in the caller's data scope. A ledger: pages by keyset, the
 * totals apart (from the rollup where it answers), the export streamed in keyset batches.
 */
export class ContractCollectionsService {
  /** Per filtered query, whether its set is dense (how a page is read): see ledger.density.ts. */
  private readonly density = new DensityMemo();

  constructor(
    private readonly db: Db,
    private readonly ports: Pick<ContractPorts, 'org' | 'today'>,
    private readonly heavyReads: HeavyReads,
  ) {}

  async overdue(ctx: RequestContext, query: OverdueQuery): Promise<ContractOverduePage> {
    const scope = await ctx.access.require('contract.view');
    const { cursor, limit, sort: sortText, ...filter } = query;
    const sort = parseOverdueSort(sortText);
    const today = this.ports.today();
    const readBy = await this.readIndex(sort, scope, filter, today);
    const after = cursor ? decodeCursor(cursor) : null;
    const request = { scope, filter, today, sort, cursor: after, limit: limit + 1, readBy };
    const rows = await overduePage(this.db, request);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: await this.present(page, today, this.ports.org.names(ctx)),
      nextCursor: rows.length > limit && last ? encodeCursor(cursorAfter(last, sort)) : null,
    };
  }

  /**
   * The overdue items of the filtered set and their open amount per currency: from the ledger's
   * rollup when its buckets hold exactly the set (a filter by direction and entity, in a scope of
   * entities) and the stored past-due day is today; else summed over the items, on the heavy-read
   * pool within a time budget, when there are at most TOTALS_ROW_LIMIT of them; else capped.
   */
  async overdueTotals(ctx: RequestContext, filter: OverdueFilter): Promise<ContractOverdueTotalsResult> {
    const scope = await ctx.access.require('contract.view');
    const today = this.ports.today();
    const fromRollup = await this.rollupTotals(scope, filter, today);
    if (fromRollup) return { count: countOf(fromRollup), source: 'rollup', byCurrency: fromRollup };
    const set = overdueSet(this.db, scope, filter, today, parseOverdueSort(undefined));
    const capped: ContractOverdueTotalsResult = { count: TOTALS_ROW_LIMIT, source: 'capped', byCurrency: [] };
    if ((await countUpTo(this.db, set, TOTALS_ROW_LIMIT, this.heavyReads)) > TOTALS_ROW_LIMIT) return capped;
    try {
      const byCurrency = await summedOverdue(set, { pool: this.heavyReads, budgetMs: TOTALS_BUDGET_MS });
      return { count: countOf(byCurrency), source: 'computed', byCurrency };
    } catch (error) {
      if (error instanceof ReadBudgetExceeded) return capped;
      throw error;
    }
  }

  async exportOverdue(
    ctx: RequestContext,
    query: OverdueExportQuery,
    reply: FastifyReply,
  ): Promise<FastifyReply> {
    const scope = await ctx.access.require('contract.view');
    await ctx.access.require('contract.export');
    const { sort: sortText, ...filter } = query;
    const sort = parseOverdueSort(sortText);
    const today = this.ports.today();
    const set = overdueSet(this.db, scope, filter, today, sort);
    const income = filter.direction === 'INCOME';
    const title =
      ctx.locale === 'zh-CN'
        ? income
          ? '逾期应收'
          : '逾期应付'
        : income
          ? 'Overdue receivables'
          : 'Overdue payables';
    return sendXlsx(reply, {
      filename: `${title}-${today}.xlsx`,
      sheetName: title,
      columns: exportColumns(ctx.locale),
      rows: this.batches(
        {
          scope,
          filter,
          today,
          sort,
          readBy: await this.readIndex(sort, scope, filter, today),
        },
        this.ports.org.names(ctx),
      ),
      // Summed on the heavy-read pool while the rows stream; written under them.
      totals: summedOverdue(set, { pool: this.heavyReads }),
    });
  }

  /** The whole set in the sort's order, read by keyset in batches: memory stays flat for any size. */
  private async *batches(
    page: Omit<OverduePageRequest, 'cursor' | 'limit'>,
    names: OrgNames,
  ): AsyncGenerator<ContractOverdueItem> {
    let cursor: OverdueCursor | null = null;
    for (;;) {
      // Read on the heavy-read pool: a batch's reads never hold the connection other requests use.
      const rows = await overduePage(this.db, { ...page, cursor, limit: EXPORT_BATCH }, this.heavyReads);
      for (const item of await this.present(rows, page.today, names)) yield item;
      const last = rows[rows.length - 1];
      if (rows.length < EXPORT_BATCH || !last) return;
      cursor = cursorAfter(last, page.sort);
    }
  }

  /**
   * The index a page is read through on SQLite (see overduePage): the sort's, when the set holds
   * more than DENSE_SET items, counted from the rollup when it answers, else by a probe that stops
   * after DENSE_SET matches; remembered per filtered query for a while. PostgreSQL prices the
   * page's limit itself.
   */
  private async readIndex(
    sort: OverdueSort,
    scope: Scope,
    filter: OverdueFilter,
    today: string,
  ): Promise<string | null> {
    if (isPostgres(this.db)) return null;
    const set = overdueSet(this.db, scope, filter, today, sort);
    const measure = async () => {
      const fromRollup = await this.rollupTotals(scope, filter, today);
      const count = fromRollup ? countOf(fromRollup) : await countUpTo(this.db, set, DENSE_SET);
      return count > DENSE_SET;
    };
    const { sql, parameters } = set.select('i.id').compile();
    const dense = await this.density.dense(`${sql}\u0000${JSON.stringify(parameters)}`, measure);
    return dense ? sortIndexOf(sort) : null;
  }

  /** The totals from the rollup's buckets, or null when they do not hold exactly this set today. */
  private async rollupTotals(
    scope: Scope,
    filter: OverdueFilter,
    today: string,
  ): Promise<ContractOverdueCurrencyTotal[] | null> {
    const buckets = overdueBuckets(scope, filter);
    if (!buckets || !pastDueIsCurrent(await pastDueDay(this.db), today)) return null;
    return overdueFromRollup(this.db, buckets);
  }

  private async present(
    rows: OverdueRow[],
    today: string,
    orgNames: OrgNames,
  ): Promise<ContractOverdueItem[]> {
    const names = await ownerNames(orgNames, rows);
    return rows.map((r) => ({
      itemId: r.item_id,
      contractId: r.contract_id,
      contractNumber: r.number,
      contractName: r.contract_name,
      direction: r.direction as ContractOverdueItem['direction'],
      partnerId: r.partner_id,
      partnerName: r.partner_name,
      entityId: r.entity_id,
      entityName: names.entityName(r.entity_id),
      departmentId: r.department_id,
      departmentName: names.departmentName(r.department_id),
      ownerId: r.owner_id,
      ownerName: names.ownerName(r.owner_id),
      currency: r.currency as ContractOverdueItem['currency'],
      seq: r.seq,
      itemName: r.item_name,
      dueDate: r.due_date,
      amount: r.amount,
      paidAmount: r.paid_amount,
      overdueAmount: r.overdue_amount,
      daysOverdue: daysBetween(r.due_date, today),
    }));
  }
}

/**
 * The rollup buckets of the in-force contracts in this direction (and entity) of the scope, or null
 * when the filter needs the items themselves (department, owner, partner, days overdue, search) or
 * the scope is narrower than whole entities.
 */
function overdueBuckets(scope: Scope, filter: OverdueFilter): LedgerRollupWhere | null {
  const { direction, entityId, ...rest } = filter;
  if (Object.values(rest).some((value) => value !== undefined)) return null;
  return bucketsAnswering(scope, { status: ['IN_FORCE'], direction, entityId });
}

const countOf = (byCurrency: ContractOverdueCurrencyTotal[]) =>
  byCurrency.reduce((count, row) => count + row.count, 0);

/** The cursor: the last row's sort key, id (and, for a contract sort, the item's sequence). */
function encodeCursor(cursor: OverdueCursor): string {
  return encodeKeysetCursor([cursor.value, cursor.id, cursor.seq ?? null]);
}

function decodeCursor(text: string): OverdueCursor {
  return decodeKeysetCursor(text, ([value, id, seq]) => {
    if (typeof value !== 'string' && typeof value !== 'number') throw new Error('bad value');
    if (seq !== null && !Number.isInteger(seq)) throw new Error('bad seq');
    return { value, id: cursorId(id), ...(typeof seq === 'number' && { seq }) };
  });
}

/** Amounts in the row's own currency; under the items, the open amount per currency. */
function exportColumns(locale: Locale): XlsxColumn<ContractOverdueItem, ContractOverdueCurrencyTotal>[] {
  const say = (zh: string, en: string) => (locale === 'zh-CN' ? zh : en);
  return [
    {
      header: say('合同编号', 'Contract number'),
      width: 24,
      value: (r) => r.contractNumber,
      total: () => say('合计', 'Total'),
    },
    {
      header: say('合同名称', 'Contract'),
      width: 32,
      value: (r) => r.contractName,
      total: (t) => say(`${t.count} 个节点`, t.count === 1 ? '1 item' : `${t.count} items`),
    },
    { header: say('相对方', 'Counterparty'), width: 30, value: (r) => r.partnerName },
    { header: say('签约主体', 'Entity'), width: 26, value: (r) => r.entityName },
    { header: say('承办部门', 'Department'), value: (r) => r.departmentName },
    { header: say('负责人', 'Owner'), width: 12, value: (r) => r.ownerName },
    { header: say('节点', 'Item'), width: 8, value: (r) => r.seq },
    { header: say('节点名称', 'Item name'), width: 24, value: (r) => r.itemName },
    { header: say('到期日', 'Due date'), width: 12, value: (r) => r.dueDate },
    { header: say('逾期天数', 'Days overdue'), width: 10, value: (r) => r.daysOverdue },
    { header: say('币种', 'Currency'), width: 8, value: (r) => r.currency, total: (t) => t.currency },
    { header: say('节点金额', 'Amount'), value: (r) => moneyCell(r.amount, r.currency) },
    { header: say('已结金额', 'Settled'), value: (r) => moneyCell(r.paidAmount, r.currency) },
    {
      header: say('逾期金额', 'Overdue'),
      value: (r) => moneyCell(r.overdueAmount, r.currency),
      total: (t) => moneyCell(t.overdueAmount, t.currency),
    },
  ];
}
