import { PlusOutlined } from '@ant-design/icons';
import type { Contract, ContractArchiveView, ContractBorrow } from '@concord/contracts';
import { Button, Card, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AsyncContent } from '../../../shared/AsyncContent';
import { EmptyState } from '../../../shared/EmptyState';
import { ResponsiveTable } from '../../../shared/ResponsiveTable';
import { useContractBorrows } from './archiveApi';
import { BorrowModal } from './BorrowModal';
import { borrowColumns, borrowStateOf } from './borrowColumns';
import { ReturnModal } from './ReturnModal';

/** 借阅记录: the original's borrow and return log (overdue in red), with lend and return for archivists. */
export function BorrowLogCard({ contract, view }: { contract: Contract; view: ContractArchiveView }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [lending, setLending] = useState(false);
  const [returning, setReturning] = useState<ContractBorrow | null>(null);
  const { data, isLoading, isFetching, error, refetch } = useContractBorrows(contract.id, page);
  const canLend = view.canManage && view.archivable && Boolean(view.archive);
  const busy = Boolean(view.openBorrow);
  const columns = borrowColumns(t, { canReturn: view.canManage, onReturn: setReturning });

  return (
    <Card
      size="small"
      title={t('contractArchive.borrow.title')}
      data-testid="borrow-log"
      extra={
        canLend && (
          <Tooltip title={busy ? t('contractArchive.borrow.busy') : undefined}>
            <Button
              size="small"
              icon={<PlusOutlined />}
              disabled={busy}
              onClick={() => setLending(true)}
              data-testid="borrow-create"
            >
              {t('contractArchive.borrow.create')}
            </Button>
          </Tooltip>
        )
      }
    >
      <AsyncContent isLoading={isLoading} error={data ? null : error} onRetry={() => void refetch()}>
        <ResponsiveTable<ContractBorrow>
          rowKey="id"
          size="small"
          data-testid="borrow-table"
          columns={columns}
          dataSource={data?.items}
          loading={isFetching}
          onRow={(borrow) => (borrow.overdue ? { style: { background: '#fff1f0' } } : {})}
          empty={
            <EmptyState
              description={canLend ? t('contractArchive.borrow.emptyCan') : t('contractArchive.borrow.empty')}
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
          cardTitle={(borrow) => {
            const state = borrowStateOf(borrow);
            return (
              <span>
                {borrow.borrowerName} <Tag color={state.color}>{t(state.key)}</Tag>
              </span>
            );
          }}
          cardActions={(borrow) =>
            view.canManage && !borrow.returnedDate
              ? [
                  <Button
                    key="return"
                    type="link"
                    onClick={() => setReturning(borrow)}
                    data-testid="borrow-return"
                  >
                    {t('contractArchive.borrow.return')}
                  </Button>,
                ]
              : []
          }
          cardHiddenColumns={['borrower', 'state', 'actions']}
        />
      </AsyncContent>
      <BorrowModal contractId={contract.id} open={lending} onClose={() => setLending(false)} />
      <ReturnModal borrow={returning} onClose={() => setReturning(null)} />
    </Card>
  );
}
