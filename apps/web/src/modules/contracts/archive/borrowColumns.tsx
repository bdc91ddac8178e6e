import type { ContractBorrow } from '@concord/contracts';
import { Button, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { LedgerColumn } from '../../../shared/LedgerPage';

/** 借出中 / 已逾期 / 已归还, one colour each wherever a borrow shows. */
export function borrowStateOf(borrow: ContractBorrow) {
  if (borrow.returnedDate) return { key: 'contractArchive.borrow.stateReturned', color: 'success' } as const;
  if (borrow.overdue) return { key: 'contractArchive.borrow.stateOverdue', color: 'error' } as const;
  return { key: 'contractArchive.borrow.stateOut', color: 'processing' } as const;
}

/**
 * Columns of a borrow log: the contract (on the archivists' page), who, when, due (red when
 * overdue), why, the state and the return; a return button for open borrows when allowed.
 */
export function borrowColumns(
  t: TFunction,
  options: { withContract?: boolean; canReturn: boolean; onReturn: (borrow: ContractBorrow) => void },
): LedgerColumn<ContractBorrow>[] {
  const columns: LedgerColumn<ContractBorrow>[] = [];
  if (options.withContract) {
    columns.push({
      key: 'contract',
      title: t('contractArchive.borrows.contract'),
      locked: true,
      render: (_, borrow) => (
        <Link to={`/contracts/${borrow.contractId}?tab=archive`} data-testid="borrow-contract-link">
          {borrow.contractNumber ? `${borrow.contractNumber} ` : ''}
          {borrow.contractName}
        </Link>
      ),
    });
  }
  columns.push(
    { key: 'borrower', title: t('contractArchive.borrow.borrower'), dataIndex: 'borrowerName' },
    {
      key: 'borrowedDate',
      title: t('contractArchive.borrow.borrowedDate'),
      dataIndex: 'borrowedDate',
    },
    {
      key: 'dueDate',
      title: t('contractArchive.borrow.dueDate'),
      dataIndex: 'dueDate',
      render: (_, borrow) =>
        borrow.overdue ? (
          <Typography.Text type="danger" strong data-testid="borrow-overdue-date">
            {borrow.dueDate}
          </Typography.Text>
        ) : (
          borrow.dueDate
        ),
    },
    { key: 'purpose', title: t('contractArchive.borrow.purpose'), dataIndex: 'purpose', ellipsis: true },
    {
      key: 'state',
      title: t('contractArchive.borrow.state'),
      render: (_, borrow) => {
        const state = borrowStateOf(borrow);
        return (
          <Tag color={state.color} data-testid="borrow-state">
            {t(state.key)}
          </Tag>
        );
      },
    },
    {
      key: 'returnedDate',
      title: t('contractArchive.borrow.returnedDate'),
      render: (_, borrow) =>
        borrow.returnedDate ? (
          <span>
            {borrow.returnedDate}
            {borrow.returnNote && (
              <Typography.Text type="secondary" style={{ display: 'block' }}>
                {borrow.returnNote}
              </Typography.Text>
            )}
          </span>
        ) : (
          '—'
        ),
    },
  );
  if (options.canReturn) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      locked: true,
      render: (_, borrow) =>
        borrow.returnedDate ? null : (
          <Button size="small" onClick={() => options.onReturn(borrow)} data-testid="borrow-return">
            {t('contractArchive.borrow.return')}
          </Button>
        ),
    });
  }
  return columns;
}
