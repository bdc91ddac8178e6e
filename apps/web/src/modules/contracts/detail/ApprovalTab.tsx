import { ExportOutlined } from '@ant-design/icons';
import type { Contract, WfInstanceDetail } from '@concord/contracts';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Flex, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../app/api/client';
import { AsyncContent } from '../../../shared/AsyncContent';
import { EmptyState } from '../../../shared/EmptyState';
import { formatDateTime } from '../../../shared/format';
import { workflowKeys } from '../../approvals/api/workflowApi';
import { ApprovalTimeline } from '../../approvals/detail/ApprovalTimeline';
import { InstanceStatusTag } from '../../approvals/shared/InstanceStatusTag';
import { PathSteps } from '../../approvals/shared/PathSteps';

/** The approval of one instance (shared cache with the approval detail page). */
export function useApprovalInstance(id: string | null) {
  return useQuery({
    queryKey: workflowKeys.instance(id ?? ''),
    queryFn: ({ signal }) => api.get<WfInstanceDetail>(`/workflow/instances/${id}`, undefined, signal),
    enabled: Boolean(id),
  });
}

/** 审批: the contract's own approval (path and timeline), with a link to act on it in the approval centre. */
export function ApprovalTab({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  if (!contract.instanceId) return <EmptyState description={t('contracts.approval.none')} />;
  return <ApprovalPanel instanceId={contract.instanceId} />;
}

export function ApprovalPanel({ instanceId }: { instanceId: string }) {
  const { t } = useTranslation();
  const { data, isLoading, error, refetch } = useApprovalInstance(instanceId);
  return (
    <AsyncContent isLoading={isLoading} error={error} onRetry={() => void refetch()}>
      {data && (
        <Flex vertical gap={16} data-testid="contract-approval">
          <Flex gap={8} align="center" wrap>
            <InstanceStatusTag status={data.status} />
            <Typography.Text type="secondary">
              {t('contracts.approval.submitted', {
                name: data.initiator.name,
                at: formatDateTime(data.submittedAt) || '—',
              })}
            </Typography.Text>
            <Link to={`/approvals/${data.id}`} data-testid="contract-approval-link">
              {data.myTask ? t('contracts.approval.openToAct') : t('contracts.approval.open')}{' '}
              <ExportOutlined />
            </Link>
          </Flex>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={10}>
              <Card size="small" title={t('contracts.approval.path')}>
                <PathSteps path={data.path} />
              </Card>
            </Col>
            <Col xs={24} lg={14}>
              <Card size="small" title={t('contracts.approval.timeline')}>
                <ApprovalTimeline entries={data.timeline} />
              </Card>
            </Col>
          </Row>
        </Flex>
      )}
    </AsyncContent>
  );
}
