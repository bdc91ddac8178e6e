import {
  addDays,
  businessDate,
  type Page,
  type PartnerBankAccount,
  type PartnerContact,
  type PartnerExpiringQualification,
  type PartnerQualification,
  qualificationDaysLeft,
  type partnerBankAccountInputSchema,
  type partnerBankAccountUpdateSchema,
  type partnerContactInputSchema,
  type partnerContactUpdateSchema,
  type partnerQualificationInputSchema,
  type partnerQualificationUpdateSchema,
} from '@concord/contracts';
import type { z } from 'zod';
import { type Db, newId, readBool } from '../../db/index.js';
import type { AuditService } from '../../platform/audit/index.js';
import {
  AppError,
  fetchPage,
  invalidReference,
  notFound,
  type RequestContext,
} from '../../platform/http/index.js';
import type { Clock } from '../../platform/jobs/index.js';
import {
  type ChangeAccess,
  changeAccess,
  changeablePartner,
  viewerOf,
  warmAllScopes,
} from './partners.access.js';
import { readDate, toBankAccount, toContact, toQualification } from './partners.mappers.js';
import type { PartnerDirectory } from './partners.ports.js';
import * as repo from './partners.repository.js';
import type {
  PartnerBankAccountTable,
  PartnerContactTable,
  PartnerQualificationTable,
} from './partners.tables.js';

type BankAccountInput = z.infer<typeof partnerBankAccountInputSchema>;
type BankAccountUpdate = z.infer<typeof partnerBankAccountUpdateSchema>;
type ContactInput = z.infer<typeof partnerContactInputSchema>;
type ContactUpdate = z.infer<typeof partnerContactUpdateSchema>;
type QualificationInput = z.infer<typeof partnerQualificationInputSchema>;
type QualificationUpdate = z.infer<typeof partnerQualificationUpdateSchema>;

/** Account numbers are kept without spaces or dashes, in upper case, however they were typed. */
const digits = (accountNumber: string) => accountNumber.replace(/[\s-]/g, '').toUpperCase();

/**
 * A partner's bank accounts, contacts and qualifications (资质). Whoever may manage the partner
 * manages them; each change is audited on the partner.
 */
