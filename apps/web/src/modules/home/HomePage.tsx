import { RightOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, Flex, Row, Tag, Typography } from 'antd';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePermissions, useSession } from '../../app/auth/session';
import { useAllowedPages } from '../../app/allowedPages';
import { useTaskCounts } from '../approvals/api/workflowApi';
import { NeedsAttentionCard } from './AttentionCard';
import { RecentRecordsCard } from './RecentRecordsCard';
import { orderShortcuts } from './shortcuts';
import { MyRemindersCard, MySubmissionsCard, MyTodoCard } from './WorkbenchCards';

/**
 * The workbench (工作台): what waits on me, what I submitted, what I was told, what needs my
 * attention, what I worked on last, and the way to my work, my role's tasks first.
 */
export default function HomePage() {
  const { t } = useTranslation();
  const session = useSession();
  const pages = useAllowedPages();
  const { can } = usePermissions();
  const todo = useTaskCounts().data?.todo ?? 0;
  const shortcuts = orderShortcuts(
    can,
    pages.map((page) => ({
      path: page.path,
      labelKey: page.labelKey,
      icon: page.icon,
      testId: `quick-link-${page.testId.replace('menu-', '')}`,
    })),
    todo,
  );

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
      {/* The day's work first: what waits on me, what I sent, what I was told. */}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <MyTodoCard />
        </Col>
        <Col xs={24} lg={8}>
          <MySubmissionsCard />
        </Col>
        <Col xs={24} lg={8}>
          <MyRemindersCard />
        </Col>
      </Row>
      <NeedsAttentionCard />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <RecentRecordsCard />
        </Col>
        <Col xs={24} lg={16}>
          <Card
            title={t('home.quickLinks')}
            variant="borderless"
            style={{ height: '100%' }}
            data-testid="home-shortcuts"
          >
            {shortcuts.length === 0 ? (
              <Typography.Text type="secondary">{t('home.noQuickLinks')}</Typography.Text>
            ) : (
              <Row gutter={[12, 12]} role="list" aria-label={t('home.quickLinks')}>
                {shortcuts.map((link) => (
                  <Col xs={12} sm={8} xl={6} key={link.path} role="listitem">
                    <Link
                      to={link.path}
                      data-testid={link.testId}
                      style={{ display: 'block', height: '100%' }}
                    >
                      <Card
                        size="small"
                        hoverable
                        style={{ height: '100%' }}
                        styles={{ body: { height: '100%', display: 'flex', alignItems: 'center' } }}
                      >
                        <Flex align="center" gap={8} style={{ width: '100%' }}>
                          {link.icon}
                          <span style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
                            {t(link.labelKey as ParseKeys)}
                          </span>
                          <RightOutlined style={{ fontSize: 10 }} aria-hidden />
                        </Flex>
                      </Card>
                    </Link>
                  </Col>
                ))}
              </Row>
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
