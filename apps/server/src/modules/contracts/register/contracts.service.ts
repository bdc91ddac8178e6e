import {
  type Contract,
  type ContractStatus,
  contractCreateSchema,
  type contractUpdateSchema,
} from '@concord/contracts';
import type { z } from 'zod';
import { type Db, newId } from '../../../db/index.js';
import { AccessControl, isInScope } from '../../../platform/access/index.js';
import type { AuditService } from '../../../platform/audit/index.js';
import { AppError, notFound, type RequestContext } from '../../../platform/http/index.js';
import type { ContractPorts } from '../contracts.ports.js';
import type { ContractTable } from '../contracts.tables.js';
import {
  assertFiles,
  auditable,
  type ContractSetup,
  lockVisible,
  prepareDraft,
  type StoredAttachment,
  warmScopes,
} from './contracts.drafts.js';
import { presentContract } from './contracts.present.js';
import * as repo from './contracts.repository.js';
import { daysBetween, nextStatus, scopedFacts } from './contracts.rules.js';
import type { Clock } from '../../../platform/jobs/index.js';

type ContractUpdate = z.output<typeof contractUpdateSchema>;

/**
 * The contract register: reading contracts and keeping drafts (create, edit, delete), the files
 * attached to them and the API view. Every method checks the action permission and the data scope
 * first and writes in one transaction with its audit record. Submission, signing and closing are
 * the lifecycle's (contracts.lifecycle.ts).
 */
export class ContractsService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly ports: ContractPorts,
    private readonly setup: ContractSetup,
    private readonly clock: Clock,
  ) {}

  async get(ctx: RequestContext, id: string): Promise<Contract> {
    const scope = await ctx.access.require('contract.view');
    const row = await repo.findContract(this.db, id);
    if (!row) throw notFound();
    AccessControl.assertVisible(scope, scopedFacts(row));
    return this.present(this.db, ctx, row);
  }

  /** A contract the caller may see, for the other parts of the module (archive, seals, versions). */
  async visible(db: Db, ctx: RequestContext, id: string): Promise<ContractTable> {
    const scope = await ctx.access.require('contract.view');
    const row = await repo.findContract(db, id);
    if (!row) throw notFound();
    AccessControl.assertVisible(scope, scopedFacts(row));
    return row;
  }

  async create(ctx: RequestContext, input: z.input<typeof contractCreateSchema>): Promise<Contract> {
    const actor = ctx.actor;
    if (!actor) throw new AppError('UNAUTHENTICATED');
    const scope = await ctx.access.require('contract.create');
    await warmScopes(ctx);
    const parsed = contractCreateSchema.parse(input);
    return this.db.transaction().execute(async (trx) => {
      const entityId = parsed.entityId ?? actor.actingEntityId;
      const prepared = await prepareDraft(trx, ctx, scope, this.drafts(), { ...parsed, entityId });
      const now = this.clock.now().toISOString();
      const row: ContractTable = {
        id: newId(),
        number: null,
        ...prepared,
        signed_amount: null,
        status: 'DRAFT',
        version: 0,
        instance_id: null,
        pending_change_id: null,
        status_reason: null,
        imported: false,
        lock_version: 0,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      };
      await repo.insertContract(trx, row);
      await this.audit.record(trx, ctx, {
        entityType: 'contract',
        entityId: row.id,
        action: 'create',
        after: auditable(row),
      });
      return this.present(trx, ctx, row);
    });
  }

  /** Edits a draft as a whole (the category and signing entity stay). */
  async update(ctx: RequestContext, id: string, input: ContractUpdate): Promise<Contract> {
    const scope = await ctx.access.require('contract.create');
    await warmScopes(ctx);
    return this.db.transaction().execute(async (trx) => {
      const before = await lockVisible(trx, scope, id);
      nextStatus(before.status as ContractStatus, 'edit');
      if (before.lock_version !== input.lockVersion) throw new AppError('CONFLICT');
      const prepared = await prepareDraft(trx, ctx, scope, this.drafts(), {
        ...input,
        categoryId: before.category_id,
        entityId: before.entity_id,
      });
      const patch: Partial<ContractTable> = {
        ...prepared,
        lock_version: before.lock_version + 1,
        updated_at: this.clock.now().toISOString(),
      };
      await repo.updateContract(trx, id, patch);
      const after = { ...before, ...patch };
      await this.audit.record(trx, ctx, {
        entityType: 'contract',
        entityId: id,
        action: 'update',
        before: auditable(before),
        after: auditable(after),
      });
      return this.present(trx, ctx, after);
    });
  }

  /** A draft that was never submitted has no number yet, so deleting it leaves no gap. */
  async remove(ctx: RequestContext, id: string): Promise<void> {
    const scope = await ctx.access.require('contract.create');
    await this.db.transaction().execute(async (trx) => {
      const row = await lockVisible(trx, scope, id);
      nextStatus(row.status as ContractStatus, 'delete');
      if (row.number || row.version > 0) {
        throw new AppError('CONTRACT_ILLEGAL_TRANSITION', {
          from: 'contract.status.DRAFT',
          action: 'contract.action.delete',
        });
      }
      await repo.deleteContract(trx, id);
      await this.audit.record(trx, ctx, {
        entityType: 'contract',
        entityId: id,
        action: 'delete',
        before: auditable(row),
      });
    });
  }

  // ------------------------------------------------------------ shared with the module

  /** Checks that every attachment is a file the caller may see. */
  assertFiles(trx: Db, ctx: RequestContext, attachments: StoredAttachment[]): Promise<void> {
    return assertFiles(trx, ctx, this.ports, attachments);
  }

  /** The API view of a contract row, with names and what the caller may do now. */
  present(db: Db, ctx: RequestContext, row: ContractTable): Promise<Contract> {
    return presentContract(db, ctx, { ports: this.ports, setup: this.setup }, row);
  }

  /** Whoever may see a contract may read the files attached to it (the signed scan, annexes). */
  async mayReadFile(db: Db, ctx: RequestContext, fileId: string): Promise<boolean> {
    if (!ctx.access.has('contract.view')) return false;
    const scope = await ctx.access.require('contract.view');
    return (await repo.contractsWithFile(db, fileId)).some((row) => isInScope(scope, scopedFacts(row)));
  }

  /** Days to the end date for in-force contracts, by the app's clock. */
  daysToExpiry(row: Pick<ContractTable, 'status' | 'end_date'>): number | null {
    if (!row.end_date || (row.status !== 'IN_FORCE' && row.status !== 'APPROVED')) return null;
    return daysBetween(this.ports.today(), row.end_date);
  }

  private drafts() {
    return { ports: this.ports, setup: this.setup };
  }
}
