import type {
  WfApprovalNode,
  WfBranch,
  WfBranchNode,
  WfCcNode,
  WfDelayNode,
  WfFlow,
  WfNode,
  WfSubprocessNode,
  WfTriggerNode,
} from '@concord/contracts';

/*
 * Pure edits of the flow tree (WORKFLOW.md §3). Every edit clones the flow and changes the clone, so
 * React state stays immutable without a helper library; flows are small (dozens of nodes).
 */

export type AddableType =
  | 'approval'
  | 'handle'
  | 'cc'
  | 'condition'
  | 'parallel'
  | 'delay'
  | 'trigger'
  | 'subprocess';
/** Where a new node goes: after a node, or at the top of a branch column. */
export type Anchor = { nodeId: string } | { nodeId: string; branchId: string };
/** Holds a `next`: a node or a branch. */
type Holder = { next?: WfNode };

export interface DefaultNames {
  approval: string;
  handle: string;
  cc: string;
  condition: string;
  parallel: string;
  delay: string;
  trigger: string;
  subprocess: string;
  branch: (n: number) => string;
  defaultBranch: string;
}

/** Short random ids, unique enough inside one flow and valid for wfNodeIdSchema. */
export function newId(prefix: string): string {
  return `${prefix}_${Math.random().toString(36).slice(2, 8)}`;
}

export function emptyFlow(startName: string): WfFlow {
  return {
    schemaVersion: 1,
    settings: { dedupe: 'none', initiatorWithdraw: 'beforeFirstAction' },
    root: { id: 'start', type: 'start', name: startName },
  };
}

export function createNode(type: AddableType, names: DefaultNames): WfNode {
  if (type === 'approval' || type === 'handle') {
    const node: WfApprovalNode = {
      id: newId(type),
      type,
      name: names[type],
      // DingTalk's default approver: the initiator's direct supervisor.
      assignee: { supervisor: { level: 1, of: 'initiator' } },
      mode: 'or',
    };
    return node;
  }
  if (type === 'cc') {
    const node: WfCcNode = { id: newId('cc'), type, name: names.cc, assignee: { users: [] }, when: 'reach' };
    return node;
  }
  if (type === 'delay') {
    const node: WfDelayNode = { id: newId('delay'), type, name: names.delay, wait: { duration: 'PT1H' } };
    return node;
  }
  if (type === 'trigger') {
    // The URL is left empty on purpose: validation marks the node until the admin fills it in.
    const node: WfTriggerNode = {
      id: newId('trigger'),
      type,
      name: names.trigger,
      http: { method: 'POST', url: '' },
      retry: { maxAttempts: 3, backoff: 'PT1M' },
      onFail: 'halt',
    };
    return node;
  }
  if (type === 'subprocess') {
    // The child flow is left empty on purpose: validation marks the node until the admin picks one.
    const node: WfSubprocessNode = {
      id: newId('sub'),
      type,
      name: names.subprocess,
      definitionKey: '',
      wait: true,
    };
    return node;
  }
  // A condition node starts with one conditional branch and the default one (exactly one default
  // branch is what the compiler requires); a parallel node simply starts with two branches.
  const first: WfBranch = { id: newId('b'), name: names.branch(1), priority: 1 };
  const second: WfBranch =
    type === 'condition'
      ? { id: newId('b'), name: names.defaultBranch, priority: 2 }
      : { id: newId('b'), name: names.branch(2), priority: 2 };
  const node: WfBranchNode = { id: newId(type), type, name: names[type], branches: [first, second] };
  return node;
}

function walk(node: WfNode | undefined, visit: (node: WfNode) => boolean | undefined): boolean {
  for (let current = node; current; current = current.next) {
    if (visit(current)) return true;
    if ('branches' in current)
      for (const branch of current.branches) if (walk(branch.next, visit)) return true;
  }
  return false;
}

export function findNode(flow: WfFlow, id: string): WfNode | undefined {
  let found: WfNode | undefined;
  walk(flow.root, (node) => {
    if (node.id === id) found = node;
    return Boolean(found);
  });
  return found;
}

export function allNodes(flow: WfFlow): WfNode[] {
  const nodes: WfNode[] = [];
  walk(flow.root, (node) => {
    nodes.push(node);
    return false;
  });
  return nodes;
}

function holderOf(flow: WfFlow, anchor: Anchor): Holder | undefined {
  const node = findNode(flow, anchor.nodeId);
  if (!node) return undefined;
  if ('branchId' in anchor)
    return 'branches' in node ? node.branches.find((b) => b.id === anchor.branchId) : undefined;
  return node;
}

