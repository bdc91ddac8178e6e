import type { Page, User } from '@concord/contracts';
import type { SelectProps } from 'antd';
import { useCallback } from 'react';
import { api } from '../../../app/api/client';
import { RemoteSelect } from '../../../shared/FormInputs';
import { systemKeys } from '../queryKeys';

interface UserPickerProps
  extends Omit<SelectProps<string>, 'options' | 'onSearch' | 'showSearch' | 'loading' | 'mode'> {
  /** Limit the search to one legal entity. */
  entityId?: string;
  /** The label of the current value, which may not be among the first search results. */
  currentLabel?: string | null;
}

const pageSize = 20;
const toOption = (user: User) => ({
  value: user.id,
  label: `${user.displayName} (${user.username})`,
  item: user,
});

/** Searchable user Select backed by `GET /org/users?q=`, page by page: users are too many to load up front. */
export function UserPicker({ entityId, currentLabel, ...props }: UserPickerProps) {
  const queryKey = useCallback((q: string) => systemKeys.userSearch(q, entityId), [entityId]);
  const search = useCallback(
    (q: string, signal: AbortSignal, page: number) =>
      api.get<Page<User>>(
        '/org/users',
        { q: q || undefined, entityId, page, pageSize, active: true },
        signal,
      ),
    [entityId],
  );
  return (
    <RemoteSelect<User>
      {...props}
      queryKey={queryKey}
      search={search}
      toOption={toOption}
      currentLabel={currentLabel ?? undefined}
    />
  );
}
