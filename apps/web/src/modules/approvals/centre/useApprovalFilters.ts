import { wfTabs } from '@concord/contracts';
import { useMemo } from 'react';
import type { QueryParams } from '../../../app/api/client';
import { useUrlFilters } from '../../../shared/useUrlFilters';
import type { WfTab } from '../api/workflowApi';
import { listStatuses } from '../shared/labels';

const filterKeys = ['tab', 'q', 'status', 'page', 'pageSize'] as const;
export type ApprovalFilterKey = (typeof filterKeys)[number];
export const defaultApprovalPageSize = 20;

function positiveInt(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

/**
 * The approval centre's state from the URL (a link reproduces the tab, search and page). Values the
 * server would refuse, such as a hand-edited tab, fall back to defaults instead of producing a 400.
 */
export function useApprovalFilters() {
  const { values, update, reset } = useUrlFilters(filterKeys);
  const tab: WfTab = (wfTabs as readonly string[]).includes(values.tab ?? '')
    ? (values.tab as WfTab)
    : 'todo';
  const query = useMemo(() => {
    const status = (listStatuses as readonly string[]).includes(values.status ?? '')
      ? values.status
      : undefined;
    const result: QueryParams = {
      tab,
      q: values.q,
      status,
      page: positiveInt(values.page, 1),
      pageSize: Math.min(positiveInt(values.pageSize, defaultApprovalPageSize), 200),
    };
    return result;
  }, [values, tab]);
  return { tab, values, query, update, reset };
}
