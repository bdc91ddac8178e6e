import { Menu } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { usePermissions } from '../auth/session';
import { buildMenuItems, menuSections, selectedMenuKey } from '../menu';

/** The navigation menu, built from the session's permissions; used in the sider and the phone drawer. */
export function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const { pathname } = useLocation();
  const items = useMemo(() => buildMenuItems(can, t, onNavigate), [can, t, onNavigate]);
  return (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={[selectedMenuKey(pathname)]}
      defaultOpenKeys={menuSections.map((section) => section.key)}
      items={items}
      data-testid="side-menu"
    />
  );
}
