import { Select, type SelectProps } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useDirectorySearch } from '../api/workflowApi';

interface UsersSelectProps
  extends Omit<SelectProps<string[]>, 'options' | 'onSearch' | 'showSearch' | 'mode'> {
  /** Names of already chosen ids, which may not be among the current search results. */
  knownLabels?: Record<string, string>;
}

const searchDelayMs = 300;

/**
 * A searchable user Select (approvers, CC, added signers; `single` for transfer and delegate) over
 * the colleague directory, which every signed-in user may search.
 */
export function UsersSelect({ knownLabels, value, ...props }: UsersSelectProps) {
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  const [opened, setOpened] = useState(false);
  // Remember the names of picked users so tags keep their label after the search text changes.
  const [seen, setSeen] = useState<Record<string, string>>({});

  useEffect(() => {
    const timer = setTimeout(() => setQ(input.trim()), searchDelayMs);
    return () => clearTimeout(timer);
  }, [input]);

  const { data, isFetching } = useDirectorySearch(q, opened);
  useEffect(() => {
    if (!data?.length) return;
    setSeen((previous) => {
      const next = { ...previous };
      for (const user of data) next[user.id] = `${user.displayName} · ${user.departmentName}`;
      return next;
    });
  }, [data]);

  const options = useMemo(() => {
    const labels = { ...knownLabels, ...seen };
    const found = (data ?? []).map((user) => ({
      value: user.id,
      label: labels[user.id] ?? user.displayName,
    }));
    for (const id of value ?? []) {
      if (!found.some((option) => option.value === id)) found.push({ value: id, label: labels[id] ?? id });
    }
    return found;
  }, [data, value, knownLabels, seen]);

  return (
    <Select<string[]>
      allowClear
      {...props}
      mode="multiple"
      value={value}
      showSearch={{ filterOption: false, onSearch: setInput }}
      onOpenChange={(open) => open && setOpened(true)}
      options={options}
      loading={isFetching}
    />
  );
}
