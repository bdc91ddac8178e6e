import type { DirectoryEntry } from '@concord/contracts';
import type { SelectProps } from 'antd';
import { api } from '../app/api/client';
import { RemoteSelect } from './RemoteSelect';

export interface DirectorySelectProps
  extends Omit<SelectProps<string>, 'options' | 'onSearch' | 'showSearch' | 'mode' | 'loading'> {
  /** The name of the current value, which may not be among the search results. */
  currentLabel?: string | null;
}

/** Under the directory's key (the approval pages read `['org', 'directory', q]` in another shape). */
const directoryKey = (q: string) => ['org', 'directory', 'picker', q] as const;
// The directory limits its own answer (no pages): narrowing the text finds the rest.
const searchDirectory = (q: string, signal: AbortSignal) =>
  api
    .get<{ items: DirectoryEntry[] }>('/org/directory', { q: q || undefined }, signal)
    .then((data) => data.items);
const toOption = (user: DirectoryEntry) => ({
  value: user.id,
  label: `${user.displayName} · ${user.departmentName}`,
  item: user,
});

/**
 * One colleague from the directory every signed-in user may search (name and department); the
 * system module's user list would need the user-administration permission.
 */
export function DirectorySelect({ currentLabel, ...props }: DirectorySelectProps) {
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
