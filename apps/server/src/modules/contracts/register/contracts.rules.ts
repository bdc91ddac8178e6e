import type { ContractAction, ContractStatus } from '@concord/contracts';
import { AppError } from '../../../platform/http/index.js';

/**
 * The contract's status machine. Each user action lists the statuses it may start from and where it
 * leads; the approval engine's outcomes are the `approved`, `rejected` and `withdrawn` events.
 */
const transitions = {
  edit: { from: ['DRAFT'], to: 'DRAFT' },
  delete: { from: ['DRAFT'], to: 'DRAFT' },
  submit: { from: ['DRAFT'], to: 'IN_APPROVAL' },
  approved: { from: ['IN_APPROVAL'], to: 'APPROVED' },
  rejected: { from: ['IN_APPROVAL'], to: 'DRAFT' },
  withdrawn: { from: ['IN_APPROVAL'], to: 'DRAFT' },
  sign: { from: ['APPROVED'], to: 'IN_FORCE' },
  complete: { from: ['IN_FORCE'], to: 'COMPLETED' },
  terminate: { from: ['IN_FORCE'], to: 'TERMINATED' },
  void: { from: ['DRAFT', 'APPROVED'], to: 'VOIDED' },
  change: { from: ['APPROVED', 'IN_FORCE'], to: null },
} satisfies Record<string, { from: ContractStatus[]; to: ContractStatus | null }>;

export type ContractEvent = keyof typeof transitions;

export function canTransition(status: ContractStatus, event: ContractEvent): boolean {
  return (transitions[event].from as ContractStatus[]).includes(status);
}

/** The status after `event`, or CONTRACT_ILLEGAL_TRANSITION naming the status and the refused step. */
export function nextStatus(status: ContractStatus, event: ContractEvent): ContractStatus {
  if (!canTransition(status, event)) {
    throw new AppError('CONTRACT_ILLEGAL_TRANSITION', {
      from: `contract.status.${status}`,
      action: `contract.action.${event}`,
    });
  }
  return transitions[event].to ?? status;
}

/** Which user actions a status allows, before permissions are considered. */
export function actionsFor(status: ContractStatus, hasPendingChange: boolean): ContractAction[] {
  const userActions: ContractAction[] = [
    'edit',
    'delete',
    'submit',
    'sign',
    'complete',
    'terminate',
    'void',
    'change',
  ];
  return userActions.filter(
    (action) => canTransition(status, action) && !(action === 'change' && hasPendingChange),
  );
}

/** Statuses in which a contract counts as signed (for plan execution and the ledger's signed amount). */
export const SIGNED_STATUSES: ContractStatus[] = ['IN_FORCE', 'COMPLETED', 'TERMINATED'];

/** Whole days from `today` to `endDate` (both YYYY-MM-DD); negative once past. */
export { daysBetween } from '@concord/contracts';

/** The facts a data scope judges a contract on. */
export const scopedFacts = (row: { entity_id: string; department_id: string; owner_id: string }) => ({
  entityId: row.entity_id,
  departmentId: row.department_id,
  ownerId: row.owner_id,
});
