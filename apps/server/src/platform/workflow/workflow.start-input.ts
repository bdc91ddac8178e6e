import type { Currency } from '@concord/contracts';
import type { Effect } from './workflow.commands.js';
import { HOME_CURRENCY } from '@concord/contracts';
import type { WorkflowState } from './workflow.state.js';
import type { WfInstanceTable } from './workflow.tables.js';

/** Business type of a sub-process node's child instance; its subject id is `parentId:nodeInstanceId`. */
export const SUBPROCESS_BUSINESS_TYPE = 'workflow.subprocess';

/** What a document's service gives the engine to start its approval. */
export interface StartInput {
  businessType: string;
  subjectId: string;
  title: string;
  entityId: string;
  departmentId: string | null;
  /** The document's amount in minor units of `currency`; null when it has none. */
  amount: number | null;
  /**
   * The currency of the document's amounts (its money fields): amount ranges and amount conditions
   * stated in another currency are never compared with them (ADR 0007).
   */
  currency: Currency;
  category: string | null;
  formData: Record<string, unknown>;
  selections?: Record<string, string[]>;
  /** Use the published flow with this key instead of matching bindings (a contract category's own flow). */
  flowKey?: string | null;
}

/**
 * The start of a sub-process node's child (effect startSubprocess): in the parent's entity and
 * department, titled after the parent and the node, with the node's mapped form.
 */
export function childStartInput(
  state: WorkflowState,
  row: WfInstanceTable | undefined,
  effect: Extract<Effect, { kind: 'startSubprocess' }>,
): StartInput {
  const parent = state.instance;
  const nodeName = state.graph.nodes[effect.nodeId]?.name ?? effect.nodeId;
  return {
    businessType: SUBPROCESS_BUSINESS_TYPE,
    subjectId: `${parent.id}:${effect.nodeInstanceId}`,
    title: `${parent.title} / ${nodeName}`.slice(0, 200),
    entityId: parent.entityId!,
    departmentId: row?.department_id ?? parent.initiatorDeptId,
    amount: null,
    // The child's amounts come from the parent's form: they are in the parent's currency.
    currency: (parent.currency ?? HOME_CURRENCY) as Currency,
    category: null,
    formData: effect.formData,
  };
}
