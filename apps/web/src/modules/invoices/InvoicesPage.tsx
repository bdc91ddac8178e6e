import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { type Invoice, invoiceTypes } from '@concord/contracts';
import { App, Button, DatePicker, Input, Select, Typography } from 'antd';
import type { TablePaginationConfig } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { SorterResult } from 'antd/es/table/interface';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile, type QueryParams } from '../../app/api/client';
import { usePermissions } from '../../app/auth/session';
import { AsyncContent } from '../../shared/AsyncContent';
import { EmptyState } from '../../shared/EmptyState';
import { errorMessage } from '../../shared/errorMessage';
import { FilterBar, useFilterWidth } from '../../shared/FilterBar';
import { formatDate, formatMoney } from '../../shared/format';
import { PageContainer } from '../../shared/PageContainer';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import { useUrlFilters } from '../../shared/useUrlFilters';
import { EntityPicker } from '../system/components/EntityPicker';
import { InvoiceDrawer } from './InvoiceDrawer';
import { InvoiceStatusTag } from './InvoiceStatusTag';
import { useInvoiceList } from './invoicesApi';
import { RegisterInvoiceModal } from './RegisterInvoiceModal';

const filterKeys = [
  'q',
  'direction',
  'type',
  'status',
  'seller',
  'issuedFrom',
  'issuedTo',
  'entityId',
  'sort',
  'page',
  'pageSize',
  'open',
] as const;
const defaultPageSize = 20;