export function insertNode(flow: WfFlow, anchor: Anchor, node: WfNode): WfFlow {
  const copy = structuredClone(flow);
  const holder = holderOf(copy, anchor);
  if (!holder) return flow;
  node.next = holder.next;
  holder.next = node;
  return copy;
}

/** Removes a node (with everything inside its branches); the chain after it moves up. */
export function removeNode(flow: WfFlow, id: string): WfFlow {
  const copy = structuredClone(flow);
  const unlink = (holder: Holder) => {
    if (holder.next?.id !== id) return false;
    holder.next = holder.next.next;
    return true;
  };
  walk(copy.root, (node) => unlink(node) || ('branches' in node && node.branches.some(unlink)));
  return copy;
}

/** Replaces a node's own settings; its `next` and branch contents are kept as they are. */
export function replaceNode(flow: WfFlow, updated: WfNode): WfFlow {
  const copy = structuredClone(flow);
  if (copy.root.id === updated.id && updated.type === 'start') {
    copy.root = { ...updated, next: copy.root.next };
    return copy;
  }
  const swap = (holder: Holder) => {
    const current = holder.next;
    if (current?.id !== updated.id) return false;
    const merged = { ...updated, next: current.next } as WfNode;
    if ('branches' in merged && 'branches' in current) {
      // Settings edits (names, conditions) come without the columns' nodes: keep those from the tree.
      merged.branches = merged.branches.map((branch) => ({
        ...branch,
        next: current.branches.find((old) => old.id === branch.id)?.next,
      }));
    }
    holder.next = merged;
    return true;
  };
  walk(copy.root, (node) => swap(node) || ('branches' in node && node.branches.some(swap)));
  return copy;
}

export function addBranch(flow: WfFlow, nodeId: string, name: (n: number) => string): WfFlow {
  const copy = structuredClone(flow);
  const node = findNode(copy, nodeId);
  if (!node || !('branches' in node)) return flow;
  const n = node.branches.length + 1;
  const branch: WfBranch = { id: newId('b'), name: name(n), priority: n };
  // In a condition node the default branch stays last, where DingTalk shows it.
  const defaultIndex = node.type === 'condition' ? node.branches.findIndex((b) => !b.when) : -1;
  if (defaultIndex >= 0 && defaultIndex === node.branches.length - 1)
    node.branches.splice(defaultIndex, 0, branch);
  else node.branches.push(branch);
  node.branches.forEach((b, index) => {
    b.priority = index + 1;
  });
  return copy;
}

export function removeBranch(flow: WfFlow, nodeId: string, branchId: string): WfFlow {
  const copy = structuredClone(flow);
  const node = findNode(copy, nodeId);
  if (!node || !('branches' in node)) return flow;
  node.branches = node.branches.filter((branch) => branch.id !== branchId);
  node.branches.forEach((b, index) => {
    b.priority = index + 1;
  });
  return copy;
}

/** Nodes that come before `id` on its path (reject-to and return-to targets must be upstream). */
export function upstreamNodes(flow: WfFlow, id: string): WfNode[] {
  const search = (node: WfNode | undefined, before: WfNode[]): WfNode[] | undefined => {
    const trail = [...before];
    for (let current = node; current; current = current.next) {
      if (current.id === id) return trail;
      if ('branches' in current) {
        for (const branch of current.branches) {
          const found = search(branch.next, [...trail, current]);
          if (found) return found;
        }
      }
      trail.push(current);
    }
    return undefined;
  };
  return search(flow.root, []) ?? [];
}

/**
 * The node a schema error's path points into (e.g. `flow.root.next.branches.0.when.all.0.field`):
 * the deepest object with a node id along the path, so the message lands on the right card.
 */
export function nodeIdAtPath(flow: WfFlow, path: string): string | null {
  const segments = path.split(/[./]/).filter(Boolean);
  // Paths may be prefixed (`body.flow.root...`, `/flow/root/...`): read from the flow's root on.
  const rootAt = segments.indexOf('root');
  if (rootAt < 0) return null;
  let current: unknown = flow;
  let nodeId: string | null = null;
  for (const segment of segments.slice(rootAt)) {
    if (current === null || typeof current !== 'object') break;
    current = (current as Record<string, unknown>)[segment];
    // Nodes have a type, branches a priority: both carry the id the cards are keyed by.
    if (
      current &&
      typeof current === 'object' &&
      'id' in current &&
      ('type' in current || 'priority' in current)
    ) {
      nodeId = String((current as { id: unknown }).id);
    }
  }
  return nodeId;
}
