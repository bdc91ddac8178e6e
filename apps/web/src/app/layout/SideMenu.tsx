import { Menu } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useTaskCounts } from '../../modules/approvals/api/workflowApi';
import { usePermissions } from '../auth/session';
import { buildMenuItems, menuSectionKeys, selectedMenuKey } from '../menu';

/** The navigation menu, built from the session's permissions; used in the sider and the phone drawer. */
export function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const { pathname } = useLocation();
  // The approval centre's entry shows how many approvals wait for me, like DingTalk's 待办 badge.
  const { data: counts } = useTaskCounts();
  const todo = counts?.todo ?? 0;
  const items = useMemo(
    () => buildMenuItems(can, t, onNavigate, { '/approvals': todo }),
    [can, t, onNavigate, todo],
  );
  return (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={[selectedMenuKey(pathname)]}
      defaultOpenKeys={menuSectionKeys}
      items={items}
      data-testid="side-menu"
    />
  );
}
