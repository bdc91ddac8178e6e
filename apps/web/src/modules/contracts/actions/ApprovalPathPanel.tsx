import type { WfPreviewResult } from '../../approvals/api/workflowApi';
import { ApproverSelections, selectableSteps } from '../../approvals/centre/ApproverSelections';
import { PathPreview } from '../../approvals/centre/PathPreview';
import type { useApprovalPreview } from './useApprovalPreview';

type Selections = Record<string, string[]>;

/**
 * The predicted approval path of what a dialog submits, and the approvers its initiator picks for
 * 发起人自选 steps (missing ones shown once the user tried to submit).
 */
export function ApprovalPathPanel({
  preview,
  selections,
  onChange,
  showErrors,
}: {
  preview: ReturnType<typeof useApprovalPreview>;
  selections: Selections;
  onChange: (next: Selections) => void;
  showErrors: boolean;
}) {
  return (
    <>
      <PathPreview state={preview.state} onRefresh={preview.refresh} />
      <div style={{ marginTop: 12 }}>
        <ApproverSelections
          result={preview.state.result}
          value={selections}
          onChange={onChange}
          showErrors={showErrors}
        />
      </div>
    </>
  );
}

/** The body's `selections`: the picked approvers of every selectable step, or undefined when none. */
export function chosenApprovers(
  result: WfPreviewResult | null,
  selections: Selections,
): Selections | undefined {
  const chosen = Object.fromEntries(
    selectableSteps(result).map((step) => [step.nodeId, selections[step.nodeId] ?? []]),
  );
  return Object.keys(chosen).length ? chosen : undefined;
}
