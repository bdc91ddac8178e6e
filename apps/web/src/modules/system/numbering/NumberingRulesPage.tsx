import type { NumberingRule } from '@concord/contracts';
import { Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../../app/auth/session';
import { AsyncContent } from '../../../shared/AsyncContent';
import { EmptyState } from '../../../shared/EmptyState';
import { FilterBar, useFilterWidth } from '../../../shared/FilterBar';
import { CreateButton } from '../../../shared/listPage';
import { PageContainer } from '../../../shared/PageContainer';
import { ResponsiveTable } from '../../../shared/ResponsiveTable';
import { RowActions } from '../../../shared/RowActions';
import { useUrlFilters } from '../../../shared/useUrlFilters';
import { useNumberingRules } from './numberingApi';
import { NumberingRuleModal, type NumberingRuleTarget } from './NumberingRuleModal';

const filterKeys = ['q', 'page'] as const;

/** 编号规则: the group's numbering rules, each with the next number it would give today. */
export default function NumberingRulesPage() {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const width = useFilterWidth();
  const { values, update, reset } = useUrlFilters(filterKeys);
  const page = Number(values.page) > 0 ? Number(values.page) : 1;
  const { data, isLoading, isFetching, error, refetch } = useNumberingRules({
    q: values.q,
    page,
    pageSize: 20,
  });
  const [target, setTarget] = useState<NumberingRuleTarget | null>(null);
  const [search, setSearch] = useState(values.q ?? '');
  const canManage = can('numbering.rule.manage');

  const createButton = (testId?: string) => (
    <CreateButton
      allowed={canManage}
      label={t('numbering.create')}
      onClick={() => setTarget({ mode: 'create' })}
      testId={testId}
    />
  );
  const actionsOf = (rule: NumberingRule) =>
    canManage
      ? [
          {
            key: 'edit',
            label: t('common.edit'),
            onClick: () => setTarget({ mode: 'edit', rule }),
            testId: 'numbering-edit',
          },
        ]
      : [];

  return (
    <PageContainer title={t('numbering.title')} extra={createButton('numbering-create')}>
      <Typography.Paragraph type="secondary">{t('numbering.groupOnly')}</Typography.Paragraph>
      <FilterBar
        onReset={() => {
          setSearch('');
          reset();
        }}
      >
        <Input.Search
          allowClear
          placeholder={t('numbering.searchPlaceholder')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          onSearch={(q) => update({ q: q.trim() })}
          style={width(260)}
          data-testid="numbering-filter-q"
        />
      </FilterBar>
      <AsyncContent isLoading={isLoading} error={data ? null : error} onRetry={() => void refetch()}>
        <ResponsiveTable<NumberingRule>
          rowKey="id"
          data-testid="numbering-table"
          size="middle"
          loading={isFetching}
          dataSource={data?.items}
          empty={<EmptyState description={t('numbering.empty')} action={createButton()} />}
          pagination={{
            current: page,
            pageSize: 20,
            total: data?.total ?? 0,
            showTotal: (total) => t('common.total', { total }),
          }}
          onChange={(pagination) =>
            update({ page: pagination.current === 1 ? undefined : pagination.current })
          }
          cardTitle={(rule) => rule.name}
          cardActions={(rule) => [<RowActions key="actions" actions={actionsOf(rule)} />]}
          cardHiddenColumns={['name', 'actions']}
          columns={[
            {
              key: 'code',
              dataIndex: 'code',
              title: t('numbering.fields.code'),
              render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
            },
            { key: 'name', dataIndex: 'name', title: t('numbering.fields.name') },
            {
              key: 'pattern',
              dataIndex: 'pattern',
              title: t('numbering.fields.pattern'),
              render: (pattern: string, rule) => (
                <span style={{ fontFamily: 'monospace' }}>
                  {pattern}
                  {rule.prefix && <Typography.Text type="secondary"> · {rule.prefix}</Typography.Text>}
                </span>
              ),
            },
            {
              key: 'reset',
              dataIndex: 'reset',
              title: t('numbering.fields.reset'),
              render: (reset: NumberingRule['reset']) => t(`numbering.reset.${reset}`),
            },
            {
              key: 'nextNumber',
              dataIndex: 'nextNumber',
              title: t('numbering.fields.nextNumber'),
              render: (next: string) => (
                <Typography.Text strong style={{ fontFamily: 'monospace' }} title={t('numbering.nextHint')}>
                  {next}
                </Typography.Text>
              ),
            },
            {
              key: 'active',
              dataIndex: 'active',
              title: t('numbering.fields.active'),
              render: (active: boolean) =>
                active ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>,
            },
            ...(canManage
              ? [
                  {
                    key: 'actions',
                    title: t('common.actions'),
                    render: (_: unknown, rule: NumberingRule) => <RowActions actions={actionsOf(rule)} />,
                  },
                ]
              : []),
          ]}
        />
      </AsyncContent>
      <NumberingRuleModal target={target} onClose={() => setTarget(null)} />
    </PageContainer>
  );
}
