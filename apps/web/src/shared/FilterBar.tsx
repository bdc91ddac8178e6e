import { DownOutlined, UpOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import { type CSSProperties, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from './useIsPhone';

interface FilterBarProps {
  /** The common filters, always visible. */
  children: ReactNode;
  /** Less used filters, folded behind "more filters". */
  more?: ReactNode;
  onReset?: () => void;
}

/**
 * Width of one filter: fixed on desktop so the bar lines up, the whole row at phone width.
 * Returned as an inline style because antd's own input widths would otherwise win.
 */
export function useFilterWidth(): (desktopWidth: number) => CSSProperties {
  const isPhone = useIsPhone();
  return (desktopWidth) => ({ width: isPhone ? '100%' : desktopWidth });
}

/** The filter bar above every list. Each filter applies as soon as it changes (no search button). */
export function FilterBar({ children, more, onReset }: FilterBarProps) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  return (
    <Flex className="concord-filter-bar" wrap gap={8} align="center" style={{ marginBottom: 16 }}>
      {children}
      {expanded && more}
      {more && (
        <Button type="link" onClick={() => setExpanded((value) => !value)}>
          {expanded ? t('common.lessFilters') : t('common.moreFilters')}
          {expanded ? <UpOutlined /> : <DownOutlined />}
        </Button>
      )}
      {onReset && <Button onClick={onReset}>{t('common.reset')}</Button>}
    </Flex>
  );
}
