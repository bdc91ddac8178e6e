import { contractPlanLineSortFields, contractPlanReportSortFields } from '@concord/contracts';
import { useMemo } from 'react';
import type { QueryParams } from '../../../app/api/client';
import { useUrlFilters } from '../../../shared/useUrlFilters';

const filterKeys = [
  'tab',
  'year',
  'entityId',
  'departmentId',
  'categoryId',
  'direction',
  'q',
  'page',
  'pageSize',
  'sort',
] as const;

export type PlanFilterKey = (typeof filterKeys)[number];
export type PlanTab = 'lines' | 'report';
export const defaultPlanPageSize = 20;
/** The year filter's value for "every year" (no `year` in the URL means this year). */
export const ALL_YEARS = 'all';

const lineSorts = new Set<string>(contractPlanLineSortFields);
const reportSorts = new Set<string>(contractPlanReportSortFields);

function positiveInt(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

export const currentYear = () => new Date().getFullYear();

/**
 * The planning page's state from the URL (tab, filters, paging, sort) and the API queries derived
 * from it. Values the server would refuse (a hand-edited sort, a year of "abc") are dropped here.
 */
export function usePlanFilters() {
  const { values, update, reset } = useUrlFilters(filterKeys);
  const tab: PlanTab = values.tab === 'report' ? 'report' : 'lines';
  const query = useMemo(() => {
    const sorts = tab === 'report' ? reportSorts : lineSorts;
    const sort = values.sort && sorts.has(values.sort.replace(/^-/, '')) ? values.sort : undefined;
    const year =
      values.year === ALL_YEARS ? undefined : /^\d{4}$/.test(values.year ?? '') ? values.year : currentYear();
    const result: QueryParams = {
      year,
      entityId: values.entityId,
      departmentId: values.departmentId,
      categoryId: values.categoryId,
      direction:
        values.direction === 'INCOME' || values.direction === 'EXPENSE' ? values.direction : undefined,
      q: values.q,
      page: positiveInt(values.page, 1),
      pageSize: Math.min(positiveInt(values.pageSize, defaultPlanPageSize), 200),
      sort,
    };
    return result;
  }, [values, tab]);

  /** The same filters without paging, for the Excel export. */
  const exportQuery = useMemo(() => {
    const { page: _page, pageSize: _pageSize, ...rest } = query;
    return rest;
  }, [query]);

  return { tab, values, query, exportQuery, update, reset };
}
