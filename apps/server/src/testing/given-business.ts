import type { Services } from '../app.js';
import {
  archiveFactories,
  closingFactories,
  type ContractDraftInput,
  contractFactories,
  executionFactories,
} from '../modules/contracts/index.js';
import { invoiceFactories } from '../modules/invoices/index.js';
import { type PartnerFactoryInput, partnerFactories } from '../modules/partners/index.js';
import type { RequestContext } from '../platform/http/index.js';
import { buildWorld, type GivenWorld } from './given-world.js';

type Org = Parameters<typeof buildWorld>[1];
/** A factory's input: its third argument (after the services and the context). */
type InputOf<F extends (...args: any[]) => unknown> = NonNullable<Parameters<F>[2]>;
/** An execution factory's input: its fourth argument (after the services, the context and the contract). */
type ExecutionInputOf<F extends (...args: any[]) => unknown> = NonNullable<Parameters<F>[3]>;

let worlds = 0;

/**
 * The business modules' factories on a company of the test's own (`world()`, built on first use):
 * what a test does not say defaults to the world's registrar acting, its entity and department,
 * its categories and flows, and a fresh partner. `as` acts as someone else (a demo user, say).
 * Approvals are driven through the engine by whoever holds each open task.
 */
export class GivenBusiness {
  private worldOnce?: Promise<GivenWorld>;

  constructor(
    protected readonly services: Services,
    private readonly org: Org,
  ) {}

  /** The test's own company (one per test app). */
  world(): Promise<GivenWorld> {
    this.worldOnce ??= buildWorld(
      this.services,
      this.org,
      `${Date.now().toString(36)}${(worlds++).toString(36)}`.toUpperCase().slice(-6),
    );
    return this.worldOnce;
  }

  private async actor(as?: RequestContext): Promise<RequestContext> {
    return as ?? (await this.world()).registrar.ctx;
  }

  /**
   * Approves every open task of an instance as whoever holds it (each acting in the instance's
   * entity) until none is left: a document reaches "approved" through the engine, like any other.
   */
  async approve(instanceId: string): Promise<void> {
    const instance = await this.services.db
      .selectFrom('wf_instance')
      .select(['entity_id'])
      .where('id', '=', instanceId)
      .executeTakeFirstOrThrow();
    for (let round = 0; round < 20; round++) {
      const task = await this.services.db
        .selectFrom('wf_task')
        .select(['assignee_id'])
        .where('instance_id', '=', instanceId)
        .where('status', '=', 'PENDING')
        .orderBy('created_at')
        .orderBy('task_key')
        .executeTakeFirst();
      if (!task) return;
      const ctx = await this.services.auth.contextForUser(task.assignee_id, instance.entity_id, 'given');
      const detail = await this.services.workflowViews.detail(ctx, instanceId);
      if (!detail.myTask) throw new Error(`the holder of a pending task of ${instanceId} sees no task`);
      await this.services.workflow.act(ctx, instanceId, {
        action: 'approve',
        taskId: detail.myTask.taskId,
        comment: '同意',
      });
    }
    throw new Error(`approval ${instanceId} still has open tasks after 20 rounds`);
  }

  // ---- partners and invoices ----

  async partner(input: PartnerFactoryInput & { as?: RequestContext } = {}) {
    const { as, ...fields } = input;
    const { entityId } = await this.world();
    return partnerFactories.partner(this.services, await this.actor(as), { entityId, ...fields });
  }

  async invoice(input: InputOf<typeof invoiceFactories.invoice> & { as?: RequestContext } = {}) {
    const { as, ...fields } = input;
    const { entityId } = await this.world();
    return invoiceFactories.invoice(this.services, await this.actor(as), { entityId, ...fields });
  }

  // ---- the contract register ----

  /** A category (created by the system, as only the group may): the world's numbering rule unless told. */
  async contractCategory(input: InputOf<typeof contractFactories.contractCategory> = {}) {
    const { numberRuleId } = await this.world();
    return contractFactories.contractCategory(this.services, this.services.systemContext('given'), {
      numberRuleId,
      ...input,
    });
  }

  async planLine(input: Partial<InputOf<typeof contractFactories.planLine>> & { as?: RequestContext } = {}) {
    const { as, ...fields } = input;
    const world = await this.world();
    return contractFactories.planLine(this.services, await this.actor(as), {
      entityId: world.entityId,
      departmentId: world.departmentId,
      ...fields,
    });
  }

  /** What a contract draft defaults to in the world (an expense contract, a fresh partner). */
  private async draftInput(
    input: Partial<ContractDraftInput> & { as?: RequestContext; income?: boolean },
  ): Promise<{ ctx: RequestContext; draft: ContractDraftInput }> {
    const { as, income, ...fields } = input;
    const world = await this.world();
    const ctx = await this.actor(as);
    const partnerId =
      fields.partnerId ?? (await this.partner({ as: ctx, kinds: ['supplier', 'customer'] })).id;
    const draft: ContractDraftInput = {
      entityId: world.entityId,
      departmentId: world.departmentId,
      ownerId: ctx.actor?.userId ?? world.registrar.id,
      categoryId: income ? world.incomeCategoryId : world.expenseCategoryId,
      ...fields,
      partnerId,
    };
    return { ctx, draft };
  }

  /** A draft; `income: true` takes the world's income category. */
  async contract(input: Partial<ContractDraftInput> & { as?: RequestContext; income?: boolean } = {}) {
    const { ctx, draft } = await this.draftInput(input);
    return contractFactories.contract(this.services, ctx, draft);
  }

