import type { WfApprovalNode, WfBranch, WfCond, WfFlow, WfNode, WfSettings } from '@concord/contracts';
import { condFields, condShapeErrors } from './workflow.conditions.js';

/*
 * Compiles the admin-drawn tree into a flat, JSON-serialisable graph (stored as compiled_json next
 * to the flow) and refuses definitions the runtime could not execute. Errors carry stable codes so
 * the designer UI can point at the offending node.
 */

export interface GraphBranch {
  id: string;
  name: string;
  priority: number;
  when?: WfCond;
  /** First node of the branch; null for an empty branch, which goes straight to the join. */
  first: string | null;
}

/** A node without its tree links: what the runtime needs to execute it. */
export type NodeDef = WfNode extends unknown ? DistributiveOmit<WfNode, 'next'> : never;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export interface GraphNode {
  id: string;
  type: WfNode['type'];
  name: string;
  def: NodeDef;
  /** Tree successor; null means "end of this chain": the enclosing join, or the end of the flow. */
  next: string | null;
  /** Branch nodes only, highest priority (lowest number) first. */
  branches?: GraphBranch[];
  /** Innermost enclosing branch, if any. */
  parent: { nodeId: string; branchId: string } | null;
  /** Nodes that can precede this one on some path from the start: the legal return targets. */
  upstream: string[];
}

export interface FlowGraph {
  rootId: string;
  settings: WfSettings;
  nodes: Record<string, GraphNode>;
}

export const compileErrorCodes = [
  'ROOT_NOT_START',
  'START_NOT_ROOT',
  'DUPLICATE_ID',
  'EMPTY_BRANCHES',
  'CONDITION_DEFAULT',
  'INCLUSIVE_DEFAULT',
  'VOTE_WITHOUT_RATIO',
  'RETURN_TARGET_NOT_UPSTREAM',
  'REJECT_TARGET_MISSING',
  'REJECT_TARGET_NOT_UPSTREAM',
  'ON_EMPTY_USERS_MISSING',
  'MANDATORY_AUTO_PASS',
  'UNKNOWN_FIELD',
  'BAD_CONDITION',
  'SUBPROCESS_KEY_MISSING',
] as const;
export type CompileErrorCode = (typeof compileErrorCodes)[number];

export interface CompileError {
  code: CompileErrorCode;
  nodeId: string;
  message: string;
}

export type CompileResult = { ok: true; graph: FlowGraph } | { ok: false; errors: CompileError[] };

export interface CompileOptions {
  /** Keys of the form's fields; when given, field references are checked against it. */
  formFields?: string[];
}

export function compileFlow(flow: WfFlow, options: CompileOptions = {}): CompileResult {
  const errors: CompileError[] = [];
  const nodes: Record<string, GraphNode> = {};
  const seenIds = new Set<string>();
  const fail = (code: CompileErrorCode, nodeId: string, message: string) =>
    errors.push({ code, nodeId, message });

  const claimId = (id: string, what: string) => {
    if (seenIds.has(id)) fail('DUPLICATE_ID', id, `${what} id "${id}" is used more than once`);
    seenIds.add(id);
  };

  /** Flattens one chain; returns every node id in it (nested ones too) for the upstream sets. */
  const walkChain = (
    first: WfNode | undefined,
    before: string[],
    parent: GraphNode['parent'],
  ): { firstId: string | null; ids: string[] } => {
    const ids: string[] = [];
    let node = first;
    const firstId = first?.id ?? null;
    while (node) {
      claimId(node.id, 'node');
      if (node.type === 'start' && !(parent === null && before.length === 0 && ids.length === 0)) {
        fail('START_NOT_ROOT', node.id, 'a start node may only be the root');
      }
      const upstream = [...before, ...ids];
      const { next, ...def } = node;
      const graphNode: GraphNode = {
        id: node.id,
        type: node.type,
        name: node.name,
        def,
        next: next?.id ?? null,
        parent,
        upstream,
      };
      if (!nodes[node.id]) nodes[node.id] = graphNode;
      ids.push(node.id);
      if (node.type === 'condition' || node.type === 'inclusive' || node.type === 'parallel') {
        const sorted = [...node.branches].sort((a, b) => a.priority - b.priority);
        graphNode.branches = sorted.map((b: WfBranch) => {
          claimId(b.id, 'branch');
          const inner = walkChain(b.next, [...upstream, node!.id], { nodeId: node!.id, branchId: b.id });
          ids.push(...inner.ids);
          return { id: b.id, name: b.name, priority: b.priority, when: b.when, first: inner.firstId };
        });
      }
      node = next;
    }
    return { firstId, ids };
  };

  if (flow.root.type !== 'start') fail('ROOT_NOT_START', flow.root.id, 'the root must be a start node');
  walkChain(flow.root, [], null);

  const known = options.formFields ? new Set(options.formFields) : null;
  const checkField = (nodeId: string, field: string, where: string) => {
    if (known && !known.has(field))
      fail('UNKNOWN_FIELD', nodeId, `${where} names unknown form field "${field}"`);
  };

  for (const node of Object.values(nodes)) {
    const def = node.def as WfNode;
    if ('fieldPerms' in def && def.fieldPerms) {
      for (const field of Object.keys(def.fieldPerms)) checkField(node.id, field, 'fieldPerms');
    }
    if ('assignee' in def && 'formField' in def.assignee)
      checkField(node.id, def.assignee.formField, 'assignee');
    if (node.branches) checkBranches(node, fail, checkField);
    if (def.type === 'approval' || def.type === 'handle') checkApproval(node, def, fail);
    if (def.type === 'subprocess') {
      if (!def.definitionKey?.trim())
        fail('SUBPROCESS_KEY_MISSING', node.id, `sub-process node "${node.id}" names no flow definition`);
      // Parent-side fields only: the child's fields belong to the child's own form.
      for (const field of Object.values(def.inputMap ?? {})) checkField(node.id, field, 'inputMap');
      for (const field of Object.keys(def.outputMap ?? {})) checkField(node.id, field, 'outputMap');
    }
  }
  return errors.length > 0
    ? { ok: false, errors }
    : { ok: true, graph: { rootId: flow.root.id, settings: flow.settings, nodes } };
}

