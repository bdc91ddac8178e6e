import { type WfPendingTask, wfPendingTaskSortFields } from '@concord/contracts';
import { Button, Checkbox, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../../shared/EmptyState';
import { FilterBar, useFilterWidth } from '../../../shared/FilterBar';
import { formatDateTime } from '../../../shared/format';
import { type LedgerColumn, LedgerPage, ledgerQueryState } from '../../../shared/LedgerPage';
import { sortableBy } from '../../../shared/ledgerSort';
import { SearchFilter } from '../../../shared/SearchFilter';
import { useUrlLedger } from '../../../shared/useUrlFilters';
import { UserPicker } from '../../system/components/UserPicker';
import { usePendingTasks } from '../api/workflowApi';
import { TransferTaskModal } from './TransferTaskModal';

const filterKeys = ['q', 'assigneeId', 'disabledOnly'] as const;

/**
 * `/system/approval-monitor` (审批监控): every approval task waiting on someone in the
 * administrator's scope, oldest first, so one stuck with an absent or departed person is found and
 * moved; the disabled-only switch finds what a departure left behind.
 */
export default function ApprovalMonitorPage() {
  const { t } = useTranslation();
  const width = useFilterWidth();
  const ledger = useUrlLedger(filterKeys, { sortFields: wfPendingTaskSortFields });
  const { values, update, reset } = ledger;
  const [moving, setMoving] = useState<WfPendingTask | null>(null);
  const query = useMemo(
    () => ({
      q: values.q,
      assigneeId: values.assigneeId,
      disabledOnly: values.disabledOnly === 'true' ? 'true' : undefined,
      sort: ledger.sort,
      page: ledger.page,
      pageSize: ledger.pageSize,
    }),
    [values.q, values.assigneeId, values.disabledOnly, ledger.sort, ledger.page, ledger.pageSize],
  );
  const list = usePendingTasks(query);

  const transferButton = (task: WfPendingTask) => (
    <Button key="transfer" type="link" onClick={() => setMoving(task)} data-testid="monitor-transfer">
      {t('approvals.monitor.transfer')}
    </Button>
  );

  const columns: LedgerColumn<WfPendingTask>[] = [
    {
      key: 'title',
      title: t('approvals.monitor.title'),
      locked: true,
      ...sortableBy(ledger.sort, 'title'),
      render: (_, task) => <Link to={`/approvals/${task.instanceId}`}>{task.title}</Link>,
    },
    { key: 'node', title: t('approvals.monitor.node'), render: (_, task) => task.nodeName },
    {
      key: 'assignee',
      title: t('approvals.monitor.assignee'),
      render: (_, task) => (
        <>
          {task.assigneeName}{' '}
          {!task.assigneeActive && <Tag color="red">{t('approvals.monitor.disabledUser')}</Tag>}
          {task.waiting && <Tag>{t('approvals.monitor.waiting')}</Tag>}
        </>
      ),
    },
    {
      key: 'createdAt',
      title: t('approvals.monitor.since'),
      ...sortableBy(ledger.sort, 'createdAt'),
      render: (_, task) => formatDateTime(task.createdAt),
    },
    { key: 'actions', title: t('common.actions'), locked: true, render: (_, task) => transferButton(task) },
  ];

  const filterBar = (
    <FilterBar onReset={reset}>
      <SearchFilter
        value={values.q}
        onSearch={(q) => update({ q })}
        placeholder={t('approvals.monitor.search')}
        testId="monitor-search"
      />
      <UserPicker
        allowClear
        value={values.assigneeId}
        onChange={(assigneeId) => update({ assigneeId })}
        placeholder={t('approvals.monitor.assignee')}
        aria-label={t('approvals.monitor.assignee')}
        style={width(220)}
        data-testid="monitor-assignee"
      />
      <Checkbox
        checked={values.disabledOnly === 'true'}
        onChange={(event) => update({ disabledOnly: event.target.checked ? 'true' : undefined })}
        data-testid="monitor-disabled-only"
      >
        {t('approvals.monitor.disabledOnly')}
      </Checkbox>
    </FilterBar>
  );

  return (
    <LedgerPage<WfPendingTask>
      ledgerId="approval-monitor"
      title={t('approvals.monitor.pageTitle')}
      filterBar={filterBar}
      columns={columns}
      rowKey="taskId"
      rows={list.data?.items}
      {...ledgerQueryState(list)}
      onSortChange={(sort) => update({ sort })}
      paging={ledger.paging(list.data?.total)}
      onRow={(task) => (task.assigneeActive ? {} : { style: { background: '#fff1f0' } })}
      empty={
        <EmptyState
          description={t(ledger.filtered ? 'approvals.monitor.emptyFiltered' : 'approvals.monitor.empty')}
        />
      }
      cardTitle={(task) => <Link to={`/approvals/${task.instanceId}`}>{task.title}</Link>}
      cardActions={(task) => [transferButton(task)]}
      cardHiddenColumns={['title', 'actions']}
    >
      <TransferTaskModal task={moving} onClose={() => setMoving(null)} />
    </LedgerPage>
  );
}
