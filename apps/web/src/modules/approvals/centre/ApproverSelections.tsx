import type { WfPreviewResult } from '../api/workflowApi';
import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { UsersSelect } from '../shared/UsersSelect';

type Selections = Record<string, string[]>;

/** Steps of the predicted path whose approvers the initiator picks (发起人自选). */
export const selectableSteps = (result: WfPreviewResult | null) =>
  (result?.path ?? []).filter((step) => step.select);

/**
 * One picker per 发起人自选 step, shown under the path preview: the server refuses a submission that
 * leaves one of them empty, so the page asks before sending.
 */
export function ApproverSelections({
  result,
  value,
  onChange,
  showErrors,
}: {
  result: WfPreviewResult | null;
  value: Selections;
  onChange: (next: Selections) => void;
  showErrors: boolean;
}) {
  const { t } = useTranslation();
  const steps = selectableSteps(result);
  if (steps.length === 0) return null;
  return (
    <Form layout="vertical" component="div" data-testid="approval-selections">
      {steps.map((step) => {
        const missing = showErrors && !(value[step.nodeId]?.length > 0);
        return (
          <Form.Item
            key={step.nodeId}
            label={t('approvals.new.chooseApprovers', { step: step.name })}
            required
            validateStatus={missing ? 'error' : undefined}
            help={missing ? t('approvals.new.chooseApproversMissing') : undefined}
          >
            <UsersSelect
              data-testid={`approval-select-${step.nodeId}`}
              maxCount={step.select?.multiple ? undefined : 1}
              value={value[step.nodeId] ?? []}
              onChange={(users) => onChange({ ...value, [step.nodeId]: users ?? [] })}
            />
          </Form.Item>
        );
      })}
    </Form>
  );
}

/** Steps still without a pick. */
export function missingSelections(result: WfPreviewResult | null, value: Selections): string[] {
  return selectableSteps(result)
    .filter((step) => !(value[step.nodeId]?.length > 0))
    .map((step) => step.nodeId);
}
