import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Layout, Skeleton, theme } from 'antd';
import { Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { useIsPhone } from '../../shared/useIsPhone';
import { AllowedPagesContext } from '../allowedPages';
import { usePermissions } from '../auth/session';
import { documentTitle } from '../documentTitle';
import { allowedPages, menuLabelKeyFor } from '../menu';
import { Brand } from './Brand';
import { EntitySwitcher } from './EntitySwitcher';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from './NotificationBell';
import { SideMenu } from './SideMenu';
import { UserMenu } from './UserMenu';

/** The signed-in frame: side menu (a drawer at phone width), header tools, and the page. */
export function AppLayout() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const { token } = theme.useToken();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const closeDrawer = useCallback(() => setDrawerOpen(false), []);
  const { can } = usePermissions();
  const pages = useMemo(() => allowedPages(can), [can]);

  // Each page names the browser tab (and what a screen reader announces on navigation).
  const { pathname } = useLocation();
  useEffect(() => {
    const labelKey = menuLabelKeyFor(pathname);
    document.title = documentTitle(labelKey ? t(labelKey) : null, t('app.productName'));
  }, [pathname, t]);

  // Leaving phone width (rotating a tablet) must not leave a stale drawer open.
  useEffect(() => {
    if (!isPhone) setDrawerOpen(false);
  }, [isPhone]);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!isPhone && (
        <Layout.Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          width={220}
          breakpoint="lg"
          style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
        >
          <Brand collapsed={collapsed} />
          <SideMenu />
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            padding: isPhone ? '0 12px' : '0 24px',
            position: 'sticky',
            top: 0,
            zIndex: 10,
            boxShadow: '0 1px 4px rgba(0, 21, 41, 0.08)',
          }}
        >
          <Flex align="center" gap={8} style={{ height: '100%' }}>
            {isPhone && (
              <Button
                data-testid="menu-toggle"
                aria-label={t('menu.openMenu')}
                icon={<MenuOutlined />}
                onClick={() => setDrawerOpen(true)}
              />
            )}
            <div style={{ flex: 1 }} />
            <EntitySwitcher compact={isPhone} />
            <NotificationBell />
            <LanguageSwitch />
            <UserMenu compact={isPhone} />
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: isPhone ? 12 : 24, minWidth: 0 }}>
          <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
            <AllowedPagesContext.Provider value={pages}>
              <Outlet />
            </AllowedPagesContext.Provider>
          </Suspense>
        </Layout.Content>
      </Layout>
      {isPhone && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={closeDrawer}
          size={260}
          closable={false}
          styles={{ body: { padding: 0, background: '#001529' } }}
        >
          <Brand />
          <SideMenu onNavigate={closeDrawer} />
        </Drawer>
      )}
    </Layout>
  );
}
