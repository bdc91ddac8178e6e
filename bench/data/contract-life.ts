import type { ApprovalRows, ContractApprovals } from './approvals.js';
import type { AuditEvent } from './audit.js';
import { contractWithPlan } from './contracts.js';
import { type Execution, execute } from './execution.js';
import { partnerTaxId } from './invoices.js';
import { instantOn } from './payments.js';
import type { Random } from './random.js';
import type { DemoWorld } from './world.js';

/**
 * One generated contract with everything that hangs off it, in the order its life went: drafted,
 * submitted and approved through the engine (approvals.ts), signed, executed (payments, invoices,
 * deliveries and the figures they add up to: execution.ts), then completed, terminated or voided.
 * The audit events are those the contract module records at each step (contracts.lifecycle.ts),
 * with the instants of the rows they describe; the caller chains them (audit.ts).
 */
export interface ContractLife {
  contract: ReturnType<typeof contractWithPlan>['contract'];
  items: ReturnType<typeof contractWithPlan>['items'];
  approval: ApprovalRows | null;
  execution: Execution;
  events: AuditEvent[];
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

/** Why a contract left the register early or ended, as its owner writes it (status_reason). */
const reasons = {
  complete: '款项结清，合同履行完毕',
  terminate: '双方协商一致提前终止',
  void: '项目取消，合同不再签订',
} as const;

export function contractLife(
  random: Random,
  world: DemoWorld,
  approvals: ContractApprovals,
  n: number,
  now: Date,
): ContractLife {
  const { contract, items, partnerIndex, signDay } = contractWithPlan(random, world, n);
  const nowMs = now.getTime();
  const notAfterNow = (ms: number) => Math.min(ms, nowMs);
  const actor = { actorId: contract.owner_id, actingEntityId: contract.entity_id };
  const events: AuditEvent[] = [];
  const record = (at: string, action: string, changes: AuditEvent['changes'], actorId = actor.actorId) =>
    events.push({ ...actor, actorId, at, entityType: 'contract', entityId: contract.id, action, changes });

  // Registered as a draft: the fields the register form fills (diffFields of `auditable`, sorted).
  record(contract.created_at, 'create', [
    ...Object.entries({
      amount: contract.amount,
      categoryId: contract.category_id,
      currency: contract.currency,
      departmentId: contract.department_id,
      endDate: contract.end_date,
      entityId: contract.entity_id,
      name: contract.name,
      ownerId: contract.owner_id,
      partnerId: contract.partner_id,
      partnerName: contract.partner_name,
      startDate: contract.start_date,
      status: 'DRAFT',
    }).map(([field, value]) => ({ field, old: null, new: value })),
  ]);

  let approval: ApprovalRows | null = null;
  let lastAt = Date.parse(contract.created_at);
  if (contract.status !== 'DRAFT') {
    // Submitted minutes to hours after registering; the engine's own states (approvals.ts).
    const submitted = lastAt + random.int(10 * 60_000, 4 * HOUR);
    const category = world.categoryFacts.get(contract.category_id);
    approval = approvals.instanceFor(
      random,
      contract,
      approvalFormData(contract, category ?? { code: '', name: '' }, world.template.body),
      contract.status === 'IN_APPROVAL',
      iso(submitted),
    );
    contract.instance_id = approval.instance.id as string;
    // An owner whose approval has no step left for anyone else is approved at submit: the engine
    // ends the instance at once, so such a contract cannot be waiting in approval.
    if (contract.status === 'IN_APPROVAL' && approval.instance.status !== 'RUNNING')
      contract.status = 'APPROVED';
    record(iso(submitted), 'submit', [
      { field: 'status', old: 'DRAFT', new: 'IN_APPROVAL' },
      { field: 'number', old: null, new: contract.number },
      { field: 'version', old: 0, new: 1 },
    ]);
    lastAt = Date.parse(approval.instance.updated_at as string);
    if (approval.finishedAt) {
      record(
        approval.finishedAt,
        'approved',
        [{ field: 'status', old: 'IN_APPROVAL', new: 'APPROVED' }],
        approval.lastActor,
      );
    }
  }

  if (contract.sign_date) {
    // Signed on its sign date, after the approval (an approval may run past a short lead time).
    const signedAt = Math.max(Date.parse(instantOn(random, signDay)), lastAt + HOUR);
    lastAt = notAfterNow(signedAt);
    record(iso(lastAt), 'sign', [
      { field: 'signDate', old: null, new: contract.sign_date },
      { field: 'signedAmount', old: null, new: contract.signed_amount },
      { field: 'status', old: 'APPROVED', new: 'IN_FORCE' },
    ]);
  }

  const entity = world.entityFacts.get(contract.entity_id) ?? { name: '', taxId: '' };
  const execution = execute(
    random,
    contract,
    items,
    {
      partnerTaxId: partnerTaxId(partnerIndex),
      partnerName: contract.partner_name,
      entityTaxId: entity.taxId,
      entityName: entity.name,
      contractLabel: contract.number ?? contract.name,
    },
    world.today,
    world.pastDueDay,
  );
  for (const row of [...execution.payments, ...execution.invoices, ...execution.deliveries]) {
    lastAt = Math.max(lastAt, Date.parse(row.updated_at));
  }

  const close = (event: keyof typeof reasons, from: string, at: number) => {
    lastAt = notAfterNow(Math.max(at, lastAt + HOUR));
    contract.status_reason = reasons[event];
    record(iso(lastAt), event, [
      { field: 'status', old: from, new: contract.status },
      { field: 'statusReason', old: null, new: reasons[event] },
    ]);
  };
  if (contract.status === 'COMPLETED') close('complete', 'IN_FORCE', lastAt + random.int(1, 15) * DAY);
  else if (contract.status === 'TERMINATED') {
    // Ended some time into its term, after what was paid on it.
    const end = Math.min(Date.parse(`${contract.end_date}T00:00:00Z`), nowMs);
    close('terminate', 'IN_FORCE', lastAt + random.next() * Math.max(0, end - lastAt));
  } else if (contract.status === 'VOIDED') close('void', 'APPROVED', lastAt + random.int(1, 20) * DAY);

  contract.updated_at = iso(lastAt);
  return { contract, items, approval, execution, events };
}

/** contracts.drafts.ts approvalFormData: what the approval's form shows and its conditions read. */
function approvalFormData(
  contract: ContractLife['contract'],
  category: { code: string; name: string },
  /** Every generated contract has the template's body. */
  body: unknown,
): Record<string, unknown> {
  return {
    number: contract.number,
    name: contract.name,
    category: category.code,
    categoryName: category.name,
    direction: contract.direction,
    partnerName: contract.partner_name,
    amount: contract.amount,
    taxRate: contract.tax_rate,
    startDate: contract.start_date,
    endDate: contract.end_date,
    body,
    attachments: [],
  };
}
