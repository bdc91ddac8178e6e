import { type Ctx, graphNode } from './workflow.context.js';
import type { WfNodeInstanceRow } from './workflow.state.js';

/*
 * The steps of a walk through the graph. Whatever moves the flow on (a node that passes, a node
 * that completes, a return) does its own work at once and hands back the steps it leaves pending;
 * `walk` (workflow.activation.ts) takes them in turn until none is left. So no two files call each
 * other back and the order is the one a depth-first walk gives: a step's own steps come before the
 * steps that were pending beside it (the next branch of a split).
 */
export type Step =
  /** Enter a node. `joinId` undefined: entered from the side (a return target, a resume point). */
  | { kind: 'enter'; nodeId: string; joinId?: string | null; fromId: string | null; returnEntry?: boolean }
  /** A token reached the end of its chain: count it at the enclosing join, or end the flow. */
  | { kind: 'arrive'; joinId: string | null; fromId: string };

/** After a node finished: its tree successor, or the enclosing join, or the end of the flow. */
export function continueAfter(ctx: Ctx, ni: WfNodeInstanceRow): Step[] {
  const next = graphNode(ctx, ni.nodeId).next;
  if (next) return [{ kind: 'enter', nodeId: next, joinId: ni.joinId, fromId: ni.id }];
  return [{ kind: 'arrive', joinId: ni.joinId, fromId: ni.id }];
}
