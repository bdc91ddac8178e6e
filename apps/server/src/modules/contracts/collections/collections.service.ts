import { daysBetween } from '@concord/contracts';
import type {
  ContractOverdueCurrencyTotal,
  ContractOverdueItem,
  ContractOverduePage,
  contractOverdueExportQuerySchema,
  contractOverdueQuerySchema,
  Locale,
} from '@concord/contracts';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import {
  fetchPage,
  presentedInBatches,
  moneyCell,
  type RequestContext,
  sendXlsx,
  type XlsxColumn,
} from '../../../platform/http/index.js';
import * as repo from './collections.repository.js';
import type { ContractPorts } from '../contracts.ports.js';
import { ownerNames } from '../owner-names.js';
import type { Db } from '../../../db/index.js';

type OverdueQuery = z.output<typeof contractOverdueQuerySchema>;
type OverdueExportQuery = z.output<typeof contractOverdueExportQuerySchema>;
type Row = repo.OverdueRow;

/**
 * Overdue receivables (逾期应收) and payables: the plan items of contracts in force that fell due
 * before today with money still open, in the caller's data scope, paged and exported.
 */
export class ContractCollectionsService {
  constructor(
    private readonly db: Db,
    private readonly ports: Pick<ContractPorts, 'org' | 'today'>,
  ) {}

  async overdue(ctx: RequestContext, query: OverdueQuery): Promise<ContractOverduePage> {
    const scope = await ctx.access.require('contract.view');
    const { page, pageSize, sort, ...filter } = query;
    const today = this.ports.today();
    const base = repo.overdueItems(this.db, scope, filter, today);
    const [result, overdueByCurrency] = await Promise.all([
      fetchPage(repo.overdueRows(base, sort), { page, pageSize }, (row) => row),
      repo.overdueTotals(base),
    ]);
    return {
      ...result,
      items: await this.present(result.items, today),
      overdueByCurrency,
    };
  }

  async exportOverdue(
    ctx: RequestContext,
    query: OverdueExportQuery,
    reply: FastifyReply,
  ): Promise<FastifyReply> {
    const scope = await ctx.access.require('contract.view');
    await ctx.access.require('contract.export');
    const { sort, ...filter } = query;
    const today = this.ports.today();
    const base = repo.overdueItems(this.db, scope, filter, today);
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
      rows: presentedInBatches(repo.overdueRows(base, sort), (batch) => this.present(batch, today)),
      totals: await repo.overdueTotals(base),
    });
  }

  private async present(rows: Row[], today: string): Promise<ContractOverdueItem[]> {
    const names = await ownerNames(this.ports.org, this.db, rows);
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
