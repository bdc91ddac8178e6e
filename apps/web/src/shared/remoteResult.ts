/** One page of a list endpoint (the API's `Page`): more follow while page × pageSize < total. */
interface PageLike<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** A search answer: one page of a paged endpoint, or every match of an endpoint that limits itself. */
export type RemoteResult<T> = T[] | PageLike<T>;

export const itemsOf = <T>(result: RemoteResult<T>): T[] => (Array.isArray(result) ? result : result.items);

/** The page to ask for next, or undefined when this one was the last (a plain list is a single page). */
export const nextPageOf = <T>(result: RemoteResult<T>): number | undefined =>
  !Array.isArray(result) && result.page * result.pageSize < result.total ? result.page + 1 : undefined;
