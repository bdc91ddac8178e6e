import { SettingOutlined } from '@ant-design/icons';
import type { ContractDirection, ContractException, ContractStatus } from '@concord/contracts';
import { Button, Flex, Select, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { usePermissions } from '../../../app/auth/session';
import { EmptyState } from '../../../shared/EmptyState';
import { FilterBar, useFilterWidth } from '../../../shared/FilterBar';
import { formatMoney, formatPercentFromBasisPoints } from '../../../shared/format';
import { type LedgerColumn, LedgerPage, ledgerQueryState } from '../../../shared/LedgerPage';
import { sortableBy } from '../../../shared/ledgerSort';
import { SearchFilter } from '../../../shared/SearchFilter';
import { useUrlLedger } from '../../../shared/useUrlFilters';
import { ContractStatusTag, DirectionTag } from '../shared/labels';
import { exportContractExceptions, useContractExceptions, useExecutionSettings } from './exceptionsApi';

const filterKeys = ['q', 'entityId', 'direction'] as const;
/** The sorts the server's exceptions list offers (matching.service.ts). */
const sortFields = ['maxDifference', 'number', 'name', 'paid', 'invoiced', 'accepted'] as const;

/** A difference of two figures, in the contract's currency. */
function Diff({ minor, currency }: { minor: number; currency: string }) {
  return (
    <Typography.Text type={minor === 0 ? 'secondary' : 'danger'} style={{ fontSize: 12 }}>
      {formatMoney(minor, currency)}
    </Typography.Text>
  );
}

function exceptionColumns(t: TFunction, sort: string | undefined): LedgerColumn<ContractException>[] {
  // Without a sort in the URL the server lists the largest difference first.
  const by = (field: string) => sortableBy(sort ?? '-maxDifference', field);
  return [
    {
      key: 'name',
      title: t('contractExceptions.col.contract'),
      locked: true,
      ...by('name'),
      render: (_, row) => (
        <Flex vertical>
          <Flex gap={6} align="center">
            <Link to={`/contracts/${row.contractId}?tab=matching`} data-testid="exception-contract-link">
              {row.name}
            </Link>
            <DirectionTag direction={row.direction} />
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[row.number, row.partnerName].filter(Boolean).join(' · ')}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'entity', title: t('contractExceptions.col.entity'), dataIndex: 'entityName' },
    {
      key: 'executable',
      title: t('contractExceptions.col.executable'),
      align: 'right',
      render: (_, row) => formatMoney(row.executableAmount, row.currency),
    },
    ...(['paid', 'invoiced', 'accepted'] as const).map(
      (key): LedgerColumn<ContractException> => ({
        key,
        title: t(`contractExceptions.col.${key}`),
        align: 'right',
        ...by(key),
        render: (_, row) => formatMoney(row[key], row.currency),
      }),
    ),
    {
      key: 'differences',
      title: t('contractExceptions.col.differences'),
      render: (_, row) => (
        <Flex vertical style={{ fontSize: 12 }}>
          {(['paidVsInvoiced', 'paidVsAccepted', 'invoicedVsAccepted'] as const).map((key) => (
            <span key={key} style={{ whiteSpace: 'nowrap' }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t(`contractMatching.col.${key}`)}{' '}
              </Typography.Text>
              <Diff minor={row[key]} currency={row.currency} />
            </span>
          ))}
        </Flex>
      ),
    },
    {
      key: 'maxDifference',
      title: t('contractExceptions.col.maxDifference'),
      align: 'right',
      ...by('maxDifference'),
      render: (_, row) => (
        <Typography.Text strong>{formatMoney(row.maxDifference, row.currency)}</Typography.Text>
      ),
    },
    {
      key: 'tolerance',
      title: t('contractExceptions.col.tolerance'),
      // The tolerance is an entity setting in 分 (CNY), whatever the contract's currency.
      render: (_, row) =>
        `${formatMoney(row.toleranceAmount)} / ${formatPercentFromBasisPoints(row.toleranceRate)}`,
    },
    {
      key: 'status',
      title: t('contractExceptions.col.status'),
      optional: true,
      render: (_, row) => <ContractStatusTag status={row.status as ContractStatus} />,
    },
  ];
}

/**
 * `/contracts/exceptions`: every contract in the caller's scope whose paid (received), invoiced and
 * accepted amounts disagree beyond its entity's tolerance, largest difference first; filters in the
 * URL, server paging and sorting, column settings; a row opens the contract's matching tab.
 */
export default function ContractExceptionsPage() {
  const { t } = useTranslation();
  const width = useFilterWidth();
  const navigate = useNavigate();
  const { can } = usePermissions();
  const ledger = useUrlLedger(filterKeys, { sortFields });
  const { values, update, reset } = ledger;
  const entities = useExecutionSettings();
  const direction: ContractDirection | undefined =
    values.direction === 'EXPENSE' || values.direction === 'INCOME' ? values.direction : undefined;

  const query = useMemo(
    () => ({
      q: values.q,
      entityId: values.entityId,
      direction,
      sort: ledger.sort,
      page: ledger.page,
      pageSize: ledger.pageSize,
    }),
    [values.q, values.entityId, direction, ledger.sort, ledger.page, ledger.pageSize],
  );
  const list = useContractExceptions(query);
  // The export takes the same filters and sort, every row.
  const exportQuery = { q: query.q, entityId: query.entityId, direction: query.direction, sort: query.sort };
  const { data } = list;
  const columns = useMemo(() => exceptionColumns(t, ledger.sort), [t, ledger.sort]);
  const openMatching = (row: ContractException) => navigate(`/contracts/${row.contractId}?tab=matching`);

  const filterBar = (
    <>
      <Typography.Paragraph type="secondary">{t('contractExceptions.description')}</Typography.Paragraph>
      <FilterBar onReset={reset}>
        <SearchFilter
          value={values.q}
          onSearch={(q) => update({ q })}
          placeholder={t('contractExceptions.search')}
          testId="exceptions-search"
        />
        <Select
          allowClear
          placeholder={t('contractExceptions.entity')}
          aria-label={t('contractExceptions.entity')}
          value={values.entityId}
          onChange={(value?: string) => update({ entityId: value })}
          loading={entities.isLoading}
          options={(entities.data ?? []).map((e) => ({ value: e.entityId, label: e.entityName }))}
          style={width(220)}
          data-testid="exceptions-entity"
        />
        <Select<ContractDirection>
          allowClear
          placeholder={t('contractExceptions.direction')}
          aria-label={t('contractExceptions.direction')}
          value={direction}
          onChange={(value?: ContractDirection) => update({ direction: value })}
          options={(['EXPENSE', 'INCOME'] as const).map((value) => ({
            value,
            label: t(`contracts.direction.${value}`),
          }))}
          style={width(140)}
          data-testid="exceptions-direction"
        />
      </FilterBar>
    </>
  );

  return (
    <LedgerPage<ContractException>
      ledgerId="exceptions"
      title={t('contractExceptions.title')}
      filterBar={filterBar}
      onExport={
        can('contract.export')
          ? (onProgress) =>
              exportContractExceptions(exportQuery, t('contractExceptions.exportFile'), onProgress)
          : undefined
      }
      actions={
        can('contract.settings') && (
          <Button
            icon={<SettingOutlined />}
            onClick={() => navigate('/contracts/settings')}
            data-testid="exceptions-settings"
          >
            {t('contractExceptions.settings')}
          </Button>
        )
      }
      columns={columns}
      rowKey="contractId"
      rows={data?.items}
      {...ledgerQueryState(list)}
      onSortChange={(sort) => update({ sort })}
      onRow={(row) => ({ onDoubleClick: () => openMatching(row) })}
      paging={ledger.paging(data?.total)}
      empty={<EmptyState description={t('contractExceptions.empty')} />}
      cardTitle={(row) => (
        <Flex gap={6} align="center" wrap>
          <Link to={`/contracts/${row.contractId}?tab=matching`}>{row.name}</Link>
          <DirectionTag direction={row.direction} />
        </Flex>
      )}
      cardActions={(row) => [
        <Button key="open" type="link" onClick={() => openMatching(row)} data-testid="exception-open">
          {t('contractExceptions.open')}
        </Button>,
      ]}
      cardHiddenColumns={['name']}
    />
  );
}
