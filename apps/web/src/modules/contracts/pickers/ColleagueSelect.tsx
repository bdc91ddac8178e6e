import type { DirectoryEntry } from '@concord/contracts';
import type { SelectProps } from 'antd';
import { useCallback } from 'react';
import { api } from '../../../app/api/client';
import { RemoteSelect } from '../../../shared/FormInputs';

interface ColleagueSelectProps
  extends Omit<SelectProps<string>, 'options' | 'onSearch' | 'showSearch' | 'mode' | 'loading'> {
  /** The name of the current value, which may not be among the search results. */
  currentLabel?: string | null;
}

/** Under the directory's key (the approval pages read `['org', 'directory', q]` in another shape). */
const directoryKey = (q: string) => ['org', 'directory', 'picker', q] as const;
const searchDirectory = (q: string, signal: AbortSignal) =>
  api
    .get<{ items: DirectoryEntry[] }>('/org/directory', { q: q || undefined }, signal)
    .then((data) => data.items);

/**
 * One colleague (a contract's owner, the ledger's owner filter) from the colleague directory, which
 * every signed-in user may search; the user admin list would need `org.user.view`.
 */
export function ColleagueSelect({ currentLabel, ...props }: ColleagueSelectProps) {
  const toOption = useCallback(
    (user: DirectoryEntry) => ({ value: user.id, label: `${user.displayName} · ${user.departmentName}` }),
    [],
  );
  return (
    <RemoteSelect<DirectoryEntry>
      {...props}
      queryKey={directoryKey}
      search={searchDirectory}
      toOption={toOption}
      currentLabel={currentLabel ?? undefined}
    />
  );
}
