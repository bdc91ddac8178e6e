import { Input } from 'antd';
import { useEffect, useState } from 'react';
import { useFilterWidth } from './FilterBar';

/**
 * The free-text filter of a list: typing stays local, Enter or the search button applies it (a
 * request per keystroke would page through the server for nothing), and it follows the URL when a
 * link, the back button or "reset" changes the value.
 */
export function SearchFilter({
  value,
  onSearch,
  placeholder,
  width = 280,
  testId,
}: {
  value: string | undefined;
  onSearch: (value: string | undefined) => void;
  placeholder: string;
  width?: number;
  testId?: string;
}) {
  const filterWidth = useFilterWidth();
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  return (
    <Input.Search
      allowClear
      value={text}
      onChange={(event) => setText(event.target.value)}
      onSearch={(next) => onSearch(next.trim() || undefined)}
      placeholder={placeholder}
      maxLength={100}
      style={filterWidth(width)}
      data-testid={testId}
    />
  );
}
