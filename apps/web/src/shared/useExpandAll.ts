import { useCallback, useMemo, useState } from 'react';

/**
 * Expansion state for a tree table that starts fully open and stays open for rows added later
 * (antd's `defaultExpandedRowKeys` only applies to the first render): it remembers what the user
 * collapsed instead of what is expanded.
 */
export function useExpandAll(allIds: readonly string[]) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const expandedRowKeys = useMemo(() => allIds.filter((id) => !collapsed.has(id)), [allIds, collapsed]);
  const onExpand = useCallback((expanded: boolean, record: { id: string }) => {
    setCollapsed((previous) => {
      const next = new Set(previous);
      if (expanded) next.delete(record.id);
      else next.add(record.id);
      return next;
    });
  }, []);
  return { expandedRowKeys, onExpand };
}