  /** A contract submitted, its approval waiting for the world's approver. */
  async submittedContract(input: Parameters<GivenBusiness['contract']>[0] = {}) {
    const { ctx, draft } = await this.draftInput(input);
    return contractFactories.submittedContract(this.services, ctx, draft);
  }

  async approvedContract(input: Parameters<GivenBusiness['contract']>[0] = {}) {
    const { ctx, draft } = await this.draftInput(input);
    return contractFactories.approvedContract(this.services, ctx, draft, {
      approve: (id) => this.approve(id),
    });
  }

  /** A contract in force: approved through the engine, signed by the registrar (or `as`). */
  async activeContract(input: Parameters<GivenBusiness['contract']>[0] & { signDate?: string } = {}) {
    const { signDate, ...rest } = input;
    const { ctx, draft } = await this.draftInput(rest);
    return contractFactories.activeContract(this.services, ctx, draft, {
      approve: (id) => this.approve(id),
      signDate,
    });
  }

  /** A change order of a contract in force, approved through the engine unless `pending`. */
  async changeOrder(
    contractId: string,
    input: Parameters<typeof contractFactories.changeOrder>[3] & { as?: RequestContext; pending?: boolean },
  ) {
    const { as, pending, ...fields } = input;
    return contractFactories.changeOrder(
      this.services,
      await this.actor(as),
      contractId,
      fields,
      pending ? undefined : { approve: (id) => this.approve(id) },
    );
  }

  // ---- execution ----

  async planItems(
    contractId: string,
    items?: ExecutionInputOf<typeof executionFactories.planItems>,
    as?: RequestContext,
  ) {
    return executionFactories.planItems(this.services, await this.actor(as), contractId, items);
  }

  /** A payment request in approval (the first plan item with room, all of it, unless told). */
  async paymentRequest(
    contractId: string,
    input: ExecutionInputOf<typeof executionFactories.paymentRequest> & { as?: RequestContext } = {},
  ) {
    const { as, ...fields } = input;
    return executionFactories.paymentRequest(this.services, await this.actor(as), contractId, fields);
  }

  /** A payment request approved through the engine and paid by the registrar (finance of the world). */
  async paidPayment(
    contractId: string,
    input: Parameters<typeof executionFactories.paidPayment>[3] & { as?: RequestContext } = {},
  ) {
    const { as, ...fields } = input;
    const ctx = await this.actor(as);
    return executionFactories.paidPayment(this.services, ctx, contractId, fields, {
      approve: (id) => this.approve(id),
      payer: (await this.world()).registrar.ctx,
    });
  }

  async receipt(
    contractId: string,
    input: ExecutionInputOf<typeof executionFactories.receipt> & { as?: RequestContext } = {},
  ) {
    const { as, ...fields } = input;
    return executionFactories.receipt(this.services, await this.actor(as), contractId, fields);
  }

  /** An invoice registered and linked to the contract for its whole total. */
  async contractInvoice(
    contractId: string,
    input: ExecutionInputOf<typeof executionFactories.contractInvoice> & { as?: RequestContext } = {},
  ) {
    const { as, ...fields } = input;
    return executionFactories.contractInvoice(this.services, await this.actor(as), contractId, fields);
  }

  // ---- closing and archive ----

  /** A delivery on the contract (¥100.00 today unless told), recorded by the registrar. */
  async delivery(
    contractId: string,
    input: ExecutionInputOf<typeof closingFactories.delivery> & { as?: RequestContext } = {},
  ) {
    const { as, ...fields } = input;
    return closingFactories.delivery(this.services, await this.actor(as), contractId, fields);
  }

  /** A delivery accepted (in full unless told). */
  async acceptance(
    delivered: Parameters<typeof closingFactories.acceptance>[2],
    input: ExecutionInputOf<typeof closingFactories.acceptance> & { as?: RequestContext } = {},
  ) {
    const { as, ...fields } = input;
    return closingFactories.acceptance(this.services, await this.actor(as), delivered, fields);
  }

  /** A settlement in approval at the contract's current amount (unless told). */
  async settlement(
    contractId: string,
    input: ExecutionInputOf<typeof closingFactories.settlement> & { as?: RequestContext } = {},
  ) {
    const { as, ...fields } = input;
    return closingFactories.settlement(this.services, await this.actor(as), contractId, fields);
  }

  /** The contract's evaluation, every criterion 90 unless told. */
  async evaluation(
    contractId: string,
    input: ExecutionInputOf<typeof closingFactories.evaluation> & { as?: RequestContext } = {},
  ) {
    const { as, ...fields } = input;
    return closingFactories.evaluation(this.services, await this.actor(as), contractId, fields);
  }

  /** The contract's archive record, kept by the registrar. */
  async archiveRecord(
    contractId: string,
    input: ExecutionInputOf<typeof archiveFactories.archiveRecord> & { as?: RequestContext } = {},
  ) {
    const { as, ...fields } = input;
    return archiveFactories.archiveRecord(this.services, await this.actor(as), contractId, fields);
  }

  /** A borrow of the contract's original by the registrar, due in a week. */
  async borrow(
    contractId: string,
    input: ExecutionInputOf<typeof archiveFactories.borrow> & { as?: RequestContext } = {},
  ) {
    const { as, ...fields } = input;
    return archiveFactories.borrow(this.services, await this.actor(as), contractId, fields);
  }

  /** A seal request in approval (two copies, contract seal, unless told). */
  async sealRequest(
    contractId: string,
    input: ExecutionInputOf<typeof archiveFactories.sealRequest> & { as?: RequestContext } = {},
  ) {
    const { as, ...fields } = input;
    return archiveFactories.sealRequest(this.services, await this.actor(as), contractId, fields);
  }
}
