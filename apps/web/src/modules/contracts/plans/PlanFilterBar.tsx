import { Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../../app/auth/session';
import { FilterBar, useFilterWidth } from '../../../shared/FilterBar';
import type { UrlFilterPatch, UrlFilterValues } from '../../../shared/useUrlFilters';
import { DepartmentTreeSelect } from '../../system/components/DepartmentTreeSelect';
import { EntityPicker } from '../../system/components/EntityPicker';
import { CategoryTreeSelect } from '../pickers/CategoryTreeSelect';
import { ALL_YEARS, currentYear, type PlanFilterKey } from './usePlanFilters';

interface PlanFilterBarProps {
  values: UrlFilterValues<PlanFilterKey>;
  update: (patch: UrlFilterPatch<PlanFilterKey>) => void;
}

/** Year, entity, department, category, direction and text: shared by the lines and the report tab. */
export function PlanFilterBar({ values, update }: PlanFilterBarProps) {
  const { t } = useTranslation();
  const width = useFilterWidth();
  const { can } = usePermissions();
  const [search, setSearch] = useState(values.q ?? '');
  useEffect(() => setSearch(values.q ?? ''), [values.q]);
  const thisYear = currentYear();
  const years = [thisYear + 1, thisYear, thisYear - 1, thisYear - 2, thisYear - 3];

  return (
    <FilterBar
      onReset={() => {
        setSearch('');
        // The tab is where the user is, not a filter: it stays.
        update({
          year: undefined,
          q: undefined,
          entityId: undefined,
          departmentId: undefined,
          categoryId: undefined,
          direction: undefined,
          sort: undefined,
          pageSize: undefined,
        });
      }}
      more={
        <>
          {can('contract.category.view') && (
            <CategoryTreeSelect
              allowClear
              includeInactive
              placeholder={t('contractSetup.plans.category')}
              aria-label={t('contractSetup.plans.category')}
              value={values.categoryId}
              onChange={(categoryId) => update({ categoryId })}
              style={width(200)}
              data-testid="plans-filter-category"
            />
          )}
          <Select
            allowClear
            placeholder={t('contractSetup.plans.direction')}
            aria-label={t('contractSetup.plans.direction')}
            value={values.direction}
            onChange={(direction) => update({ direction })}
            options={[
              { value: 'INCOME', label: t('contracts.direction.INCOME') },
              { value: 'EXPENSE', label: t('contracts.direction.EXPENSE') },
            ]}
            style={width(120)}
            data-testid="plans-filter-direction"
          />
        </>
      }
    >
      <Select
        value={values.year ?? String(thisYear)}
        onChange={(year) => update({ year: year === String(thisYear) ? undefined : year })}
        options={[
          ...years.map((year) => ({ value: String(year), label: String(year) })),
          { value: ALL_YEARS, label: t('contractSetup.plans.allYears') },
        ]}
        style={width(110)}
        aria-label={t('contractSetup.plans.year')}
        data-testid="plans-filter-year"
      />
      <Input.Search
        allowClear
        placeholder={t('contractSetup.plans.searchPlaceholder')}
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        onSearch={(q) => update({ q: q.trim() })}
        style={width(220)}
        data-testid="plans-filter-q"
      />
      <EntityPicker
        allowClear
        placeholder={t('contractSetup.plans.entity')}
        aria-label={t('contractSetup.plans.entity')}
        value={values.entityId}
        // Departments belong to one entity, so a department filter cannot survive an entity change.
        onChange={(entityId) => update({ entityId, departmentId: undefined })}
        style={width(200)}
        data-testid="plans-filter-entity"
      />
      {can('org.department.view') && (
        <DepartmentTreeSelect
          allowClear
          entityId={values.entityId}
          placeholder={t('contractSetup.plans.department')}
          aria-label={t('contractSetup.plans.department')}
          value={values.departmentId}
          onChange={(departmentId: string | undefined) => update({ departmentId })}
          disabled={!values.entityId}
          style={width(180)}
          data-testid="plans-filter-department"
        />
      )}
    </FilterBar>
  );
}
