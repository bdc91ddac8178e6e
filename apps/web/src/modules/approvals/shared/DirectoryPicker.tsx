import { Select, type SelectProps } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useDirectorySearch } from '../api/workflowApi';

const searchDelayMs = 300;

/**
 * Picks one colleague (transfer, delegate) from the directory every signed-in user may search; the
 * system module's `UserPicker` needs the user-administration permission and is for admin pages.
 */
export function DirectoryPicker({
  value,
  ...props
}: Omit<SelectProps<string>, 'options' | 'onSearch' | 'showSearch'>) {
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  const [opened, setOpened] = useState(false);

  useEffect(() => {
    const timer = setTimeout(() => setQ(input.trim()), searchDelayMs);
    return () => clearTimeout(timer);
  }, [input]);

  const { data, isFetching } = useDirectorySearch(q, opened);
  const options = useMemo(
    () =>
      (data ?? []).map((user) => ({ value: user.id, label: `${user.displayName} · ${user.departmentName}` })),
    [data],
  );
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
