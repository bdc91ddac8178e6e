import type { SortOrder, SorterResult } from 'antd/es/table/interface';

/** The sort in the URL (`-amount`) as antd's per-column sort order. */
export function sortOrderOf(sort: string | undefined, field: string): SortOrder {
  if (sort === field) return 'ascend';
  if (sort === `-${field}`) return 'descend';
  return null;
}

/** antd's sorter (one column or several) as the URL's sort (`amount`, `-amount` or none). */
export function sortFromSorter(sorter: unknown): string | undefined {
  const single = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<unknown> | undefined;
  if (!single?.order || single.columnKey === undefined) return undefined;
  const field = String(single.columnKey);
  return single.order === 'descend' ? `-${field}` : field;
}

/** Props of a column the server can sort by. */
export const sortableBy = (sort: string | undefined, field: string) => ({
  sorter: true,
  sortOrder: sortOrderOf(sort, field),
});
