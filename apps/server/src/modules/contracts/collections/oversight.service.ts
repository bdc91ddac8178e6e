import {
  type ContractOversightCounts,
  type ContractOversightItem,
  type ContractOversightKind,
  type ContractOversightPage,
  contractOversightKindSchema,
  type contractOversightCountsQuerySchema,
  type contractOversightExportQuerySchema,
  type contractOversightQuerySchema,
  type Locale,
} from '@concord/contracts';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { countUpTo, type Db, type HeavyReads } from '../../../db/index.js';
import type { Scope } from '../../../platform/access/index.js';
import type { Clock } from '../../../platform/jobs/index.js';
import { moneyCell, type RequestContext, sendXlsx, type XlsxColumn } from '../../../platform/http/index.js';
import type { ContractPorts } from '../contracts.ports.js';
import { pastDueIsCurrent } from '../execution/past-due.js';
import { pastDueDay } from '../execution/past-due.repository.js';
import type { OrgNames } from '../../../platform/org/index.js';
import { ownerNames } from '../owner-names.js';
import {
  decodeOversightCursor,
  encodeOversightCursor,
  type OversightCursor,
  parseOversightSort,
} from './oversight.keyset.js';
import {
  type BreachRow,
  kindSet,
  type OversightFilter,
  type OversightPageRequest,
  oversightPage,
} from './oversight.repository.js';

type OversightQuery = z.output<typeof contractOversightQuerySchema>;
type OversightExportQuery = z.output<typeof contractOversightExportQuerySchema>;
type OversightCountsQuery = z.output<typeof contractOversightCountsQuerySchema>;

/** Each kind is counted no further than this; past it the web shows "10,000+". */
export const OVERSIGHT_COUNT_CAP = 10_000;
/** Rows per read while an export walks the whole list. */
const EXPORT_BATCH = 500;
const allKinds = contractOversightKindSchema.options;

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
    private readonly heavyReads: HeavyReads,
  ) {}

  /** A page by keyset, never counted (the counts per kind: `counts`). */
  async list(ctx: RequestContext, query: OversightQuery): Promise<ContractOversightPage> {
    const scope = await ctx.access.require('contract.oversight');
    const cursor = query.cursor ? decodeOversightCursor(query.cursor) : null;
    const request = await this.pageRequest(scope, query, cursor);
    const rows = await oversightPage(this.db, { ...request, limit: query.limit + 1 });
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: await this.present(page, this.ports.org.names(ctx)),
      nextCursor: rows.length > query.limit && last ? encodeOversightCursor(last) : null,
      asOf: this.clock.now().toISOString(),
    };
  }

  /**
   * Breaches per kind in scope (and entity), each counted no further than OVERSIGHT_COUNT_CAP, on
   * the heavy-read pool (a count reads up to the cap's rows: off the event loop).
   */
  async counts(ctx: RequestContext, query: OversightCountsQuery): Promise<ContractOversightCounts> {
    const scope = await ctx.access.require('contract.oversight');
    const filter = await this.filter(query.entityId);
    const counted = await Promise.all(
      allKinds.map(async (kind) => {
        const set = kindSet(this.db, scope, filter, kind);
        const count = set ? await countUpTo(this.db, set, OVERSIGHT_COUNT_CAP, this.heavyReads) : 0;
        return [kind, { count: Math.min(count, OVERSIGHT_COUNT_CAP), capped: count > OVERSIGHT_COUNT_CAP }];
      }),
    );
    return {
      byKind: Object.fromEntries(counted) as ContractOversightCounts['byKind'],
      asOf: this.clock.now().toISOString(),
    };
  }

  async export(ctx: RequestContext, query: OversightExportQuery, reply: FastifyReply): Promise<FastifyReply> {
    const scope = await ctx.access.require('contract.oversight');
    await ctx.access.require('contract.export');
    const zh = ctx.locale === 'zh-CN';
    return sendXlsx(reply, {
      filename: zh ? `合同监督-${this.ports.today()}.xlsx` : `contract-oversight-${this.ports.today()}.xlsx`,
      sheetName: zh ? '合同监督' : 'Contract oversight',
      columns: exportColumns(ctx.locale),
      rows: this.batches(await this.pageRequest(scope, query, null), this.ports.org.names(ctx)),
    });
  }

  /** The whole list in the page's order, read by keyset in batches: memory stays flat for any size. */
  private async *batches(
    request: Omit<OversightPageRequest, 'limit'>,
    names: OrgNames,
  ): AsyncGenerator<ContractOversightItem> {
    let cursor = request.cursor;
    for (;;) {
      // Read on the heavy-read pool: a batch's reads never hold the connection other requests use.
      const rows = await oversightPage(this.db, { ...request, cursor, limit: EXPORT_BATCH }, this.heavyReads);
      for (const item of await this.present(rows, names)) yield item;
      const last = rows[rows.length - 1];
      if (rows.length < EXPORT_BATCH || !last) return;
      cursor = { dateKey: last.date_key, id: last.record_id, kind: last.kind };
    }
  }

  private async pageRequest(
    scope: Scope,
    query: Pick<OversightQuery, 'kind' | 'entityId' | 'sort'>,
    cursor: OversightCursor | null,
  ): Promise<Omit<OversightPageRequest, 'limit'>> {
    return {
      scope,
      filter: await this.filter(query.entityId),
      kinds: query.kind ? [query.kind] : allKinds,
      sort: parseOversightSort(query.sort),
      cursor,
    };
  }

  private async filter(entityId: string | undefined): Promise<OversightFilter> {
    const today = this.ports.today();
    const flagged = await this.flaggedPartners(this.db, today);
    const storedOverdueIsCurrent = pastDueIsCurrent(await pastDueDay(this.db), today);
    return { entityId, today, ...flagged, storedOverdueIsCurrent };
  }

  private async present(rows: BreachRow[], orgNames: OrgNames): Promise<ContractOversightItem[]> {
    const names = await ownerNames(orgNames, rows);
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
      amount: Number(r.amount),
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
