import type { FormDefinition } from '@concord/contracts';
import { App, Button, Input, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { usePermissions } from '../../app/auth/session';
import { AsyncContent } from '../../shared/AsyncContent';
import { EmptyState } from '../../shared/EmptyState';
import { errorMessage } from '../../shared/errorMessage';
import { FilterBar, useFilterWidth } from '../../shared/FilterBar';
import { formatDateTime } from '../../shared/format';
import { PageContainer } from '../../shared/PageContainer';
import { actionsColumn, CreateButton } from '../../shared/listPage';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import { useConfirm } from '../../shared/useConfirm';
import { FormDefinitionDrawer, type FormDefinitionTarget } from './FormDefinitionDrawer';
import { useDeleteForm, useFormDefinitions } from './formsApi';

const PAGE_SIZE = 20;

/** 表单定义: ad-hoc forms employees submit for approval. */
export default function FormDefinitionsPage() {
  const { t } = useTranslation();
  const width = useFilterWidth();
  const { message } = App.useApp();
  const confirm = useConfirm();
  const { can } = usePermissions();
  const canManage = can('form.definition.manage');
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? 1) || 1;
  const { data, isLoading, error, refetch } = useFormDefinitions({
    q: q || undefined,
    page,
    pageSize: PAGE_SIZE,
  });
  const remove = useDeleteForm();
  const [target, setTarget] = useState<FormDefinitionTarget | null>(null);

  const onDelete = async (form: FormDefinition) => {
    const confirmed = await confirm({
      title: t('forms.deleteConfirm', { name: form.name }),
      okText: t('common.delete'),
      danger: true,
    });
    if (!confirmed) return;
    remove.mutate(form.id, {
      onSuccess: () => message.success(t('common.deleted')),
      onError: (err) => message.error(errorMessage(err, t)),
    });
  };

  const rowActions = (form: FormDefinition) => [
    <Button
      key="edit"
      type="link"
      size="small"
      data-testid="form-definition-edit"
      onClick={() => setTarget({ mode: 'edit', form })}
    >
      {t('common.edit')}
    </Button>,
    <Button key="delete" type="link" size="small" danger onClick={() => void onDelete(form)}>
      {t('common.delete')}
    </Button>,
  ];

  const columns: ColumnsType<FormDefinition> = [
    { key: 'name', title: t('forms.name'), dataIndex: 'name' },
    { key: 'code', title: t('forms.code'), dataIndex: 'code' },
    {
      key: 'scope',
      title: t('forms.scope'),
      dataIndex: 'entityId',
      render: (entityId: string | null) => (entityId ? t('forms.oneEntity') : t('forms.groupWide')),
    },
    { key: 'fields', title: t('forms.fields'), render: (_, form) => form.fields.length },
    {
      key: 'active',
      title: t('common.status'),
      dataIndex: 'active',
      render: (active: boolean) => (
        <Tag color={active ? 'green' : 'default'}>{active ? t('common.active') : t('common.inactive')}</Tag>
      ),
    },
    { key: 'updatedAt', title: t('forms.updatedAt'), dataIndex: 'updatedAt', render: formatDateTime },
  ];
  if (canManage) columns.push(actionsColumn(t('common.actions'), rowActions));

  const createButton = (testId?: string) => (
    <CreateButton
      allowed={canManage}
      label={t('forms.create')}
      onClick={() => setTarget({ mode: 'create' })}
      testId={testId}
    />
  );

  return (
    <PageContainer title={t('forms.title')} extra={createButton('form-definition-create')}>
      <FilterBar>
        <Input.Search
          allowClear
          defaultValue={q}
          placeholder={t('forms.search')}
          style={width(260)}
          data-testid="form-definition-search"
          onSearch={(value) => setParams(value ? { q: value } : {})}
        />
      </FilterBar>
      <AsyncContent
        isLoading={isLoading}
        error={error}
        onRetry={() => void refetch()}
        isEmpty={(data?.items ?? []).length === 0}
        empty={<EmptyState description={t('forms.empty')} action={createButton()} />}
      >
        <ResponsiveTable<FormDefinition>
          rowKey="id"
          data-testid="form-definitions-table"
          columns={columns}
          dataSource={data?.items}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: data?.total ?? 0,
            hideOnSinglePage: true,
            onChange: (next) => setParams({ ...(q ? { q } : {}), page: String(next) }),
          }}
          size="middle"
          empty={<EmptyState description={t('forms.empty')} />}
          cardTitle={(form) => form.name}
          cardActions={canManage ? rowActions : undefined}
          cardHiddenColumns={['name', 'actions']}
        />
      </AsyncContent>
      <FormDefinitionDrawer target={target} onClose={() => setTarget(null)} />
    </PageContainer>
  );
}
