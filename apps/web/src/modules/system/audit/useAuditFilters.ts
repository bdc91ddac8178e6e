import { useMemo } from 'react';
import type { QueryParams } from '../../../app/api/client';
import { useUrlFilters } from '../../../shared/useUrlFilters';

const filterKeys = ['actorId', 'entityType', 'entityId', 'action', 'from', 'to', 'page', 'pageSize'] as const;
export type AuditFilterKey = (typeof filterKeys)[number];
export const defaultAuditPageSize = 20;

const isDate = (value: string | undefined) =>
  value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;

function positiveInt(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

/** Audit log filters from the URL, cleaned to what `auditListQuerySchema` accepts. */
export function useAuditFilters() {
  const { values, update, reset } = useUrlFilters(filterKeys);
  const query = useMemo<QueryParams>(
    () => ({
      actorId: values.actorId,
      entityType: values.entityType,
      entityId: values.entityId,
      action: values.action,
      from: isDate(values.from),
      to: isDate(values.to),
      page: positiveInt(values.page, 1),
      pageSize: Math.min(positiveInt(values.pageSize, defaultAuditPageSize), 200),
    }),
    [values],
  );
  const exportQuery = useMemo(() => {
    const { page: _page, pageSize: _pageSize, ...rest } = query;
    return rest;
  }, [query]);
  return { values, query, exportQuery, update, reset };
}
