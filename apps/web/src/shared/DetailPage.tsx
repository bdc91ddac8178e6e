import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Tabs, Tag, Typography } from 'antd';
import type { DescriptionsProps, TabsProps } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { AsyncContent } from './AsyncContent';
import { useIsPhone } from './useIsPhone';

interface DetailPageProps {
  /** Where the back link goes (the ledger), its text and test id. */
  back: { to: string; label: ReactNode; testId?: string };
  isLoading: boolean;
  error: unknown;
  onRetry: () => void;
  /** The record's header and tabs, rendered once it has loaded. */
  children: ReactNode;
}

/** A record's page: the way back to its ledger, then skeleton / error / the record. */
export function DetailPage({ back, isLoading, error, onRetry, children }: DetailPageProps) {
  const navigate = useNavigate();
  return (
    <Flex vertical gap={16}>
      <div>
        <Button
          type="link"
          icon={<ArrowLeftOutlined />}
          style={{ paddingInline: 0 }}
          onClick={() => navigate(back.to)}
          data-testid={back.testId}
        >
          {back.label}
        </Button>
      </div>
      <AsyncContent isLoading={isLoading} error={error} onRetry={onRetry}>
        {children}
      </AsyncContent>
    </Flex>
  );
}

interface DetailHeaderProps {
  /** The record's number; `unnumbered` shows a grey tag in its place until one is given. */
  number?: string | null;
  unnumbered?: ReactNode;
  title: ReactNode;
  /** The status tag (one colour per status across the app). */
  status?: ReactNode;
  /** More tags beside the status (direction, version, shared…). */
  tags?: ReactNode;
  /** The actions allowed now. */
  actions?: ReactNode;
  /** `top`: beside the title (default); `bottom`: under the overview, for a long row of buttons. */
  actionsPlacement?: 'top' | 'bottom';
  descriptions?: DescriptionsProps['items'];
  /** Banners and notes under the overview (blacklisted, expiring, status reason). */
  children?: ReactNode;
  testIds?: { number?: string; title?: string };
}

/** The header every record shares: number, status and tags, title, actions, a short overview. */
export function DetailHeader(props: DetailHeaderProps) {
  const isPhone = useIsPhone();
  const { testIds = {}, actionsPlacement = 'top' } = props;
  const hasNumber = props.number !== undefined;
  const tagLine = (hasNumber || props.status || props.tags) && (
    <Flex gap={8} align="center" wrap>
      {hasNumber &&
        (props.number ? (
          <Typography.Text type="secondary" copyable data-testid={testIds.number}>
            {props.number}
          </Typography.Text>
        ) : (
          <Tag data-testid={testIds.number}>{props.unnumbered}</Tag>
        ))}
      {props.status}
      {props.tags}
    </Flex>
  );
  return (
    <Card variant="borderless" styles={{ body: { padding: isPhone ? 12 : 24 } }}>
      <Flex vertical gap={12}>
        <Flex justify="space-between" align="flex-start" gap={12} wrap>
          <Flex vertical gap={8} style={{ minWidth: 0 }}>
            {hasNumber && tagLine}
            <Typography.Title
              level={1}
              style={{ margin: 0, fontSize: 20, lineHeight: 1.4 }}
              data-testid={testIds.title}
            >
              {props.title}
            </Typography.Title>
            {!hasNumber && tagLine}
          </Flex>
          {actionsPlacement === 'top' && props.actions}
        </Flex>
        {props.descriptions && props.descriptions.length > 0 && (
          <Descriptions size="small" column={isPhone ? 1 : 4} items={props.descriptions} />
        )}
        {props.children}
        {actionsPlacement === 'bottom' && props.actions}
      </Flex>
    </Card>
  );
}

export interface DetailTab {
  key: string;
  label: ReactNode;
  children: ReactNode;
}

interface DetailTabsProps {
  items: DetailTab[];
  /** Each tab's label gets the test id `${testIdPrefix}-tab-${key}`. */
  testIdPrefix: string;
  destroyOnHidden?: boolean;
  testId?: string;
  tabBarExtraContent?: TabsProps['tabBarExtraContent'];
}

/**
 * A record's tabs. The open tab is in the URL (`?tab=`; the first tab has none), so a link opens the
 * record on the same tab; a tab the user may not see falls back to the first.
 */
export function DetailTabs({
  items,
  testIdPrefix,
  destroyOnHidden,
  testId,
  tabBarExtraContent,
}: DetailTabsProps) {
  const isPhone = useIsPhone();
  const [params, setParams] = useSearchParams();
  const first = items[0]?.key;
  const requested = params.get('tab');
  const active = requested && items.some((item) => item.key === requested) ? requested : first;
  return (
    <Card variant="borderless" styles={{ body: { padding: isPhone ? '8px 12px 12px' : '8px 24px 24px' } }}>
      <Tabs
        activeKey={active}
        items={items.map((item) => ({
          ...item,
          label: <span data-testid={`${testIdPrefix}-tab-${item.key}`}>{item.label}</span>,
        }))}
        onChange={(key) =>
          setParams(
            (previous) => {
              const next = new URLSearchParams(previous);
              if (key === first) next.delete('tab');
              else next.set('tab', key);
              return next;
            },
            { replace: true },
          )
        }
        destroyOnHidden={destroyOnHidden}
        tabBarExtraContent={tabBarExtraContent}
        data-testid={testId}
      />
    </Card>
  );
}
