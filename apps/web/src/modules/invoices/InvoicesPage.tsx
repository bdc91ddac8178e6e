import { type Invoice, invoiceSortFields, invoiceTypes } from '@concord/contracts';
import { DatePicker, Select, Typography } from 'antd';
import type { TFunction } from 'i18next';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../app/api/client';
import { usePermissions } from '../../app/auth/session';
import { EmptyState } from '../../shared/EmptyState';
import { FilterBar, useFilterWidth } from '../../shared/FilterBar';
import { formatDate, formatDateTime, formatMoney } from '../../shared/format';
import { type LedgerColumn, LedgerPage, ledgerQueryState } from '../../shared/LedgerPage';
import { sortableBy } from '../../shared/ledgerSort';
import { SearchFilter } from '../../shared/SearchFilter';
import { CreateButton } from '../../shared/listPage';
import type { invoicesZhCN } from '../../locales/invoices.zh-CN';
import { useUrlLedger } from '../../shared/useUrlFilters';
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
] as const;
/** `open` names the invoice in the drawer: in the URL so a link opens it, but not a filter. */
const urlKeys = [...filterKeys, 'open'] as const;
type InvoiceField = keyof typeof invoicesZhCN.invoices.field;

function invoiceColumns(
  t: TFunction,
  sort: string | undefined,
  open: (invoice: Invoice) => void,
): LedgerColumn<Invoice>[] {
  const money = (
    key: InvoiceField,
    amount: (invoice: Invoice) => number,
    optional = false,
  ): LedgerColumn<Invoice> => ({
    key,
    title: t(`invoices.field.${key}`),
    align: 'right',
    optional,
    render: (_, invoice) => formatMoney(amount(invoice)),
  });
  return [
    {
      key: 'number',
      title: t('invoices.field.number'),
      locked: true,
      ...sortableBy(sort, 'number'),
      render: (_, invoice) => (
        <Typography.Link onClick={() => open(invoice)} data-testid={`invoice-open-${invoice.number}`}>
          {invoice.number}
        </Typography.Link>
      ),
    },
    // Fully digital invoices have no code: one column fewer before the amounts.
    {
      key: 'code',
      title: t('invoices.field.code'),
      optional: true,
      render: (_, invoice) => invoice.code ?? '—',
    },
    {
      key: 'type',
      title: t('invoices.field.type'),
      render: (_, invoice) => (
        <>
          {t(`invoices.direction.${invoice.direction}`)} · {t(`invoices.type.${invoice.type}`)}
        </>
      ),
    },
    {
      key: 'issueDate',
      title: t('invoices.field.issueDate'),
      ...sortableBy(sort, 'issueDate'),
      render: (_, invoice) => formatDate(invoice.issueDate),
    },
    {
      key: 'sellerName',
      title: t('invoices.field.sellerName'),
      dataIndex: 'sellerName',
      ...sortableBy(sort, 'sellerName'),
    },
    { key: 'buyerName', title: t('invoices.field.buyerName'), dataIndex: 'buyerName' },
    { ...money('totalAmount', (invoice) => invoice.totalAmount), ...sortableBy(sort, 'totalAmount') },
    money('usedAmount', (invoice) => invoice.usedAmount),
    {
      key: 'status',
      title: t('invoices.field.status'),
      render: (_, invoice) => <InvoiceStatusTag status={invoice.status} />,
    },
    { key: 'entityName', title: t('invoices.field.entity'), dataIndex: 'entityName' },
    money('amountExclTax', (invoice) => invoice.amountExclTax, true),
    money('taxAmount', (invoice) => invoice.taxAmount, true),
    money('available', (invoice) => invoice.totalAmount - invoice.usedAmount, true),
    { key: 'sellerTaxId', title: t('invoices.field.sellerTaxId'), dataIndex: 'sellerTaxId', optional: true },
    { key: 'buyerTaxId', title: t('invoices.field.buyerTaxId'), dataIndex: 'buyerTaxId', optional: true },
    {
      key: 'remarks',
      title: t('invoices.field.remarks'),
      dataIndex: 'remarks',
      optional: true,
      ellipsis: true,
      render: (remarks: string | null) => remarks ?? '',
    },
    {
      key: 'createdAt',
      title: t('common.createdAt'),
      optional: true,
      ...sortableBy(sort, 'createdAt'),
      render: (_, invoice) => formatDateTime(invoice.createdAt),
    },
  ];
}

