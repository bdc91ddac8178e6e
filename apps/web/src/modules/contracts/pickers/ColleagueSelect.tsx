import { Select, type SelectProps } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useDirectorySearch } from '../../approvals/api/workflowApi';

interface ColleagueSelectProps
  extends Omit<SelectProps<string>, 'options' | 'onSearch' | 'showSearch' | 'mode'> {
  /** The name of the current value, which may not be among the search results. */
  currentLabel?: string | null;
}

const searchDelayMs = 300;

/**
 * One colleague (a contract's owner, the ledger's owner filter) from the colleague directory, which
 * every signed-in user may search; the user admin list would need `org.user.view`.
 */
export function ColleagueSelect({ currentLabel, value, ...props }: ColleagueSelectProps) {
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  const [opened, setOpened] = useState(false);

  useEffect(() => {
    const timer = setTimeout(() => setQ(input.trim()), searchDelayMs);
    return () => clearTimeout(timer);
  }, [input]);

  const { data, isFetching } = useDirectorySearch(q, opened);
  // Remember picked names so the chosen value keeps its label after the search text changes.
  const [seen, setSeen] = useState<Record<string, string>>({});
  useEffect(() => {
    if (!data?.length) return;
    setSeen((previous) => {
      const next = { ...previous };
      for (const user of data) next[user.id] = `${user.displayName} · ${user.departmentName}`;
      return next;
    });
  }, [data]);

  const options = useMemo(() => {
    const found = (data ?? []).map((user) => ({
      value: user.id,
      label: `${user.displayName} · ${user.departmentName}`,
    }));
    if (value && !found.some((option) => option.value === value)) {
      found.unshift({ value, label: seen[value] ?? currentLabel ?? value.slice(0, 8) });
    }
    return found;
  }, [data, value, currentLabel, seen]);

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