function checkBranches(
  node: GraphNode,
  fail: (code: CompileErrorCode, nodeId: string, message: string) => void,
  checkField: (nodeId: string, field: string, where: string) => void,
) {
  const branches = node.branches ?? [];
  if (branches.length === 0) {
    fail('EMPTY_BRANCHES', node.id, `${node.type} node "${node.id}" has no branches`);
    return;
  }
  const defaults = branches.filter((b) => !b.when).length;
  if (node.type === 'condition' && defaults !== 1) {
    fail(
      'CONDITION_DEFAULT',
      node.id,
      `condition node "${node.id}" needs exactly one default branch, has ${defaults}`,
    );
  }
  if (node.type === 'inclusive' && defaults > 1) {
    fail('INCLUSIVE_DEFAULT', node.id, `inclusive node "${node.id}" may have at most one default branch`);
  }
  for (const branch of branches) {
    if (!branch.when || node.type === 'parallel') continue;
    for (const problem of condShapeErrors(branch.when)) {
      fail('BAD_CONDITION', node.id, `branch "${branch.id}": ${problem}`);
    }
    for (const field of condFields(branch.when)) checkField(node.id, field, `branch "${branch.id}"`);
  }
}

function checkApproval(
  node: GraphNode,
  def: WfApprovalNode,
  fail: (code: CompileErrorCode, nodeId: string, message: string) => void,
) {
  if (def.mode === 'vote' && def.passRatio === undefined) {
    fail('VOTE_WITHOUT_RATIO', node.id, `vote node "${node.id}" needs a passRatio`);
  }
  if (def.onEmpty?.do === 'users' && !def.onEmpty.users?.length) {
    fail(
      'ON_EMPTY_USERS_MISSING',
      node.id,
      `node "${node.id}" hands empty approvers to users but names none`,
    );
  }
  if (def.mandatory) {
    const autoPasses = [
      def.onEmpty?.do === 'pass' && 'onEmpty pass',
      def.onSelf === 'skip' && 'onSelf skip',
      def.timeout?.then === 'pass' && 'timeout pass',
    ].filter(Boolean);
    if (autoPasses.length > 0) {
      fail(
        'MANDATORY_AUTO_PASS',
        node.id,
        `mandatory node "${node.id}" may not pass without a decision (${autoPasses.join(', ')})`,
      );
    }
  }
  if (Array.isArray(def.returnTo)) {
    for (const target of def.returnTo) {
      if (!node.upstream.includes(target)) {
        fail(
          'RETURN_TARGET_NOT_UPSTREAM',
          node.id,
          `return target "${target}" is not upstream of "${node.id}"`,
        );
      }
    }
  }
  if (def.onReject?.to === 'node') {
    const target = def.onReject.nodeId;
    if (!target) fail('REJECT_TARGET_MISSING', node.id, `node "${node.id}" rejects to a node but names none`);
    else if (!node.upstream.includes(target)) {
      fail(
        'REJECT_TARGET_NOT_UPSTREAM',
        node.id,
        `reject target "${target}" is not upstream of "${node.id}"`,
      );
    }
  }
}