/** `/invoices`: the invoice registry (发票登记簿) with filters in the URL, export, registration and a detail drawer. */
export default function InvoicesPage() {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const width = useFilterWidth();
  const ledger = useUrlLedger(urlKeys, { sortFields: invoiceSortFields });
  const { values, update, reset } = ledger;
  // Opening or closing the drawer keeps the page the invoice was on.
  const page = values.page;
  const filterQuery = useMemo(() => {
    const { open: _open, page: _page, pageSize: _pageSize, sort: _sort, ...filters } = values;
    return { ...filters, sort: ledger.sort };
  }, [values, ledger.sort]);
  const query = useMemo(
    () => ({ ...filterQuery, page: ledger.page, pageSize: ledger.pageSize }),
    [filterQuery, ledger.page, ledger.pageSize],
  );
  const list = useInvoiceList(query);
  const [registering, setRegistering] = useState(false);
  const open = (invoice: Invoice) => update({ open: invoice.id, page });
  const columns = useMemo(
    () => invoiceColumns(t, ledger.sort, (invoice) => update({ open: invoice.id, page })),
    [t, ledger.sort, update, page],
  );

  const filterBar = (
    <FilterBar
      onReset={reset}
      more={
        <>
          <SearchFilter
            value={values.seller}
            onSearch={(seller) => update({ seller })}
            placeholder={t('invoices.filter.seller')}
            width={200}
            testId="invoices-filter-seller"
          />
          <Select
            allowClear
            placeholder={t('invoices.field.type')}
            aria-label={t('invoices.field.type')}
            value={values.type}
            onChange={(type) => update({ type })}
            options={invoiceTypes.map((value) => ({ value, label: t(`invoices.type.${value}`) }))}
            style={width(220)}
            data-testid="invoices-filter-type"
          />
          <EntityPicker
            allowClear
            placeholder={t('invoices.field.entity')}
            aria-label={t('invoices.field.entity')}
            value={values.entityId}
            onChange={(entityId: string | undefined) => update({ entityId })}
            style={width(200)}
            data-testid="invoices-filter-entity"
          />
        </>
      }
    >
      <SearchFilter
        value={values.q}
        onSearch={(q) => update({ q })}
        placeholder={t('invoices.filter.q')}
        width={240}
        testId="invoices-filter-q"
      />
      <Select
        allowClear
        placeholder={t('invoices.field.direction')}
        aria-label={t('invoices.field.direction')}
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
        aria-label={t('invoices.field.status')}
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
  );

  return (
    <LedgerPage<Invoice>
      ledgerId="invoices"
      title={t('invoices.title')}
      filterBar={filterBar}
      actions={
        <CreateButton
          allowed={can('invoice.manage')}
          label={t('invoices.register')}
          onClick={() => setRegistering(true)}
          testId="invoice-create"
        />
      }
      onExport={(onProgress) =>
        downloadFile('/invoices/export', filterQuery, t('invoices.exportFile'), onProgress)
      }
      columns={columns}
      rowKey="id"
      rows={list.data?.items}
      {...ledgerQueryState(list)}
      onSortChange={(sort) => update({ sort })}
      paging={ledger.paging(list.data?.total)}
      empty={<EmptyState description={t('invoices.empty')} />}
      cardTitle={(invoice) => (
        <Typography.Link onClick={() => open(invoice)}>
          {invoice.number} · {formatMoney(invoice.totalAmount)}
        </Typography.Link>
      )}
      cardHiddenColumns={['number', 'totalAmount']}
    >
      <RegisterInvoiceModal open={registering} onClose={() => setRegistering(false)} />
      <InvoiceDrawer id={values.open ?? null} onClose={() => update({ open: undefined, page })} />
    </LedgerPage>
  );
}
