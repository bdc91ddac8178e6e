import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Select, type SelectProps, Spin } from 'antd';
import { type ReactNode, type UIEvent, useEffect, useMemo, useRef, useState } from 'react';
import { itemsOf, nextPageOf, type RemoteResult } from './remoteResult';

export interface RemoteOption<T = unknown> {
  value: string;
  /** Shown in the box once picked (and in the list unless `display` is given). */
  label: ReactNode;
  /** Shown in the list instead of the label: tags, a code, the reason it is disabled. */
  display?: ReactNode;
  disabled?: boolean;
  title?: string;
  /** The record behind the option, handed to `onChange` as part of the option. */
  item?: T;
}

interface RemoteSelectProps<T>
  extends Omit<SelectProps<string>, 'options' | 'onSearch' | 'showSearch' | 'loading' | 'mode'> {
  /** The query key of one search (the typed text is its last part). */
  queryKey: (q: string) => readonly unknown[];
  /** Asks the API for page `page` (from 1) of the records matching the text. */
  search: (q: string, signal: AbortSignal, page: number) => Promise<RemoteResult<T>>;
  toOption: (item: T) => RemoteOption<T>;
  /** The label of the current value when it is not among the results (an edited record's own). */
  currentLabel?: ReactNode;
  /**
   * Reads the current value's record when its label is neither given nor among the results (a
   * value from the URL): one request, under the record's own query key.
   */
  lookup?: {
    queryKey: (id: string) => readonly unknown[];
    fetch: (id: string, signal: AbortSignal) => Promise<T>;
  };
  /** What to say when the search for the typed text finds nothing (it may know why). */
  notFoundFor?: (q: string) => ReactNode;
}

const searchDelayMs = 300;
/** How near the list's bottom (px) scrolling asks for the next page. */
const nextPageMarginPx = 32;

/**
 * A select that searches an API list as the user types (after a short pause), for records too
 * many to load up front. Nothing is fetched until it is opened; scrolling to the bottom of the list
 * loads the next page; a picked option keeps its label after the search text changes.
 */
export function RemoteSelect<T>({
  queryKey,
  search,
  toOption,
  currentLabel,
  lookup,
  notFoundFor,
  value,
  ...props
}: RemoteSelectProps<T>) {
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  const [opened, setOpened] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setQ(input.trim()), searchDelayMs);
    return () => clearTimeout(timer);
  }, [input]);

  const results = useInfiniteQuery({
    queryKey: queryKey(q),
    queryFn: ({ signal, pageParam }) => search(q, signal, pageParam),
    initialPageParam: 1,
    getNextPageParam: (last) => nextPageOf(last),
    enabled: opened,
    placeholderData: keepPreviousData,
  });
  const found = useMemo(
    () => (results.data?.pages ?? []).flatMap((page) => itemsOf(page).map(toOption)),
    [results.data, toOption],
  );
  // Options met in earlier searches, so a picked one keeps its label when the text changes.
  const seen = useRef(new Map<string, RemoteOption<T>>());
  for (const option of found) seen.current.set(option.value, option);

  const missing = Boolean(value) && !found.some((option) => option.value === value);
  const looked = useQuery({
    queryKey: lookup?.queryKey(value ?? '') ?? ['remote-select', 'no-lookup'],
    queryFn: ({ signal }) => lookup!.fetch(value!, signal),
    enabled: Boolean(lookup && missing && currentLabel === undefined && !seen.current.has(value!)),
  });

  const options = useMemo(() => {
    if (!value || !missing) return found;
    const known =
      seen.current.get(value) ??
      (currentLabel !== undefined ? { value, label: currentLabel } : undefined) ??
      (looked.data ? toOption(looked.data) : undefined);
    return [known ?? { value, label: value.slice(0, 8) }, ...found];
  }, [found, value, missing, currentLabel, looked.data, toOption]);

  const onPopupScroll = (event: UIEvent<HTMLDivElement>) => {
    const list = event.currentTarget;
    const nearBottom = list.scrollTop + list.clientHeight >= list.scrollHeight - nextPageMarginPx;
    if (nearBottom && results.hasNextPage && !results.isFetchingNextPage) void results.fetchNextPage();
  };

  return (
    <Select<string, RemoteOption<T>>
      allowClear
      {...props}
      value={value}
      showSearch={{ filterOption: false, onSearch: setInput }}
      onOpenChange={(open) => open && setOpened(true)}
      options={options}
      optionRender={(option) => option.data.display ?? option.data.label}
      onPopupScroll={onPopupScroll}
      notFoundContent={
        results.isFetching ? <Spin size="small" /> : (notFoundFor?.(q) ?? props.notFoundContent)
      }
      loading={results.isFetching}
      popupMatchSelectWidth={false}
    />
  );
}
