import type { WfFlow, WfStaffingGap } from '@concord/contracts';
import { useEffect, useRef, useState } from 'react';
import { isApiError } from '../../../app/api/ApiError';
import { validateFlow } from '../api/workflowApi';
import { allNodes, nodeIdAtPath } from './flowTree';

export interface FlowProblems {
  /** Messages by node or branch id, for the cards. */
  byNode: ReadonlyMap<string, string[]>;
  /** Messages not tied to one node (flow settings, an unknown path). */
  general: string[];
}

const empty: FlowProblems = { byNode: new Map(), general: [] };
const validateDelayMs = 700;

function knownIds(flow: WfFlow): Set<string> {
  const ids = new Set<string>();
  for (const node of allNodes(flow)) {
    ids.add(node.id);
    if ('branches' in node) for (const branch of node.branches) ids.add(branch.id);
  }
  return ids;
}

/**
 * Groups messages by the node they concern. The validate endpoint names node ids; a flow the schema
 * refuses (400) and the publish endpoint's compile errors name paths, which are either a node id
 * or a JSON path into the flow.
 */
export function groupProblems(
  flow: WfFlow,
  items: Array<{ ref: string | null; message: string }>,
): FlowProblems {
  const ids = knownIds(flow);
  const byNode = new Map<string, string[]>();
  const general: string[] = [];
  for (const { ref, message } of items) {
    const id = ref && ids.has(ref) ? ref : ref ? nodeIdAtPath(flow, ref) : null;
    if (id) byNode.set(id, [...(byNode.get(id) ?? []), message]);
    else general.push(message);
  }
  return { byNode, general };
}

export function problemsFromError(flow: WfFlow, error: unknown): FlowProblems | null {
  if (!isApiError(error) || error.fieldErrors.length === 0) return null;
  return groupProblems(
    flow,
    error.fieldErrors.map((fieldError) => ({ ref: fieldError.path, message: fieldError.message })),
  );
}

/**
 * Live validation by the server's compiler, re-run after each pause in editing; with it the steps
 * that would find nobody in some entity (warnings: publishing stays possible).
 */
export function useFlowValidation(flow: WfFlow | null, entityId: string | null) {
  const [problems, setProblems] = useState<FlowProblems>(empty);
  const [warnings, setWarnings] = useState<WfStaffingGap[]>([]);
  const latest = useRef(0);
  useEffect(() => {
    if (!flow) return;
    const timer = setTimeout(async () => {
      const request = ++latest.current;
      try {
        const result = await validateFlow(flow, entityId);
        if (request !== latest.current) return;
        setWarnings(result.warnings);
        setProblems(
          groupProblems(
            flow,
            result.errors.map((e) => ({ ref: e.nodeId, message: e.message })),
          ),
        );
      } catch (error) {
        if (request !== latest.current) return;
        setProblems(problemsFromError(flow, error) ?? { byNode: new Map(), general: [] });
      }
    }, validateDelayMs);
    return () => clearTimeout(timer);
  }, [flow, entityId]);
  return { problems, setProblems, warnings };
}