export class PartnerRecordsService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly directory: Pick<PartnerDirectory, 'visibleFileIds' | 'fileNames'>,
    private readonly clock: Clock,
  ) {}

  // ---- bank accounts ----

  async addBankAccount(
    ctx: RequestContext,
    partnerId: string,
    input: BankAccountInput,
  ): Promise<PartnerBankAccount> {
    const access = await changeAccess(ctx, 'partner.manage');
    return this.db.transaction().execute(async (trx) => {
      await changeablePartner(trx, ctx, access, partnerId);
      const first = (await repo.bankAccountsOf(trx, [partnerId])).length === 0;
      const now = this.clock.now().toISOString();
      const row: PartnerBankAccountTable = {
        id: newId(),
        partner_id: partnerId,
        bank_name: input.bankName,
        account_name: input.accountName,
        account_number: digits(input.accountNumber),
        is_default: first || input.isDefault,
        created_at: now,
        updated_at: now,
      };
      await repo.insertBankAccount(trx, row);
      if (readBool(row.is_default)) await repo.clearDefaultAccount(trx, partnerId, row.id);
      await this.record(trx, ctx, partnerId, 'addBankAccount', null, accountSnapshot(row));
      return toBankAccount((await repo.findBankAccount(trx, row.id))!);
    });
  }

  async updateBankAccount(
    ctx: RequestContext,
    id: string,
    input: BankAccountUpdate,
  ): Promise<PartnerBankAccount> {
    const access = await changeAccess(ctx, 'partner.manage');
    return this.db.transaction().execute(async (trx) => {
      const before = await this.child(trx, ctx, access, id, repo.findBankAccount);
      // The default account stays one: it is changed by making another the default.
      if (input.isDefault === false && readBool(before.is_default)) {
        throw new AppError('VALIDATION_FAILED', {
          detail:
            ctx.locale === 'zh-CN'
              ? '请将另一个账户设为默认账户'
              : 'make another account the default instead',
        });
      }
      await repo.updateBankAccount(trx, id, {
        ...(input.bankName !== undefined && { bank_name: input.bankName }),
        ...(input.accountName !== undefined && { account_name: input.accountName }),
        ...(input.accountNumber !== undefined && { account_number: digits(input.accountNumber) }),
        ...(input.isDefault !== undefined && { is_default: input.isDefault }),
        updated_at: this.clock.now().toISOString(),
      });
      if (input.isDefault) await repo.clearDefaultAccount(trx, before.partner_id, id);
      const after = (await repo.findBankAccount(trx, id))!;
      await this.record(
        trx,
        ctx,
        before.partner_id,
        'updateBankAccount',
        accountSnapshot(before),
        accountSnapshot(after),
      );
      return toBankAccount(after);
    });
  }

  async removeBankAccount(ctx: RequestContext, id: string): Promise<void> {
    const access = await changeAccess(ctx, 'partner.manage');
    await this.db.transaction().execute(async (trx) => {
      const before = await this.child(trx, ctx, access, id, repo.findBankAccount);
      await repo.deleteBankAccount(trx, id);
      if (readBool(before.is_default)) {
        const [next] = await repo.bankAccountsOf(trx, [before.partner_id]);
        if (next)
          await repo.updateBankAccount(trx, next.id, {
            is_default: true,
            updated_at: this.clock.now().toISOString(),
          });
      }
      await this.record(trx, ctx, before.partner_id, 'removeBankAccount', accountSnapshot(before), null);
    });
  }

  // ---- contacts ----

  async addContact(ctx: RequestContext, partnerId: string, input: ContactInput): Promise<PartnerContact> {
    const access = await changeAccess(ctx, 'partner.manage');
    return this.db.transaction().execute(async (trx) => {
      await changeablePartner(trx, ctx, access, partnerId);
      const now = this.clock.now().toISOString();
      const row: PartnerContactTable = {
        id: newId(),
        partner_id: partnerId,
        name: input.name,
        role: input.role || null,
        position: input.position || null,
        phone: input.phone || null,
        email: input.email || null,
        created_at: now,
        updated_at: now,
      };
      await repo.insertContact(trx, row);
      await this.record(trx, ctx, partnerId, 'addContact', null, contactSnapshot(row));
      return toContact((await repo.findContact(trx, row.id))!);
    });
  }

  async updateContact(ctx: RequestContext, id: string, input: ContactUpdate): Promise<PartnerContact> {
    const access = await changeAccess(ctx, 'partner.manage');
    return this.db.transaction().execute(async (trx) => {
      const before = await this.child(trx, ctx, access, id, repo.findContact);
      await repo.updateContact(trx, id, {
        ...(input.name !== undefined && { name: input.name }),
        ...(input.role !== undefined && { role: input.role || null }),
        ...(input.position !== undefined && { position: input.position || null }),
        ...(input.phone !== undefined && { phone: input.phone || null }),
        ...(input.email !== undefined && { email: input.email || null }),
        updated_at: this.clock.now().toISOString(),
      });
      const after = (await repo.findContact(trx, id))!;
      await this.record(
        trx,
        ctx,
        before.partner_id,
        'updateContact',
        contactSnapshot(before),
        contactSnapshot(after),
      );
      return toContact(after);
    });
  }

  async removeContact(ctx: RequestContext, id: string): Promise<void> {
    const access = await changeAccess(ctx, 'partner.manage');
    await this.db.transaction().execute(async (trx) => {
      const before = await this.child(trx, ctx, access, id, repo.findContact);
      await repo.deleteContact(trx, id);
      await this.record(trx, ctx, before.partner_id, 'removeContact', contactSnapshot(before), null);
    });
  }

  // ---- qualifications ----

  async addQualification(
    ctx: RequestContext,
    partnerId: string,
    input: QualificationInput,
  ): Promise<PartnerQualification> {
    const access = await changeAccess(ctx, 'partner.manage');
    if (input.attachmentFileId) await warmAllScopes(ctx);
    return this.db.transaction().execute(async (trx) => {
      await changeablePartner(trx, ctx, access, partnerId);
      checkValidity(ctx, input.validFrom, input.validTo);
      await this.assertFile(trx, ctx, input.attachmentFileId);
      const now = this.clock.now().toISOString();
      const row: PartnerQualificationTable = {
        id: newId(),
        partner_id: partnerId,
        type: input.type,
        number: input.number || null,
        valid_from: input.validFrom,
        valid_to: input.validTo,
        attachment_file_id: input.attachmentFileId,
        created_at: now,
        updated_at: now,
      };
      await repo.insertQualification(trx, row);
      await this.record(trx, ctx, partnerId, 'addQualification', null, qualificationSnapshot(row));
      return this.toQualification(trx, (await repo.findQualification(trx, row.id))!);
    });
  }

  async updateQualification(
    ctx: RequestContext,
    id: string,
    input: QualificationUpdate,
  ): Promise<PartnerQualification> {
    const access = await changeAccess(ctx, 'partner.manage');
    if (input.attachmentFileId) await warmAllScopes(ctx);
    return this.db.transaction().execute(async (trx) => {
      const before = await this.child(trx, ctx, access, id, repo.findQualification);
      checkValidity(
        ctx,
        input.validFrom !== undefined ? input.validFrom : readDate(before.valid_from),
        input.validTo !== undefined ? input.validTo : readDate(before.valid_to),
      );
      if (input.attachmentFileId && input.attachmentFileId !== before.attachment_file_id) {
        await this.assertFile(trx, ctx, input.attachmentFileId);
      }
      await repo.updateQualification(trx, id, {
        ...(input.type !== undefined && { type: input.type }),
        ...(input.number !== undefined && { number: input.number || null }),
        ...(input.validFrom !== undefined && { valid_from: input.validFrom }),
        ...(input.validTo !== undefined && { valid_to: input.validTo }),
        ...(input.attachmentFileId !== undefined && { attachment_file_id: input.attachmentFileId }),
        updated_at: this.clock.now().toISOString(),
      });
      const after = (await repo.findQualification(trx, id))!;
      await this.record(
        trx,
        ctx,
        before.partner_id,
        'updateQualification',
        qualificationSnapshot(before),
        qualificationSnapshot(after),
      );
      return this.toQualification(trx, after);
    });
  }

  async removeQualification(ctx: RequestContext, id: string): Promise<void> {
    const access = await changeAccess(ctx, 'partner.manage');
    await this.db.transaction().execute(async (trx) => {
      const before = await this.child(trx, ctx, access, id, repo.findQualification);
      await repo.deleteQualification(trx, id);
      await this.record(
        trx,
        ctx,
        before.partner_id,
        'removeQualification',
        qualificationSnapshot(before),
        null,
      );
    });
  }

  /** A child record whose partner the caller may manage; 404 when it is missing or out of sight. */
  private async child<T extends { partner_id: string }>(
    trx: Db,
    ctx: RequestContext,
    access: ChangeAccess,
    id: string,
    find: (db: Db, id: string) => Promise<T | undefined>,
  ): Promise<T> {
    const row = await find(trx, id);
    if (!row) throw notFound();
    await changeablePartner(trx, ctx, access, row.partner_id);
    return row;
  }

  private async assertFile(trx: Db, ctx: RequestContext, fileId: string | null): Promise<void> {
    if (fileId && !(await this.directory.visibleFileIds(trx, ctx, [fileId])).has(fileId)) {
      throw invalidReference('file');
    }
  }

  /**
   * The qualifications ending within `days` from today (Beijing date) of the partners the caller
   * sees under `partner.view` (shared, in scope, or registered by them), soonest first, paged.
   */
  async expiring(
    ctx: RequestContext,
    query: { days: number; page: number; pageSize: number },
  ): Promise<Page<PartnerExpiringQualification>> {
    const viewer = await viewerOf(ctx);
    const today = businessDate(this.clock.now());
    const rows = repo.visibleQualificationsEndingBetween(this.db, viewer, today, addDays(today, query.days));
    return fetchPage(rows, query, (row) => {
      const validTo = readDate(row.valid_to)!;
      return {
        id: row.id,
        partnerId: row.partner_id,
        partnerName: row.partner_name,
        type: row.type,
        number: row.number,
        validTo,
        daysLeft: qualificationDaysLeft(today, validTo),
      };
    });
  }

  private async toQualification(db: Db, row: PartnerQualificationTable): Promise<PartnerQualification> {
    const files = await this.directory.fileNames(db, row.attachment_file_id ? [row.attachment_file_id] : []);
    return toQualification(row, files);
  }

  private record(
    trx: Db,
    ctx: RequestContext,
    partnerId: string,
    action: string,
    before: Record<string, unknown> | null,
    after: Record<string, unknown> | null,
  ): Promise<void> {
    return this.audit.record(trx, ctx, { entityType: 'partner', entityId: partnerId, action, before, after });
  }
}

function checkValidity(ctx: RequestContext, from: string | null, to: string | null): void {
  if (from && to && from > to) {
    const message =
      ctx.locale === 'zh-CN' ? '有效期止不能早于有效期起' : 'valid to cannot be before valid from';
    throw new AppError('VALIDATION_FAILED', { detail: `validTo: ${message}` }, [
      { path: 'validTo', message },
    ]);
  }
}

const accountSnapshot = (row: PartnerBankAccountTable) => ({
  accountId: row.id,
  bankName: row.bank_name,
  accountName: row.account_name,
  accountNumber: row.account_number,
  isDefault: readBool(row.is_default),
});

const contactSnapshot = (row: PartnerContactTable) => ({
  contactId: row.id,
  contactName: row.name,
  role: row.role,
  position: row.position,
  phone: row.phone,
  email: row.email,
});

const qualificationSnapshot = (row: PartnerQualificationTable) => ({
  qualificationId: row.id,
  qualificationType: row.type,
  number: row.number,
  validFrom: readDate(row.valid_from),
  validTo: readDate(row.valid_to),
  attachmentFileId: row.attachment_file_id,
});
