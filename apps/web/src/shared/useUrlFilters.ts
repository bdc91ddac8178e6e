import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { LedgerPaging } from './LedgerPage';

export type UrlFilterValues<K extends string> = Partial<Record<K, string>>;
export type UrlFilterPatch<K extends string> = Partial<
  Record<K, string | number | boolean | null | undefined>
>;

/**
 * List-page filter state kept in the URL search params, so a copied link reproduces the view and the
 * back button undoes a filter change. Any change other than paging sends the user back to page 1.
 */
export function useUrlFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const serialized = params.toString();

  // biome-ignore lint/correctness/useExhaustiveDependencies: `serialized` stands for `params`' contents
  const values = useMemo(() => {
    const result: UrlFilterValues<K> = {};
    for (const key of keys) {
      const value = params.get(key);
      if (value !== null && value !== '') result[key] = value;
    }
    return result;
  }, [serialized, keys]);

  const update = useCallback(
    (patch: UrlFilterPatch<K>) => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(patch)) {
            if (value === undefined || value === null || value === '') next.delete(key);
            else next.set(key, String(value));
          }
          if (!('page' in patch)) next.delete('page');
          return next;
        },
        { replace: false },
      );
    },
    [setParams],
  );

  const reset = useCallback(() => setParams(new URLSearchParams()), [setParams]);

  return { values, update, reset };
}

const pagingKeys = ['sort', 'page', 'pageSize'] as const;
type PagingKey = (typeof pagingKeys)[number];

function positiveInt(value: string | undefined, fallback: number, max: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed >= 1 ? Math.min(parsed, max) : fallback;
}

/**
 * The page, page size and sort a ledger asks the server for, from the URL's text: a sort the
 * server does not offer (a hand-edited link) is dropped rather than answered with a 400, and the
 * page size is capped at the API's 200.
 */
export function pagedViewOf(
  values: UrlFilterValues<PagingKey>,
  sortFields: readonly string[],
  defaultPageSize = 20,
): { page: number; pageSize: number; sort: string | undefined } {
  const sort = values.sort && sortFields.includes(values.sort.replace(/^-/, '')) ? values.sort : undefined;
  return {
    page: positiveInt(values.page, 1, 100_000),
    pageSize: positiveInt(values.pageSize, defaultPageSize, 200),
    sort,
  };
}

/**
 * A page-numbered ledger's view in the URL: its filters plus `sort`, `page` and `pageSize` (read
 * by `pagedViewOf`). `paging(total)` is LedgerPage's pager for it, `filtered` tells the empty
 * state whether a filter hides rows.
 */
export function useUrlLedger<K extends string>(
  filterKeys: readonly K[],
  options: { sortFields: readonly string[]; defaultPageSize?: number },
) {
  const keys = useMemo(() => [...filterKeys, ...pagingKeys], [filterKeys]);
  const { values, update, reset } = useUrlFilters<K | PagingKey>(keys);
  const defaultPageSize = options.defaultPageSize ?? 20;
  const { page, pageSize, sort } = pagedViewOf(values, options.sortFields, defaultPageSize);
  const filtered = filterKeys.some((key) => values[key] !== undefined);
  const onPageChange = useCallback(
    (nextPage: number, nextPageSize: number) =>
      update({
        page: nextPage === 1 ? undefined : nextPage,
        pageSize: nextPageSize === defaultPageSize ? undefined : nextPageSize,
      } as UrlFilterPatch<K | PagingKey>),
    [update, defaultPageSize],
  );
  const paging = (total: number | undefined): LedgerPaging => ({
    mode: 'pages',
    page,
    pageSize,
    total: total ?? 0,
    onChange: onPageChange,
  });
  return { values, update, reset, sort, page, pageSize, filtered, paging };
}
