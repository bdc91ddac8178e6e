import { Checkbox, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions, useSession } from '../../../app/auth/session';
import { FilterBar, useFilterWidth } from '../../../shared/FilterBar';
import type { UrlFilterPatch, UrlFilterValues } from '../../../shared/useUrlFilters';
import { DepartmentTreeSelect } from '../components/DepartmentTreeSelect';
import { EntityPicker } from '../components/EntityPicker';
import { useRoles } from '../roles/rolesApi';
import type { UserFilterKey } from './useUserFilters';

interface UserFilterBarProps {
  values: UrlFilterValues<UserFilterKey>;
  update: (patch: UrlFilterPatch<UserFilterKey>) => void;
  reset: () => void;
}

export function UserFilterBar({ values, update, reset }: UserFilterBarProps) {
  const { t } = useTranslation();
  const width = useFilterWidth();
  const session = useSession();
  const { can } = usePermissions();
  const canListRoles = can('iam.role.view');
  const roles = useRoles({ enabled: canListRoles });
  // The search box is edited locally and applied on Enter, so typing does not reload the list.
  const [search, setSearch] = useState(values.q ?? '');
  useEffect(() => setSearch(values.q ?? ''), [values.q]);

  const departmentEntity = values.entityId ?? session.actingEntity.id;

  return (
    <FilterBar
      onReset={() => {
        setSearch('');
        reset();
      }}
      more={
        <>
          {canListRoles && (
            <Select
              allowClear
              placeholder={t('users.role')}
              aria-label={t('users.role')}
              value={values.roleId}
              onChange={(roleId) => update({ roleId })}
              options={(roles.data ?? []).map((role) => ({ value: role.id, label: role.name }))}
              loading={roles.isLoading}
              style={width(180)}
              showSearch={{ optionFilterProp: 'label' }}
              data-testid="users-filter-role"
            />
          )}
          <Checkbox
            checked={values.includeSubDepartments === 'true'}
            disabled={!values.departmentId}
            onChange={(event) => update({ includeSubDepartments: event.target.checked ? 'true' : undefined })}
          >
            {t('users.includeSubDepartments')}
          </Checkbox>
        </>
      }
    >
      <Input.Search
        allowClear
        placeholder={t('users.searchPlaceholder')}
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        onSearch={(q) => update({ q: q.trim() })}
        style={width(260)}
        data-testid="users-filter-q"
      />
      <EntityPicker
        allowClear
        placeholder={t('users.entity')}
        aria-label={t('users.entity')}
        value={values.entityId}
        // Departments belong to one entity, so a department filter cannot survive an entity change.
        onChange={(entityId) =>
          update({ entityId, departmentId: undefined, includeSubDepartments: undefined })
        }
        style={width(200)}
        data-testid="users-filter-entity"
      />
      {can('org.department.view') && (
        <DepartmentTreeSelect
          allowClear
          entityId={departmentEntity}
          placeholder={t('users.department')}
          aria-label={t('users.department')}
          value={values.departmentId}
          onChange={(departmentId: string | undefined) => update({ departmentId })}
          style={width(200)}
          data-testid="users-filter-department"
        />
      )}
      <Select
        allowClear
        placeholder={t('users.status')}
        aria-label={t('users.status')}
        value={values.active}
        onChange={(active) => update({ active })}
        options={[
          { value: 'true', label: t('common.active') },
          { value: 'false', label: t('common.inactive') },
        ]}
        style={width(120)}
        data-testid="users-filter-active"
      />
    </FilterBar>
  );
}
