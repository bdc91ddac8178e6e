import type {
  Page,
  Partner,
  PartnerCreate,
  PartnerDetail,
  PartnerExportQuery,
  PartnerListItem,
  PartnerListQuery,
  PartnerRating,
  PartnerType,
  PartnerUpdate,
} from '@concord/contracts';
import { type Db, newId, readBool } from '../../db/index.js';
import { isInScope } from '../../platform/access/index.js';
import type { AuditService } from '../../platform/audit/index.js';
import {
  AppError,
  applySort,
  duplicate,
  fetchPage,
  presentedInBatches,
  invalidReference,
  type RequestContext,
} from '../../platform/http/index.js';
import type { Clock } from '../../platform/jobs/index.js';
import {
  type Abilities,
  abilitiesOf,
  changeAccess,
  changeablePartner,
  originShown,
  referrerOf,
  viewerOf,
  visiblePartner,
} from './partners.access.js';
import { type Names, partnerSnapshot, toBankAccount, toListItem, toPartner } from './partners.mappers.js';
import { namesOf, partnerDetail } from './partners.detail.js';
import type { PartnerDirectory, PartnerForContract } from './partners.ports.js';
import * as repo from './partners.repository.js';
import { checkCreditCode, creditCodeCheckText, usableBy } from './partners.rules.js';
import type { PartnerTable } from './partners.tables.js';

const sortColumns = {
  name: 'p.name',
  creditCode: 'p.credit_code',
  region: 'p.region',
  rating: 'p.rating',
  createdAt: 'p.created_at',
  updatedAt: 'p.updated_at',
};

/**
 * The partner library (合作伙伴): customers and suppliers shared within the group. A partner
 * belongs to the entity that registered it; the others see it when it is shared with the group.
 * Child records (bank accounts, contacts, qualifications) are kept by `PartnerRecordsService`.
 */
/** Hidden matches are counted up to this many ("20+"). */
const HIDDEN_MATCH_CAP = 20;

