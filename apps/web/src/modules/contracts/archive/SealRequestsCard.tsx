import { ExportOutlined, PlusOutlined } from '@ant-design/icons';
import type { Contract, ContractArchiveView, SealRequest } from '@concord/contracts';
import { Button, Card, Flex, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AsyncContent } from '../../../shared/AsyncContent';
import { EmptyState } from '../../../shared/EmptyState';
import { formatDateTime } from '../../../shared/format';
import { ResponsiveTable } from '../../../shared/ResponsiveTable';
import { useContractSeals } from './archiveApi';
import { SealRequestModal } from './SealRequestModal';
import { SealUsedModal } from './SealUsedModal';
import { sealStatusColors } from './sealStatus';

const SEALABLE: Contract['status'][] = ['APPROVED', 'IN_FORCE'];

/** 用印申请: the contract's seal requests with version, status and approval link; new request; stamping. */
export function SealRequestsCard({ contract, view }: { contract: Contract; view: ContractArchiveView }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [stamping, setStamping] = useState<SealRequest | null>(null);
  const { data, isLoading, isFetching, error, refetch } = useContractSeals(contract.id, page);
  const sealable = SEALABLE.includes(contract.status);
  const canRequest = view.canRequestSeal && sealable;

  const columns: ColumnsType<SealRequest> = [
    {
      key: 'createdAt',
      title: t('contractArchive.seal.requestedAt'),
      render: (_, request) => formatDateTime(request.createdAt),
    },
    {
      key: 'sealType',
      title: t('contractArchive.seal.sealType'),
      render: (_, request) => t(`contractArchive.seal.types.${request.sealType}`),
    },
    { key: 'copies', title: t('contractArchive.seal.copies'), dataIndex: 'copies' },
    {
      key: 'version',
      title: t('contractArchive.seal.version'),
      render: (_, request) => <Tag color="blue">v{request.contractVersion}</Tag>,
    },
    { key: 'purpose', title: t('contractArchive.seal.purpose'), dataIndex: 'purpose', ellipsis: true },
    { key: 'requestedBy', title: t('contractArchive.seal.requestedBy'), dataIndex: 'requestedByName' },
    {
      key: 'status',
      title: t('contractArchive.seal.status'),
      render: (_, request) => (
        <Flex vertical gap={2}>
          <Tag
            color={sealStatusColors[request.status]}
            data-testid="seal-status"
            style={{ width: 'fit-content' }}
          >
            {t(`contractArchive.seal.statuses.${request.status}`)}
          </Tag>
          {request.usedDate && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[request.usedDate, request.usedByName, request.usedNote].filter(Boolean).join(' · ')}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      render: (_, request) => (
        <SealActions request={request} canStamp={view.canManage} onStamp={setStamping} />
      ),
    },
  ];

  return (
    <Card
      size="small"
      title={t('contractArchive.seal.title')}
      data-testid="seal-requests"
      extra={
        canRequest && (
          <Button
            type="primary"
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="seal-request-create"
          >
            {t('contractArchive.seal.create')}
          </Button>
        )
      }
    >
      <AsyncContent isLoading={isLoading} error={data ? null : error} onRetry={() => void refetch()}>
        <ResponsiveTable<SealRequest>
          rowKey="id"
          size="small"
          data-testid="seal-requests-table"
          columns={columns}
          dataSource={data?.items}
          loading={isFetching}
          empty={
            <EmptyState
              description={
                canRequest
                  ? t('contractArchive.seal.emptyCan')
                  : sealable
                    ? t('contractArchive.seal.empty')
                    : t('contractArchive.seal.notSealable')
              }
            />
          }
          pagination={
            (data?.total ?? 0) > (data?.pageSize ?? 10) && {
              current: page,
              pageSize: data?.pageSize ?? 10,
              total: data?.total ?? 0,
              showTotal: (total) => t('common.total', { total }),
            }
          }
          onChange={(pagination) => setPage(pagination.current ?? 1)}
          cardTitle={(request) => (
            <Flex gap={8} align="center" wrap>
              <span>
                {t(`contractArchive.seal.types.${request.sealType}`)} ×{request.copies}
              </span>
              <Tag color="blue">v{request.contractVersion}</Tag>
            </Flex>
          )}
          cardActions={(request) => [
            <SealActions key="actions" request={request} canStamp={view.canManage} onStamp={setStamping} />,
          ]}
          cardHiddenColumns={['sealType', 'copies', 'version', 'actions']}
        />
      </AsyncContent>
      <SealRequestModal contract={contract} open={creating} onClose={() => setCreating(false)} />
      <SealUsedModal request={stamping} onClose={() => setStamping(null)} />
    </Card>
  );
}

function SealActions({
  request,
  canStamp,
  onStamp,
}: {
  request: SealRequest;
  canStamp: boolean;
  onStamp: (request: SealRequest) => void;
}) {
  const { t } = useTranslation();
  return (
    <Flex gap={8} wrap justify="center">
      {request.instanceId && (
        <Link to={`/approvals/${request.instanceId}`} data-testid="seal-approval-link">
          {t('contractArchive.seal.approval')} <ExportOutlined />
        </Link>
      )}
      {canStamp && request.status === 'APPROVED' && (
        <Button size="small" onClick={() => onStamp(request)} data-testid="seal-mark-used">
          {t('contractArchive.seal.markUsed')}
        </Button>
      )}
    </Flex>
  );
}
