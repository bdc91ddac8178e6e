import type { wfPathStepSchema } from '@concord/contracts';
import { Flex, Steps, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { taskStatusColor, taskStatusLabel } from './labels';

export type WfPathStep = (typeof wfPathStepSchema)['_zod']['output'];

const stepStatus = {
  done: 'finish',
  active: 'process',
  pending: 'wait',
  skipped: 'wait',
} as const;

/** The start and CC steps are not approvals: "pending approval" would misdescribe them. */
function stepNote(t: TFunction, step: WfPathStep): string {
  if (step.type === 'start')
    return step.state === 'done' ? t('approvals.path.submitted') : t('approvals.path.initiator');
  if (step.type === 'cc') return t('approvals.path.cc');
  return t(`approvals.path.state.${step.state}`);
}

/** Mandatory steps with nobody to approve: the document cannot be submitted until one is named. */
export function blockedSteps(path: WfPathStep[] | undefined): WfPathStep[] {
  return (path ?? []).filter((step) => step.empty === 'blocked');
}

/** What happens at a step whose own rule finds nobody, said where the step is shown. */
function EmptyNote({ step }: { step: WfPathStep }) {
  const { t } = useTranslation();
  if (!step.empty) return null;
  const serious = step.empty === 'blocked' || step.empty === 'halt' || step.empty === 'pass';
  return (
    <Typography.Text
      type={serious ? 'danger' : 'warning'}
      style={{ fontSize: 12, display: 'block', width: '100%' }}
      data-testid={`approval-path-empty-${step.nodeId}`}
    >
      {t(`approvals.path.emptyRule.${step.empty}`)}
    </Typography.Text>
  );
}

/**
 * The approval path as vertical steps: done, active, predicted and skipped nodes with each
 * approver's task status. Used on the detail page and in the preview before submitting.
 */
export function PathSteps({ path }: { path: WfPathStep[] }) {
  const { t } = useTranslation();
  if (path.length === 0)
    return <Typography.Text type="secondary">{t('approvals.path.empty')}</Typography.Text>;
  return (
    <Steps
      orientation="vertical"
      size="small"
      data-testid="approval-path"
      current={-1}
      items={path.map((step) => ({
        key: step.nodeId,
        status: stepStatus[step.state],
        title: (
          <Flex gap={6} align="center" wrap>
            <span style={step.state === 'skipped' ? { textDecoration: 'line-through' } : undefined}>
              {step.name}
            </span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {stepNote(t, step)}
            </Typography.Text>
            {step.mandatory && <Tag color="red">{t('approvals.path.mandatory')}</Tag>}
          </Flex>
        ),
        content: (
          <Flex gap={4} wrap style={{ paddingBottom: 8 }}>
            <EmptyNote step={step} />
            {step.approvers.length === 0 && step.type !== 'start' && !step.empty && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('approvals.path.noApprovers')}
              </Typography.Text>
            )}
            {step.approvers.map((approver) => (
              <Tag key={approver.id} color={taskStatusColor(approver.status)}>
                {approver.name}
                {approver.status ? ` · ${taskStatusLabel(t, approver.status)}` : ''}
              </Tag>
            ))}
          </Flex>
        ),
      }))}
    />
  );
}
