import type { FormField } from '@concord/contracts';
import { createContext, useContext } from 'react';
import type { AddableType, Anchor } from './flowTree';
import type { RoleNames } from './summaries';

/** What is open in the settings drawer: a node, or one branch of a branch node. */
export type Selection = { nodeId: string; branchId?: string } | null;

export interface DesignerContextValue {
  readOnly: boolean;
  selection: Selection;
  /** Validation messages by node or branch id, shown on the cards. */
  errors: ReadonlyMap<string, string[]>;
  /** The bound form's fields (conditions, field permissions); empty for non-form business types. */
  fields: FormField[];
  /** Role names by code, so cards read 角色：法务 rather than the stored code. */
  roleNames: RoleNames;
  select: (selection: Selection) => void;
  add: (anchor: Anchor, type: AddableType) => void;
  remove: (nodeId: string) => void;
  addBranch: (nodeId: string) => void;
  removeBranch: (nodeId: string, branchId: string) => void;
}

// The canvas is recursive; a context spares every level from passing the same handlers down.
export const DesignerContext = createContext<DesignerContextValue | null>(null);

export function useDesigner(): DesignerContextValue {
  const value = useContext(DesignerContext);
  if (!value) throw new Error('useDesigner() outside the flow designer');
  return value;
}
