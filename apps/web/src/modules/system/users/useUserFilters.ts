import { userSortFields } from '@concord/contracts';
import { useMemo } from 'react';
import type { QueryParams } from '../../../app/api/client';
import { useUrlFilters } from '../../../shared/useUrlFilters';

const filterKeys = [
  'q',
  'entityId',
  'departmentId',
  'includeSubDepartments',
  'active',
  'roleId',
  'page',
  'pageSize',
  'sort',
] as const;

export type UserFilterKey = (typeof filterKeys)[number];
export const defaultUserPageSize = 20;
const sortFields = new Set<string>(userSortFields);

function positiveInt(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

/**
 * The users list state from the URL, and the API query derived from it. Values the server would
 * refuse (a hand-edited sort field, a page of "abc") are dropped here instead of producing a 400.
 */
export function useUserFilters() {
  const { values, update, reset } = useUrlFilters(filterKeys);
  const query = useMemo(() => {
    const sort = values.sort && sortFields.has(values.sort.replace(/^-/, '')) ? values.sort : undefined;
    const result: QueryParams = {
      q: values.q,
      entityId: values.entityId,
      departmentId: values.departmentId,
      includeSubDepartments: values.departmentId ? values.includeSubDepartments : undefined,
      active: values.active === 'true' || values.active === 'false' ? values.active : undefined,
      roleId: values.roleId,
      page: positiveInt(values.page, 1),
      pageSize: Math.min(positiveInt(values.pageSize, defaultUserPageSize), 200),
      sort,
    };
    return result;
  }, [values]);

  /** The same filters without paging, for the Excel export. */
  const exportQuery = useMemo(() => {
    const { page: _page, pageSize: _pageSize, ...rest } = query;
    return rest;
  }, [query]);

  return { values, query, exportQuery, update, reset };
}