/** `/invoices`: the invoice registry (发票登记簿) with filters in the URL, export, registration and a detail drawer. */
export default function InvoicesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = usePermissions();
  const width = useFilterWidth();
  const { values, update, reset } = useUrlFilters(filterKeys);
  const openId = values.open;
  const page = values.page;
  const query: QueryParams = useMemo(() => {
    const { open: _open, page: current, pageSize, ...filters } = values;
    return { ...filters, page: Number(current ?? 1), pageSize: Number(pageSize ?? defaultPageSize) };
  }, [values]);
  const list = useInvoiceList(query);
  const [registering, setRegistering] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [search, setSearch] = useState(values.q ?? '');
  const [seller, setSeller] = useState(values.seller ?? '');
  useEffect(() => setSearch(values.q ?? ''), [values.q]);
  useEffect(() => setSeller(values.seller ?? ''), [values.seller]);

  const onExport = async () => {
    setExporting(true);
    try {
      const { page: _p, pageSize: _s, ...exportQuery } = query;
      await downloadFile('/invoices/export', exportQuery, 'invoices.xlsx');
      message.success(t('common.exported'));
    } catch (err) {
      message.error(errorMessage(err, t));
    } finally {
      setExporting(false);
    }
  };

  const sortOrder = (key: string) =>
    values.sort === key ? ('ascend' as const) : values.sort === `-${key}` ? ('descend' as const) : null;
  const columns: ColumnType<Invoice>[] = [
    {
      key: 'number',
      title: t('invoices.field.number'),
      sorter: true,
      sortOrder: sortOrder('number'),
      render: (_, i) => (
        <Typography.Link
          onClick={() => update({ open: i.id, page })}
          data-testid={`invoice-open-${i.number}`}
        >
          {i.number}
        </Typography.Link>
      ),
    },
    { key: 'code', title: t('invoices.field.code'), render: (_, i) => i.code ?? '—' },
    {
      key: 'type',
      title: t('invoices.field.type'),
      render: (_, i) => (
        <>
          {t(`invoices.direction.${i.direction}`)} · {t(`invoices.type.${i.type}`)}
        </>
      ),
    },
    {
      key: 'issueDate',
      title: t('invoices.field.issueDate'),
      sorter: true,
      sortOrder: sortOrder('issueDate'),
      render: (_, i) => formatDate(i.issueDate),
    },
    {
      key: 'sellerName',
      title: t('invoices.field.sellerName'),
      sorter: true,
      sortOrder: sortOrder('sellerName'),
      dataIndex: 'sellerName',
    },
    { key: 'buyerName', title: t('invoices.field.buyerName'), dataIndex: 'buyerName' },
    {
      key: 'totalAmount',
      title: t('invoices.field.totalAmount'),
      align: 'right',
      sorter: true,
      sortOrder: sortOrder('totalAmount'),
      render: (_, i) => formatMoney(i.totalAmount),
    },
    {
      key: 'usedAmount',
      title: t('invoices.field.usedAmount'),
      align: 'right',
      render: (_, i) => formatMoney(i.usedAmount),
    },
    {
      key: 'status',
      title: t('invoices.field.status'),
      render: (_, i) => <InvoiceStatusTag status={i.status} />,
    },
    { key: 'entityName', title: t('invoices.field.entity'), dataIndex: 'entityName' },
  ];

  const onTableChange = (pagination: TablePaginationConfig, _filters: unknown, sorter: unknown) => {
    const single = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<Invoice> | undefined;
    const field = single?.order ? String(single.columnKey) : undefined;
    const sort = field ? (single?.order === 'descend' ? `-${field}` : field) : undefined;
    update({
      sort,
      page: sort !== values.sort || pagination.current === 1 ? undefined : pagination.current,
      pageSize: pagination.pageSize === defaultPageSize ? undefined : pagination.pageSize,
    });
  };

  const toolbar = (
    <>
      <Button
        icon={<DownloadOutlined />}
        loading={exporting}
        onClick={onExport}
        data-testid="invoices-export"
      >
        {t('common.export')}
      </Button>
      {can('invoice.manage') && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setRegistering(true)}
          data-testid="invoice-create"
        >
          {t('invoices.register')}
        </Button>
      )}
    </>
  );

  return (
    <PageContainer title={t('invoices.title')} extra={toolbar}>
      <FilterBar
        onReset={() => {
          setSearch('');
          setSeller('');
          reset();
        }}
        more={
          <>
            <Input.Search
              allowClear
              placeholder={t('invoices.filter.seller')}
              value={seller}
              onChange={(event) => setSeller(event.target.value)}
              onSearch={(value) => update({ seller: value.trim() })}
              style={width(200)}
              data-testid="invoices-filter-seller"
            />
            <Select
              allowClear
              placeholder={t('invoices.field.type')}
              value={values.type}
              onChange={(type) => update({ type })}
              options={invoiceTypes.map((value) => ({ value, label: t(`invoices.type.${value}`) }))}
              style={width(220)}
              data-testid="invoices-filter-type"
            />
            <EntityPicker
              allowClear
              placeholder={t('invoices.field.entity')}
              value={values.entityId}
              onChange={(entityId: string | undefined) => update({ entityId })}
              style={width(200)}
              data-testid="invoices-filter-entity"
            />
          </>
        }
      >
        <Input.Search
          allowClear
          placeholder={t('invoices.filter.q')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          onSearch={(q) => update({ q: q.trim() })}
          style={width(240)}
          data-testid="invoices-filter-q"
        />
        <Select
          allowClear
          placeholder={t('invoices.field.direction')}
          value={values.direction}
          onChange={(direction) => update({ direction })}
          options={(['RECEIVED', 'ISSUED'] as const).map((d) => ({
            value: d,
            label: t(`invoices.direction.${d}`),
          }))}
          style={width(130)}
          data-testid="invoices-filter-direction"
        />
        <Select
          allowClear
          placeholder={t('invoices.field.status')}
          value={values.status}
          onChange={(status) => update({ status })}
          options={(['VALID', 'VOIDED'] as const).map((s) => ({
            value: s,
            label: t(`invoices.status.${s}`),
          }))}
          style={width(120)}
          data-testid="invoices-filter-status"
        />
        <DatePicker.RangePicker
          value={[
            values.issuedFrom ? dayjs(values.issuedFrom) : null,
            values.issuedTo ? dayjs(values.issuedTo) : null,
          ]}
          onChange={(range) =>
            update({
              issuedFrom: range?.[0]?.format('YYYY-MM-DD'),
              issuedTo: range?.[1]?.format('YYYY-MM-DD'),
            })
          }
          placeholder={[t('invoices.filter.issuedFrom'), t('invoices.filter.issuedTo')]}
          style={width(260)}
          data-testid="invoices-filter-dates"
        />
      </FilterBar>
      <AsyncContent
        isLoading={list.isLoading}
        error={list.data ? null : list.error}
        onRetry={() => void list.refetch()}
      >
        <ResponsiveTable<Invoice>
          rowKey="id"
          data-testid="invoices-table"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          onChange={onTableChange}
          size="middle"
          empty={<EmptyState description={t('invoices.empty')} />}
          pagination={{
            current: query.page as number,
            pageSize: query.pageSize as number,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
          }}
          cardTitle={(i) => (
            <Typography.Link onClick={() => update({ open: i.id, page })}>
              {i.number} · {formatMoney(i.totalAmount)}
            </Typography.Link>
          )}
          cardHiddenColumns={['number', 'totalAmount']}
        />
      </AsyncContent>
      <RegisterInvoiceModal open={registering} onClose={() => setRegistering(false)} />
      <InvoiceDrawer id={openId ?? null} onClose={() => update({ open: undefined, page })} />
    </PageContainer>
  );
}
