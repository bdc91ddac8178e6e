import { PlusOutlined } from '@ant-design/icons';
import type { ContractCategory } from '@concord/contracts';
import { App, Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../../app/auth/session';
import { AsyncContent } from '../../../shared/AsyncContent';
import { EmptyState } from '../../../shared/EmptyState';
import { errorMessage } from '../../../shared/errorMessage';
import { FilterBar, useFilterWidth } from '../../../shared/FilterBar';
import { PageContainer } from '../../../shared/PageContainer';
import { RowActions } from '../../../shared/RowActions';
import { buildTree, bySortOrder, type TreeNode } from '../../../shared/tree';
import { useConfirm } from '../../../shared/useConfirm';
import { useExpandAll } from '../../../shared/useExpandAll';
import { useIsPhone } from '../../../shared/useIsPhone';
import { useUrlFilters } from '../../../shared/useUrlFilters';
import { attachmentTypeLabel, DirectionTag } from '../shared/labels';
import {
  useCategoryTree,
  useContractFlowOptions,
  useDeleteCategory,
  useNumberingRuleOptions,
} from './categoriesApi';
import { CategoryDrawer } from './CategoryDrawer';
import type { CategoryTarget } from './categoryForm';

const filterKeys = ['q', 'direction', 'active'] as const;

/** The group's contract category tree (合同类别): direction, numbering, flow, attachments, custom fields. */
export default function ContractCategoriesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const confirm = useConfirm();
  const width = useFilterWidth();
  const isPhone = useIsPhone();
  const { can } = usePermissions();
  const canManage = can('contract.category.manage');
  const { values, update, reset } = useUrlFilters(filterKeys);
  const { data, isLoading, error, refetch } = useCategoryTree();
  const rules = useNumberingRuleOptions(can('numbering.rule.view'));
  const flows = useContractFlowOptions(can('workflow.definition.view'));
  const remove = useDeleteCategory();
  const [target, setTarget] = useState<CategoryTarget | null>(null);
  const [search, setSearch] = useState(values.q ?? '');
  useEffect(() => setSearch(values.q ?? ''), [values.q]);

  const fullTree = useMemo(() => buildTree(data ?? [], bySortOrder), [data]);
  // Filters apply to the loaded tree: it is small, and matches keep their ancestors for context.
  const visible = useMemo(() => {
    const q = values.q?.toLowerCase();
    const matches = (c: ContractCategory) =>
      (!q || c.name.toLowerCase().includes(q) || c.code.toLowerCase().includes(q)) &&
      (!values.direction || c.direction === values.direction) &&
      (!values.active || String(c.active) === values.active);
    const prune = (nodes: TreeNode<ContractCategory>[]): TreeNode<ContractCategory>[] =>
      nodes.flatMap((node) => {
        const children = node.children ? prune(node.children) : [];
        if (!matches(node) && children.length === 0) return [];
        return [{ ...node, children: children.length ? children : undefined }];
      });
    return q || values.direction || values.active ? prune(fullTree) : fullTree;
  }, [fullTree, values]);
  const allIds = useMemo(() => (data ?? []).map((c) => c.id), [data]);
  const expandable = useExpandAll(allIds);
  const ruleNames = useMemo(() => new Map((rules.data ?? []).map((r) => [r.id, r.name])), [rules.data]);
  const flowNames = useMemo(() => new Map((flows.data ?? []).map((f) => [f.key, f.name])), [flows.data]);

  const onDelete = async (category: ContractCategory) => {
    const confirmed = await confirm({
      title: t('contractSetup.categories.deleteConfirm', { name: category.name }),
      content: t('contractSetup.categories.deleteHint'),
      okText: t('common.delete'),
      danger: true,
    });
    if (!confirmed) return;
    remove.mutate(category.id, {
      onSuccess: () => message.success(t('common.deleted')),
      onError: (err) => message.error(errorMessage(err, t)),
    });
  };

  const columns: ColumnsType<TreeNode<ContractCategory>> = [
    {
      key: 'name',
      title: t('contractSetup.categories.name'),
      width: isPhone ? undefined : 280,
      render: (_, c) => (
        <span data-testid={`category-row-${c.code}`}>
          <Typography.Text strong={!c.parentId}>{c.name}</Typography.Text>{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.code}
          </Typography.Text>
          {isPhone && (
            <span style={{ marginInlineStart: 6 }}>
              <DirectionTag direction={c.direction} />
            </span>
          )}
          {!c.active && (
            <Tag style={{ marginInlineStart: 8 }} data-testid={`category-inactive-${c.code}`}>
              {t('common.inactive')}
            </Tag>
          )}
        </span>
      ),
    },
  ];
  if (!isPhone)
    columns.push({
      key: 'direction',
      title: t('contractSetup.categories.direction'),
      render: (_, c) => (
        <Space size={4}>
          <DirectionTag direction={c.direction} />
          {c.directionInherited && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('contractSetup.categories.inherited')}
            </Typography.Text>
          )}
        </Space>
      ),
    });
  if (!isPhone) {
    columns.push(
      {
        key: 'attachments',
        title: t('contractSetup.categories.requiredAttachments'),
        render: (_, c) =>
          c.requiredAttachmentTypes.length ? (
            <Space size={[0, 4]} wrap>
              {c.requiredAttachmentTypes.map((type) => (
                <Tag key={type}>{attachmentTypeLabel(t, type)}</Tag>
              ))}
            </Space>
          ) : (
            '—'
          ),
      },
      {
        key: 'fields',
        title: t('contractSetup.categories.fields'),
        render: (_, c) =>
          c.fields.length ? (
            <span title={c.fields.map((f) => f.label).join('、')}>
              {t('contractSetup.categories.fieldCount', { count: c.fields.length })}
            </span>
          ) : (
            <Typography.Text type="secondary">{t('contractSetup.categories.noFields')}</Typography.Text>
          ),
      },
      {
        key: 'numberRule',
        title: t('contractSetup.categories.numberRule'),
        render: (_, c) =>
          c.numberRuleId ? (
            (ruleNames.get(c.numberRuleId) ?? c.numberRuleId)
          ) : (
            <Typography.Text type="secondary">—</Typography.Text>
          ),
      },
      {
        key: 'flow',
        title: t('contractSetup.categories.flowKey'),
        render: (_, c) =>
          c.flowKey ? (
            (flowNames.get(c.flowKey) ?? c.flowKey)
          ) : (
            <Typography.Text type="secondary">—</Typography.Text>
          ),
      },
      {
        key: 'reminder',
        title: t('contractSetup.categories.expiryReminderDays'),
        align: 'right',
        render: (_, c) => t('contractSetup.categories.daysBefore', { days: c.expiryReminderDays }),
      },
    );
  }
  if (canManage) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      fixed: isPhone ? undefined : 'right',
      render: (_, c) => (
        <RowActions
          actions={[
            {
              key: 'edit',
              label: t('common.edit'),
              testId: `category-edit-${c.code}`,
              onClick: () => setTarget({ mode: 'edit', category: c }),
            },
            {
              key: 'addChild',
              label: t('contractSetup.categories.createChild'),
              testId: `category-add-child-${c.code}`,
              onClick: () => setTarget({ mode: 'create', parentId: c.id }),
            },
            {
              key: 'delete',
              label: t('common.delete'),
              danger: true,
              testId: `category-delete-${c.code}`,
              onClick: () => void onDelete(c),
            },
          ]}
        />
      ),
    });
  }

  const createButton = canManage && (
    <Button
      type="primary"
      icon={<PlusOutlined />}
      data-testid="category-create"
      onClick={() => setTarget({ mode: 'create', parentId: null })}
    >
      {t('contractSetup.categories.create')}
    </Button>
  );

  return (
    <PageContainer title={t('contractSetup.categories.title')} extra={createButton}>
      <FilterBar
        onReset={() => {
          setSearch('');
          reset();
        }}
      >
        <Input.Search
          allowClear
          placeholder={t('contractSetup.categories.searchPlaceholder')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          onSearch={(q) => update({ q: q.trim() })}
          style={width(240)}
          data-testid="categories-filter-q"
        />
        <Select
          allowClear
          placeholder={t('contractSetup.categories.allDirections')}
          aria-label={t('contractSetup.categories.allDirections')}
          value={values.direction}
          onChange={(direction) => update({ direction })}
          options={[
            { value: 'INCOME', label: t('contracts.direction.INCOME') },
            { value: 'EXPENSE', label: t('contracts.direction.EXPENSE') },
          ]}
          style={width(140)}
          data-testid="categories-filter-direction"
        />
        <Select
          allowClear
          placeholder={t('common.status')}
          aria-label={t('common.status')}
          value={values.active}
          onChange={(active) => update({ active })}
          options={[
            { value: 'true', label: t('common.active') },
            { value: 'false', label: t('common.inactive') },
          ]}
          style={width(120)}
          data-testid="categories-filter-active"
        />
      </FilterBar>
      <AsyncContent
        isLoading={isLoading}
        error={error}
        onRetry={() => void refetch()}
        isEmpty={(data ?? []).length === 0}
        empty={<EmptyState description={t('contractSetup.categories.empty')} action={createButton} />}
      >
        <Table<TreeNode<ContractCategory>>
          rowKey="id"
          data-testid="categories-table"
          columns={columns}
          dataSource={visible}
          pagination={false}
          size="middle"
          scroll={{ x: 'max-content' }}
          expandable={expandable}
          locale={{ emptyText: <EmptyState description={t('contractSetup.categories.empty')} /> }}
        />
      </AsyncContent>
      <CategoryDrawer target={target} tree={fullTree} onClose={() => setTarget(null)} />
    </PageContainer>
  );
}
