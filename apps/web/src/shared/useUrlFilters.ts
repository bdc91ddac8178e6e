import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

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
