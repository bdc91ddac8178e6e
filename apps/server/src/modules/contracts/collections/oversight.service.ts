import {
  type ContractOversightItem,
  type ContractOversightKind,
  type ContractOversightPage,
  contractOversightKindSchema,
  type contractOversightExportQuerySchema,
  type contractOversightQuerySchema,
  type Locale,
} from '@concord/contracts';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { Db } from '../../../db/index.js';
import type { Clock } from '../../../platform/jobs/index.js';
import {
  fetchPage,
  presentedInBatches,
  moneyCell,
  type RequestContext,
  sendXlsx,
  type XlsxColumn,
} from '../../../platform/http/index.js';
import type { ContractPorts } from '../contracts.ports.js';
import { ownerNames } from '../owner-names.js';
import * as repo from './oversight.repository.js';

type OversightQuery = z.output<typeof contractOversightQuerySchema>;
type OversightExportQuery = z.output<typeof contractOversightExportQuerySchema>;
type Row = repo.BreachRow;

/** What oversight asks the partner library: partners in breach right now. */
export type FlaggedPartners = (
  db: Db,
  today: string,
) => Promise<{ blacklisted: string[]; unqualified: string[] }>;

const kindLabels: Record<ContractOversightKind, { 'zh-CN': string; 'en-US': string }> = {
  OVERRIDE_PAYMENT: {
    'zh-CN': '超票/超验收付款（已放行）',
    'en-US': 'Paid beyond invoices or acceptance (let through)',
  },
  PAST_END: { 'zh-CN': '超期未结项', 'en-US': 'In force past its end date' },
  OVERDUE_COLLECTION: { 'zh-CN': '逾期未收款', 'en-US': 'Overdue collection' },
  BLACKLISTED_PARTNER: { 'zh-CN': '黑名单相对方', 'en-US': 'Blacklisted counterparty' },
  UNQUALIFIED_PARTNER: { 'zh-CN': '相对方资质过期', 'en-US': 'Counterparty qualification expired' },
};

/**
 * Group oversight (集团监督): rule breaches across the subsidiaries in the caller's scope, for HQ
 * (`contract.oversight`). Paying without approval is impossible by design, so the list shows what
 * can still go wrong: payments let through beyond invoices or acceptance, contracts in force past
 * their end date, overdue collections, and contracts with a blacklisted or unqualified partner.
 */
export class ContractOversightService {
  constructor(
    private readonly db: Db,
    private readonly ports: Pick<ContractPorts, 'org' | 'today'>,
    private readonly flaggedPartners: FlaggedPartners,
    private readonly clock: Clock,
  ) {}

  async list(ctx: RequestContext, query: OversightQuery): Promise<ContractOversightPage> {
    const scope = await ctx.access.require('contract.oversight');
    const { page, pageSize, sort, kind, entityId } = query;
    const filter = await this.filter(kind, entityId);
    const rows = repo.breaches(this.db, scope, filter, sort);
    const [result, counts] = await Promise.all([
      rows ? fetchPage(rows, { page, pageSize }, (row) => row) : { items: [], total: 0, page, pageSize },
      repo.countsByKind(this.db, scope, filter),
    ]);
    return {
      ...result,
      items: await this.present(result.items),
      counts: Object.fromEntries(
        contractOversightKindSchema.options.map((k) => [k, counts.get(k) ?? 0]),
      ) as Record<ContractOversightKind, number>,
      asOf: this.clock.now().toISOString(),
    };
  }

  async export(ctx: RequestContext, query: OversightExportQuery, reply: FastifyReply): Promise<FastifyReply> {
    const scope = await ctx.access.require('contract.oversight');
    await ctx.access.require('contract.export');
    const filter = await this.filter(query.kind, query.entityId);
    const rows = repo.breaches(this.db, scope, filter, query.sort);
    const all = rows ? presentedInBatches(rows, (batch) => this.present(batch)) : noRows();
    const zh = ctx.locale === 'zh-CN';
    return sendXlsx(reply, {
      filename: zh ? `合同监督-${this.ports.today()}.xlsx` : `contract-oversight-${this.ports.today()}.xlsx`,
      sheetName: zh ? '合同监督' : 'Contract oversight',
      columns: exportColumns(ctx.locale),
      rows: all,
    });
  }

  private async filter(kind: ContractOversightKind | undefined, entityId: string | undefined) {
    const today = this.ports.today();
    const flagged = await this.flaggedPartners(this.db, today);
    return { kind, entityId, today, ...flagged };
  }

  private async present(rows: Row[]): Promise<ContractOversightItem[]> {
    const names = await ownerNames(this.ports.org, this.db, rows);
    return rows.map((r) => ({
      kind: r.kind,
      recordId: r.record_id,
      contractId: r.contract_id,
      contractNumber: r.number,
      contractName: r.contract_name,
      contractStatus: r.contract_status,
      partnerId: r.partner_id,
      partnerName: r.partner_name,
      entityId: r.entity_id,
      entityName: names.entityName(r.entity_id),
      departmentId: r.department_id,
      departmentName: names.departmentName(r.department_id),
      ownerId: r.owner_id,
      ownerName: names.ownerName(r.owner_id),
      currency: r.currency as ContractOversightItem['currency'],
      amount: r.amount,
      date: r.date?.slice(0, 10) ?? null,
      detail: r.detail,
    }));
  }
}

/** Each amount in its contract's currency (a payment is in its contract's currency). */
function exportColumns(locale: Locale): XlsxColumn<ContractOversightItem>[] {
  const say = (zh: string, en: string) => (locale === 'zh-CN' ? zh : en);
  return [
    { header: say('类型', 'Kind'), width: 22, value: (r) => kindLabels[r.kind][locale] },
    { header: say('合同编号', 'Contract number'), width: 24, value: (r) => r.contractNumber },
    { header: say('合同名称', 'Contract'), width: 32, value: (r) => r.contractName },
    { header: say('相对方', 'Counterparty'), width: 30, value: (r) => r.partnerName },
    { header: say('签约主体', 'Entity'), width: 26, value: (r) => r.entityName },
    { header: say('承办部门', 'Department'), value: (r) => r.departmentName },
    { header: say('负责人', 'Owner'), width: 12, value: (r) => r.ownerName },
    { header: say('币种', 'Currency'), width: 8, value: (r) => r.currency },
    { header: say('金额', 'Amount'), value: (r) => moneyCell(r.amount, r.currency) },
    { header: say('日期', 'Date'), width: 12, value: (r) => r.date },
    { header: say('说明', 'Detail'), width: 40, value: (r) => r.detail },
  ];
}

/** An empty export: the filter names a kind that has no rows today. */
async function* noRows(): AsyncGenerator<ContractOversightItem> {}
