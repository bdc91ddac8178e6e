import { PlusOutlined } from '@ant-design/icons';
import { WF_COUNT_CAP, wfTabs } from '@concord/contracts';
import { Badge, Button, Input, Segmented, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { AsyncContent } from '../../../shared/AsyncContent';
import { FilterBar, useFilterWidth } from '../../../shared/FilterBar';
import { PageContainer } from '../../../shared/PageContainer';
import { useIsPhone } from '../../../shared/useIsPhone';
import { useTaskCounts, useTaskList, type WfTab } from '../api/workflowApi';
import { instanceStatusLabel, listStatuses } from '../shared/labels';
import { ApprovalList } from './ApprovalList';
import { defaultApprovalPageSize, useApprovalFilters } from './useApprovalFilters';

/** The approval centre (审批中心): my todo, decided, initiated and CC'd approvals, one tab each. */
export default function ApprovalCentrePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const width = useFilterWidth();
  const { tab, values, query, update, reset } = useApprovalFilters();
  const { data, isLoading, isFetching, error, refetch } = useTaskList(query);
  const counts = useTaskCounts();
  // Typed locally and applied on Enter, so typing does not reload the list per keystroke.
  const [search, setSearch] = useState(values.q ?? '');
  useEffect(() => setSearch(values.q ?? ''), [values.q]);

  const tabLabel = (key: WfTab) => {
    const count = counts.data?.[key] ?? 0;
    // Done and initiated grow forever: only todo and unread CC are worth a number badge.
    const badge = key === 'todo' || key === 'cc';
    if (isPhone) {
      // Four tabs share 350 px: the count goes under the name instead of squeezing it.
      return (
        <div data-testid={`approvals-tab-${key}`} style={{ lineHeight: 1.3, padding: '4px 0' }}>
          <div>{t(`approvals.tabs.${key}`)}</div>
          <div
            style={{
              fontSize: 11,
              minHeight: 14,
              color: badge && count > 0 ? '#ff4d4f' : undefined,
              opacity: badge ? 1 : 0.6,
            }}
          >
            {count > 0 ? (count > 99 ? '99+' : count) : ''}
          </div>
        </div>
      );
    }
    return (
      <span data-testid={`approvals-tab-${key}`}>
        {t(`approvals.tabs.${key}`)}
        {badge && count > 0 && (
          <Badge count={count} size="small" overflowCount={99} style={{ marginInlineStart: 4 }} />
        )}
        {!badge && count > 0 && (
          // The server stops counting at the cap (WF_COUNT_CAP + 1 means more).
          <span style={{ marginInlineStart: 4, opacity: 0.6 }}>
            {count > WF_COUNT_CAP ? `${WF_COUNT_CAP}+` : count}
          </span>
        )}
      </span>
    );
  };

  return (
    <PageContainer
      title={t('approvals.centre.title')}
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          data-testid="approval-new"
          onClick={() => navigate('/approvals/new')}
        >
          {t('approvals.centre.new')}
        </Button>
      }
    >
      <Segmented<WfTab>
        block={isPhone}
        value={tab}
        style={{ marginBottom: 16 }}
        // Switching tabs clears the status filter: each tab has its own useful statuses.
        onChange={(next) => update({ tab: next === 'todo' ? undefined : next, status: undefined })}
        options={wfTabs.map((key) => ({ value: key, label: tabLabel(key) }))}
      />
      <FilterBar
        onReset={() => {
          setSearch('');
          reset();
        }}
      >
        <Input.Search
          allowClear
          placeholder={t('approvals.centre.search')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          onSearch={(q) => update({ q: q.trim(), tab: values.tab })}
          style={width(260)}
          data-testid="approvals-filter-q"
        />
        <Select
          allowClear
          placeholder={t('common.status')}
          aria-label={t('common.status')}
          value={values.status}
          onChange={(status) => update({ status, tab: values.tab })}
          options={listStatuses.map((status) => ({ value: status, label: instanceStatusLabel(t, status) }))}
          style={width(140)}
          data-testid="approvals-filter-status"
        />
      </FilterBar>
      <AsyncContent isLoading={isLoading} error={data ? null : error} onRetry={() => void refetch()}>
        <ApprovalList
          tab={tab}
          items={data?.items ?? []}
          loading={isFetching}
          total={data?.total ?? 0}
          totalAtLeast={data?.totalAtLeast}
          page={query.page as number}
          pageSize={query.pageSize as number}
          onPage={(page, pageSize) =>
            update({
              tab: values.tab,
              status: values.status,
              q: values.q,
              page: page === 1 ? undefined : page,
              pageSize: pageSize === defaultApprovalPageSize ? undefined : pageSize,
            })
          }
        />
      </AsyncContent>
    </PageContainer>
  );
}