export class PartnersService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly directory: PartnerDirectory,
    private readonly clock: Clock,
  ) {}

  /** The partners visible to the caller, in full (for other parts of Concord: see `browse` for the API). */
  async list(ctx: RequestContext, query: PartnerListQuery): Promise<Page<Partner>> {
    const { page, names } = await this.rows(ctx, query);
    return { ...page, items: page.items.map((row) => toPartner(row, names)) };
  }

  /**
   * How many partners match the text that the caller may not see (another entity's, not shared
   * with the group), so the picker can say one exists and what to do, instead of inviting a
   * duplicate. Only a count, capped; nothing about the partners themselves.
   */
  async hiddenMatches(ctx: RequestContext, q: string): Promise<{ count: number; capped: boolean }> {
    await ctx.access.require('partner.view');
    const text = q.trim();
    if (text.length < 2) return { count: 0, capped: false };
    const count = await repo.hiddenMatchCount(this.db, await viewerOf(ctx), text, HIDDEN_MATCH_CAP);
    return { count: Math.min(count, HIDDEN_MATCH_CAP), capped: count > HIDDEN_MATCH_CAP };
  }

  /** The API's list: as `list`, leaving out who registered partners outside the caller's scope. */
  async browse(ctx: RequestContext, query: PartnerListQuery): Promise<Page<PartnerListItem>> {
    const { page, names } = await this.rows(ctx, query);
    const view = await ctx.access.require('partner.view');
    return { ...page, items: page.items.map((row) => toListItem(row, names, originShown(view, ctx, row))) };
  }

  private async rows(ctx: RequestContext, query: PartnerListQuery) {
    const viewer = await viewerOf(ctx);
    const sorted = applySort(
      repo.visiblePartners(this.db, viewer, query),
      query.sort,
      sortColumns,
      { column: 'p.name', direction: 'asc' },
      'p.id',
    );
    const page = await fetchPage(sorted, query, (row) => row);
    return { page, names: await this.namesFor(this.db, page.items) };
  }

  /** Every partner of the filtered list, in batches (for the Excel export). */
  async *exportRows(ctx: RequestContext, query: PartnerExportQuery): AsyncGenerator<PartnerListItem> {
    await ctx.access.require('partner.export');
    const viewer = await viewerOf(ctx);
    const sorted = applySort(
      repo.visiblePartners(this.db, viewer, query),
      query.sort,
      sortColumns,
      { column: 'p.name', direction: 'asc' },
      'p.id',
    );
    yield* presentedInBatches(sorted, async (batch) => {
      const names = await this.namesFor(this.db, batch);
      return batch.map((row) => toListItem(row, names, originShown(viewer.scope, ctx, row)));
    });
  }

  async get(ctx: RequestContext, id: string): Promise<PartnerDetail> {
    const row = await visiblePartner(this.db, await viewerOf(ctx), id);
    return this.detail(this.db, ctx, row, await abilitiesOf(ctx));
  }

  async create(ctx: RequestContext, input: PartnerCreate): Promise<PartnerDetail> {
    await this.prepareCreate(ctx);
    return this.db.transaction().execute((trx) => this.createIn(trx, ctx, input));
  }

  /**
   * Resolves the caller's partner scopes before a transaction that creates partners: resolving one
   * reads the organisation, and inside a transaction on SQLite's one connection that read would
   * wait for the transaction forever.
   */
  async prepareCreate(ctx: RequestContext): Promise<void> {
    await ctx.access.require('partner.manage');
    await abilitiesOf(ctx);
  }

  /**
   * Creates a partner inside the caller's transaction (a contract import creating the counterparties
   * its rows name): the same checks (permission, scope, credit code, uniqueness) and audit as
   * create. Call prepareCreate before the transaction.
   */
  async createIn(trx: Db, ctx: RequestContext, input: PartnerCreate): Promise<PartnerDetail> {
    const scope = await ctx.access.require('partner.manage');
    const creditCode = this.creditCode(ctx, input.creditCode, input.type);
    const abilities = await abilitiesOf(ctx);
    const entityId = input.entityId ?? ctx.actor?.actingEntityId;
    if (!entityId) throw invalidReference('entity');
    const home = ctx.actor ? await this.directory.homeOf(trx, ctx.actor.userId) : null;
    const departmentId = home && home.entityId === entityId ? home.departmentId : null;
    const allowed =
      isInScope(scope, { entityId }) ||
      (entityId === ctx.actor?.actingEntityId &&
        isInScope(scope, { departmentId, ownerId: ctx.actor?.userId ?? null }));
    if (!allowed) throw invalidReference('entity');
    if (!(await this.directory.entityNames(trx, [entityId])).has(entityId)) throw invalidReference('entity');
    await this.assertUniqueCode(trx, creditCode, null);
    const now = this.clock.now().toISOString();
    const row: PartnerTable = {
      id: newId(),
      name: input.name,
      credit_code: creditCode,
      is_customer: input.kinds.includes('customer'),
      is_supplier: input.kinds.includes('supplier'),
      type: input.type,
      industry: input.industry,
      region: input.region,
      address: input.address || null,
      rating: null,
      remarks: input.remarks || null,
      entity_id: entityId,
      department_id: departmentId,
      owner_id: ctx.actor?.userId ?? null,
      shared_with_group: input.sharedWithGroup,
      blacklisted: false,
      blacklist_reason: null,
      blacklisted_at: null,
      created_at: now,
      updated_at: now,
    };
    await repo.insertPartner(trx, row);
    const after = (await repo.findPartner(trx, row.id))!;
    await this.audit.record(trx, ctx, {
      entityType: 'partner',
      entityId: row.id,
      action: 'create',
      after: partnerSnapshot(after),
    });
    return this.detail(trx, ctx, after, abilities);
  }

  async update(ctx: RequestContext, id: string, input: PartnerUpdate): Promise<PartnerDetail> {
    const access = await changeAccess(ctx, 'partner.manage');
    return this.db.transaction().execute(async (trx) => {
      const before = await changeablePartner(trx, ctx, access, id);
      const type = (input.type ?? before.type) as PartnerType;
      const creditCode =
        input.creditCode !== undefined || input.type !== undefined
          ? this.creditCode(ctx, input.creditCode !== undefined ? input.creditCode : before.credit_code, type)
          : before.credit_code;
      await this.assertUniqueCode(trx, creditCode, id);
      await repo.updatePartner(trx, id, {
        ...(input.name !== undefined && { name: input.name }),
        credit_code: creditCode,
        ...(input.kinds !== undefined && {
          is_customer: input.kinds.includes('customer'),
          is_supplier: input.kinds.includes('supplier'),
        }),
        type,
        ...(input.industry !== undefined && { industry: input.industry }),
        ...(input.region !== undefined && { region: input.region }),
        ...(input.address !== undefined && { address: input.address || null }),
        ...(input.remarks !== undefined && { remarks: input.remarks || null }),
        ...(input.sharedWithGroup !== undefined && { shared_with_group: input.sharedWithGroup }),
        updated_at: this.clock.now().toISOString(),
      });
      const after = (await repo.findPartner(trx, id))!;
      await this.audit.record(trx, ctx, {
        entityType: 'partner',
        entityId: id,
        action: 'update',
        before: partnerSnapshot(before),
        after: partnerSnapshot(after),
      });
      return this.detail(trx, ctx, after, access.abilities);
    });
  }

  /** Puts a partner on the blacklist: it can no longer be used on a new contract. */
  async blacklist(ctx: RequestContext, id: string, reason: string): Promise<PartnerDetail> {
    return this.setBlacklisted(ctx, id, reason, true);
  }

  async restore(ctx: RequestContext, id: string, reason: string): Promise<PartnerDetail> {
    return this.setBlacklisted(ctx, id, reason, false);
  }

  /**
   * For a new contract of `signingEntityId`, inside the contract's transaction: the partner with
   * its bank accounts. Refuses with INVALID_REFERENCE ('partner') when the caller may not see it or
   * the signing entity may not use it (neither its own nor shared), and with PARTNER_BLACKLISTED.
   * Resolve the caller's `partner.view` scope (`ctx.access.require`) before the transaction opens:
   * resolving it may read the organisation through the root connection (one connection on SQLite).
   */
  async forContract(
    trx: Db,
    ctx: RequestContext,
    partnerId: string,
    signingEntityId: string,
  ): Promise<PartnerForContract> {
    const row = await repo.findPartner(trx, partnerId);
    if (!row || !(await repo.isVisible(trx, await referrerOf(ctx), partnerId)))
      throw invalidReference('partner');
    if (
      !usableBy(
        { entityId: row.entity_id, sharedWithGroup: readBool(row.shared_with_group) },
        signingEntityId,
      )
    ) {
      throw invalidReference('partner');
    }
    if (readBool(row.blacklisted)) throw new AppError('PARTNER_BLACKLISTED', { name: row.name });
    const accounts = await repo.bankAccountsOf(trx, [partnerId]);
    return {
      id: row.id,
      name: row.name,
      creditCode: row.credit_code,
      bankAccounts: accounts.map((a) => {
        const { id, bankName, accountName, accountNumber, isDefault } = toBankAccount(a);
        return { id, bankName, accountName, accountNumber, isDefault };
      }),
    };
  }

  /** Ids of blacklisted partners and of partners with an expired qualification (group oversight; no access check: ids only). */
  flaggedIds(db: Db, today: string): Promise<{ blacklisted: string[]; unqualified: string[] }> {
    return repo.flaggedPartnerIds(db, today);
  }

  /** The partner's rating (A–D, from evaluations), or null; undefined when there is no such partner. */
  async ratingOf(db: Db, id: string): Promise<PartnerRating | null | undefined> {
    const row = await repo.findPartner(db, id);
    return row ? (row.rating as PartnerRating | null) : undefined;
  }

  /** Sets the rating inside the caller's transaction (evaluations decide it; they check access). */
  async setRating(trx: Db, ctx: RequestContext, id: string, rating: PartnerRating | null): Promise<void> {
    const before = await repo.findPartner(trx, id);
    if (!before) throw invalidReference('partner');
    if (before.rating === rating) return;
    await repo.updatePartner(trx, id, { rating, updated_at: this.clock.now().toISOString() });
    await this.audit.record(trx, ctx, {
      entityType: 'partner',
      entityId: id,
      action: 'rate',
      changes: [{ field: 'rating', old: before.rating, new: rating }],
    });
  }

  /** Lets whoever may see a partner read the files attached to its qualifications. */
  async canReadFile(db: Db, ctx: RequestContext, fileId: string): Promise<boolean> {
    if (!ctx.actor || !ctx.access.has('partner.view')) return false;
    const viewer = await viewerOf(ctx);
    for (const partnerId of await repo.partnersWithFile(db, fileId)) {
      if (await repo.isVisible(db, viewer, partnerId)) return true;
    }
    return false;
  }

  private async setBlacklisted(
    ctx: RequestContext,
    id: string,
    reason: string,
    blacklisted: boolean,
  ): Promise<PartnerDetail> {
    const access = await changeAccess(ctx, 'partner.blacklist');
    return this.db.transaction().execute(async (trx) => {
      const before = await changeablePartner(trx, ctx, access, id);
      if (readBool(before.blacklisted) === blacklisted) {
        const zh = ctx.locale === 'zh-CN';
        const detail = blacklisted
          ? zh
            ? '该合作伙伴已在黑名单中'
            : 'the partner is already blacklisted'
          : zh
            ? '该合作伙伴不在黑名单中'
            : 'the partner is not blacklisted';
        throw new AppError('VALIDATION_FAILED', { detail });
      }
      const now = this.clock.now().toISOString();
      await repo.updatePartner(trx, id, {
        blacklisted,
        blacklist_reason: blacklisted ? reason : null,
        blacklisted_at: blacklisted ? now : null,
        updated_at: now,
      });
      await repo.insertBlacklistLog(trx, {
        id: newId(),
        partner_id: id,
        action: blacklisted ? 'blacklist' : 'restore',
        reason,
        actor_id: ctx.actor?.userId ?? null,
        at: now,
      });
      const after = (await repo.findPartner(trx, id))!;
      await this.audit.record(trx, ctx, {
        entityType: 'partner',
        entityId: id,
        action: blacklisted ? 'blacklist' : 'restore',
        before: partnerSnapshot(before),
        after: { ...partnerSnapshot(after), reason },
      });
      return this.detail(trx, ctx, after, access.abilities);
    });
  }

  private creditCode(ctx: RequestContext, raw: string | null | undefined, type: PartnerType): string | null {
    const check = checkCreditCode(raw, type);
    if (check.ok) return check.creditCode;
    const detail = creditCodeCheckText(check.issue, ctx.locale);
    throw new AppError('PARTNER_CREDIT_CODE_INVALID', { detail }, [{ path: 'creditCode', message: detail }]);
  }

  private async assertUniqueCode(trx: Db, creditCode: string | null, self: string | null): Promise<void> {
    if (!creditCode) return;
    const existing = await repo.findByCreditCode(trx, creditCode);
    if (existing && existing.id !== self) throw duplicate('credit code', creditCode);
  }

  private namesFor(db: Db, rows: PartnerTable[]): Promise<Names> {
    return namesOf(db, this.directory, rows);
  }

  private detail(
    db: Db,
    ctx: RequestContext,
    row: PartnerTable,
    abilities: Abilities,
  ): Promise<PartnerDetail> {
    return partnerDetail(db, this.directory, ctx, row, abilities);
  }
}
