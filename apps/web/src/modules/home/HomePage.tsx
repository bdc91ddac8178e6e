import { RightOutlined } from '@ant-design/icons';
import { permissionGroups } from '@concord/contracts';
import { Card, Col, Descriptions, Flex, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePermissions, useSession } from '../../app/auth/session';
import { currentLocale } from '../../app/i18n';
import { useAllowedPages } from '../../app/allowedPages';

/** The workbench: who and where the user is acting, what they may do, and the way there. */
export default function HomePage() {
  const { t } = useTranslation();
  const session = useSession();
  const { can, permissions } = usePermissions();
  const locale = currentLocale();
  const pages = useAllowedPages();
  const grantedGroups = permissionGroups
    .map((group) => ({ group, actions: group.actions.filter((action) => can(action.code)) }))
    .filter(({ actions }) => actions.length > 0);

  return (
    <Flex vertical gap={16}>
      <Card variant="borderless">
        <Typography.Title level={1} style={{ marginTop: 0, fontSize: 24 }} data-testid="home-welcome">
          {t('home.welcome', { name: session.user.displayName })}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('home.welcomeHint')}</Typography.Paragraph>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 4 }}
          items={[
            { key: 'entity', label: t('home.actingEntity'), children: session.actingEntity.name },
            {
              key: 'department',
              label: t('home.department'),
              children: session.user.departmentName ?? t('common.notSet'),
            },
            {
              key: 'position',
              label: t('home.position'),
              children: session.user.positionName ?? t('common.notSet'),
            },
            {
              key: 'roles',
              label: t('home.roles'),
              children: session.roles.length
                ? session.roles.map((role) => <Tag key={role.id}>{role.name}</Tag>)
                : t('common.notSet'),
            },
          ]}
        />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('home.quickLinks')} variant="borderless" style={{ height: '100%' }}>
            {pages.length === 0 ? (
              <Typography.Text type="secondary">{t('home.noQuickLinks')}</Typography.Text>
            ) : (
              <Row gutter={[12, 12]}>
                {pages.map((page) => (
                  <Col xs={12} sm={8} key={page.path}>
                    <Link to={page.path} data-testid={`quick-link-${page.testId.replace('menu-', '')}`}>
                      <Card size="small" hoverable>
                        <Flex align="center" gap={8}>
                          {page.icon}
                          <span style={{ flex: 1 }}>{t(page.labelKey)}</span>
                          <RightOutlined style={{ fontSize: 10 }} />
                        </Flex>
                      </Card>
                    </Link>
                  </Col>
                ))}
              </Row>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('home.permissions')} variant="borderless" style={{ height: '100%' }}>
            {grantedGroups.length === 0 ? (
              <Typography.Text type="secondary">{t('home.noPermissions')}</Typography.Text>
            ) : (
              <Flex vertical gap={8}>
                <Typography.Text type="secondary">
                  {t('home.permissionCount', { count: permissions.size })}
                </Typography.Text>
                {grantedGroups.map(({ group, actions }) => (
                  <Flex key={group.key} gap={8} wrap align="center">
                    <Typography.Text strong style={{ minWidth: 80 }}>
                      {group.label[locale]}
                    </Typography.Text>
                    {actions.map((action) => (
                      <Tag key={action.code} color="blue">
                        {action.label[locale]}
                      </Tag>
                    ))}
                  </Flex>
                ))}
              </Flex>
            )}
          </Card>
        </Col>
      </Row>
      {session.entities.length > 1 && (
        <Card title={t('home.otherEntities')} variant="borderless">
          <Flex gap={8} wrap>
            {session.entities.map((entity) => (
              <Tag key={entity.id} color={entity.id === session.actingEntity.id ? 'blue' : undefined}>
                {entity.name}
              </Tag>
            ))}
          </Flex>
        </Card>
      )}
    </Flex>
  );
}
