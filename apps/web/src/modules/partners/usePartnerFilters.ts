import { partnerSortFields } from '@concord/contracts';
import { useMemo } from 'react';
import type { QueryParams } from '../../app/api/client';
import { useUrlFilters } from '../../shared/useUrlFilters';

const filterKeys = [
  'q',
  'kind',
  'type',
  'region',
  'industry',
  'rating',
  'blacklisted',
  'entityId',
  'page',
  'pageSize',
  'sort',
] as const;

export type PartnerFilterKey = (typeof filterKeys)[number];
export const defaultPartnerPageSize = 20;
const sortFields = new Set<string>(partnerSortFields);

function positiveInt(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

/** The partner list's state from the URL, and the API query derived from it. */
export function usePartnerFilters() {
  const { values, update, reset } = useUrlFilters(filterKeys);
  const query = useMemo(() => {
    const sort = values.sort && sortFields.has(values.sort.replace(/^-/, '')) ? values.sort : undefined;
    const result: QueryParams = {
      q: values.q,
      kind: values.kind,
      type: values.type,
      region: values.region,
      industry: values.industry,
      rating: values.rating,
      blacklisted:
        values.blacklisted === 'true' || values.blacklisted === 'false' ? values.blacklisted : undefined,
      entityId: values.entityId,
      page: positiveInt(values.page, 1),
      pageSize: Math.min(positiveInt(values.pageSize, defaultPartnerPageSize), 200),
      sort,
    };
    return result;
  }, [values]);

  const exportQuery = useMemo(() => {
    const { page: _page, pageSize: _pageSize, ...rest } = query;
    return rest;
  }, [query]);

  const filtered = Object.entries(values).some(
    ([key, value]) => !['page', 'pageSize', 'sort'].includes(key) && value,
  );
  return { values, query, exportQuery, update, reset, filtered };
}
