import { Checkbox, DatePicker, Input, InputNumber, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterBar, useFilterWidth } from '../../../shared/FilterBar';
import { useIsPhone } from '../../../shared/useIsPhone';
import type { UrlFilterPatch, UrlFilterValues } from '../../../shared/useUrlFilters';
import { EntityPicker } from '../../system/components/EntityPicker';
import { CategoryTreeSelect } from '../pickers/CategoryTreeSelect';
import { PeopleFilters } from '../pickers/PeopleFilters';
import { contractStatuses, directionLabel, statusLabel } from '../shared/labels';
import type { LedgerFilterKey } from './useLedgerFilters';

interface LedgerFilterBarProps {
  values: UrlFilterValues<LedgerFilterKey>;
  update: (patch: UrlFilterPatch<LedgerFilterKey>) => void;
  reset: () => void;
}

const expiryPresets = [0, 7, 15, 30, 60, 90, 180];

function rangeValue(
  from: string | undefined,
  to: string | undefined,
): [dayjs.Dayjs | null, dayjs.Dayjs | null] | null {
  if (!from && !to) return null;
  return [from ? dayjs(from) : null, to ? dayjs(to) : null];
}

/** An amount typed in yuan, applied when the user leaves the box or presses Enter. */
function AmountBox({
  value,
  onApply,
  placeholder,
  testId,
}: {
  value: string | undefined;
  onApply: (value: string | undefined) => void;
  placeholder: string;
  testId: string;
}) {
  const [text, setText] = useState<string | null>(value ?? null);
  useEffect(() => setText(value ?? null), [value]);
  const apply = () => onApply(text === null || text === '' ? undefined : text);
  return (
    <InputNumber<string>
      stringMode
      min="0"
      precision={2}
      prefix="¥"
      placeholder={placeholder}
      value={text}
      onChange={setText}
      onBlur={apply}
      onPressEnter={apply}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}

/** The ledger's filters: common ones inline, the rest folded; every change lands in the URL. */
export function LedgerFilterBar({ values, update, reset }: LedgerFilterBarProps) {
  const { t } = useTranslation();
  const width = useFilterWidth();
  // The search box is edited locally and applied on Enter, so typing does not reload the list.
  const [search, setSearch] = useState(values.q ?? '');
  useEffect(() => setSearch(values.q ?? ''), [values.q]);
  const statuses = (values.status ?? '').split(',').filter(Boolean);
  const isPhone = useIsPhone();

  const searchBox = (
    <Input.Search
      allowClear
      placeholder={t('contracts.filter.search')}
      value={search}
      onChange={(event) => setSearch(event.target.value)}
      onSearch={(q) => update({ q: q.trim() })}
      style={width(240)}
      data-testid="contracts-filter-q"
    />
  );
  const common = (
    <>
      <Select<string[]>
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={t('contracts.field.status')}
        aria-label={t('contracts.field.status')}
        value={statuses}
        onChange={(next) => update({ status: next.join(',') })}
        options={contractStatuses.map((status) => ({ value: status, label: statusLabel(t, status) }))}
        style={width(200)}
        data-testid="contracts-filter-status"
      />
      <Select
        allowClear
        placeholder={t('contracts.field.direction')}
        aria-label={t('contracts.field.direction')}
        value={values.direction}
        onChange={(direction) => update({ direction })}
        options={(['INCOME', 'EXPENSE'] as const).map((direction) => ({
          value: direction,
          label: directionLabel(t, direction),
        }))}
        style={width(110)}
        data-testid="contracts-filter-direction"
      />
      <CategoryTreeSelect
        allowClear
        includeInactive
        placeholder={t('contracts.field.category')}
        aria-label={t('contracts.field.category')}
        value={values.categoryId}
        onChange={(categoryId) => update({ categoryId })}
        style={width(180)}
        data-testid="contracts-filter-category"
      />
      <DatePicker.RangePicker
        allowEmpty={[true, true]}
        placeholder={[t('contracts.filter.signFrom'), t('contracts.filter.signTo')]}
        value={rangeValue(values.signDateFrom, values.signDateTo)}
        onChange={(dates) =>
          update({
            signDateFrom: dates?.[0]?.format('YYYY-MM-DD'),
            signDateTo: dates?.[1]?.format('YYYY-MM-DD'),
          })
        }
        style={width(260)}
        data-testid="contracts-filter-sign-date"
      />
    </>
  );
  const folded = (
    <>
      <EntityPicker
        allowClear
        placeholder={t('contracts.field.entity')}
        aria-label={t('contracts.field.entity')}
        value={values.entityId}
        // Departments belong to one entity, so a department filter cannot survive an entity change.
        onChange={(entityId) => update({ entityId, departmentId: undefined })}
        style={width(180)}
        data-testid="contracts-filter-entity"
      />
      <PeopleFilters values={values} update={update} testIdPrefix="contracts-filter" />
      <DatePicker.RangePicker
        allowEmpty={[true, true]}
        placeholder={[t('contracts.filter.endFrom'), t('contracts.filter.endTo')]}
        value={rangeValue(values.endDateFrom, values.endDateTo)}
        onChange={(dates) =>
          update({
            endDateFrom: dates?.[0]?.format('YYYY-MM-DD'),
            endDateTo: dates?.[1]?.format('YYYY-MM-DD'),
          })
        }
        style={width(260)}
        data-testid="contracts-filter-end-date"
      />
      <Space.Compact style={width(260)}>
        <AmountBox
          value={values.amountMin}
          onApply={(amountMin) => update({ amountMin })}
          placeholder={t('contracts.filter.amountMin')}
          testId="contracts-filter-amount-min"
        />
        <AmountBox
          value={values.amountMax}
          onApply={(amountMax) => update({ amountMax })}
          placeholder={t('contracts.filter.amountMax')}
          testId="contracts-filter-amount-max"
        />
      </Space.Compact>
      <Select<number>
        allowClear
        placeholder={t('contracts.filter.expiring')}
        aria-label={t('contracts.filter.expiring')}
        value={values.expiringWithinDays ? Number(values.expiringWithinDays) : undefined}
        onChange={(days) => update({ expiringWithinDays: days })}
        options={expiryPresets.map((days) => ({
          value: days,
          label: days === 0 ? t('contracts.filter.expired') : t('contracts.filter.expiringWithin', { days }),
        }))}
        style={width(160)}
        data-testid="contracts-filter-expiring"
      />
      <Select<string>
        allowClear
        placeholder={t('contractLedgerExecution.matchingFilter')}
        aria-label={t('contractLedgerExecution.matchingFilter')}
        value={values.matchingStatus}
        onChange={(matchingStatus) => update({ matchingStatus })}
        options={(['MATCHED', 'MISMATCHED'] as const).map((value) => ({
          value,
          label: t(`contractLedgerExecution.matching.${value}`),
        }))}
        style={width(140)}
        data-testid="contracts-filter-matching"
      />
      <Checkbox
        checked={values.overdueOnly === 'true'}
        onChange={(event) => update({ overdueOnly: event.target.checked ? 'true' : undefined })}
        data-testid="contracts-filter-overdue"
      >
        {t('contractLedgerExecution.overdueOnly')}
      </Checkbox>
    </>
  );

  return (
    <FilterBar
      onReset={() => {
        setSearch('');
        reset();
      }}
      // At phone width only the search stays open: five full-width filters would fill the screen.
      more={
        isPhone ? (
          <>
            {common}
            {folded}
          </>
        ) : (
          folded
        )
      }
    >
      {searchBox}
      {!isPhone && common}
    </FilterBar>
  );
}
