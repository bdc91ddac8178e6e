import { Select, type SelectProps } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useUserSearch } from '../users/usersApi';

interface UserPickerProps
  extends Omit<SelectProps<string>, 'options' | 'onSearch' | 'showSearch' | 'loading'> {
  /** Limit the search to one legal entity. */
  entityId?: string;
  /** The label of the current value, which may not be among the first search results. */
  currentLabel?: string | null;
}

const searchDelayMs = 300;

/** Searchable user Select backed by `GET /org/users?q=`: users are too many to load up front. */
export function UserPicker({ entityId, currentLabel, value, ...props }: UserPickerProps) {
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  const [opened, setOpened] = useState(false);

  // Wait for a pause in typing so each keystroke does not cost a request.
  useEffect(() => {
    const timer = setTimeout(() => setQ(input.trim()), searchDelayMs);
    return () => clearTimeout(timer);
  }, [input]);

  const { data, isFetching } = useUserSearch(q, entityId, opened);
  const options = useMemo(() => {
    const found = (data ?? []).map((user) => ({
      value: user.id,
      label: `${user.displayName} (${user.username})`,
    }));
    if (value && currentLabel && !found.some((option) => option.value === value)) {
      found.unshift({ value, label: currentLabel });
    }
    return found;
  }, [data, value, currentLabel]);

  return (
    <Select<string>
      allowClear
      {...props}
      value={value}
      showSearch={{ filterOption: false, onSearch: setInput }}
      onOpenChange={(open) => open && setOpened(true)}
      options={options}
      loading={isFetching}
      popupMatchSelectWidth={false}
    />
  );
}
