import { MoreOutlined } from '@ant-design/icons';
import { Button, Dropdown, Flex, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../../../shared/useIsPhone';
import { type AvailableAction, actionKinds } from './actionKinds';

interface ApprovalActionBarProps {
  actions: AvailableAction[];
  onPick: (action: AvailableAction) => void;
}

/**
 * The allowed actions: a button row on desktop; at phone width a bar stuck to the bottom of the
 * screen (like DingTalk's), with the two main decisions visible and the rest under "more".
 */
export function ApprovalActionBar({ actions, onPick }: ApprovalActionBarProps) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const { token } = theme.useToken();
  if (actions.length === 0) return null;

  const button = (action: AvailableAction, block = false) => (
    <Button
      key={action.name}
      block={block}
      type={action.name === 'approve' || action.name === 'resubmit' ? 'primary' : 'default'}
      danger={actionKinds[action.name].danger}
      data-testid={`approval-action-${action.name}`}
      onClick={() => onPick(action)}
    >
      {t(`approvals.action.${action.name}`)}
    </Button>
  );

  if (!isPhone)
    return (
      <Flex gap={8} wrap>
        {actions.map((action) => button(action))}
      </Flex>
    );

  const main = actions.slice(0, actions.length > 3 ? 2 : 3);
  const rest = actions.slice(main.length);
  return (
    <Flex
      gap={8}
      data-testid="approval-action-bar"
      style={{
        position: 'fixed',
        insetInline: 0,
        bottom: 0,
        zIndex: 20,
        padding: '8px 12px calc(8px + env(safe-area-inset-bottom))',
        background: token.colorBgContainer,
        boxShadow: '0 -1px 6px rgba(0, 21, 41, 0.12)',
      }}
    >
      {rest.length > 0 && (
        <Dropdown
          trigger={['click']}
          placement="topLeft"
          menu={{
            items: rest.map((action) => ({
              key: action.name,
              danger: actionKinds[action.name].danger,
              label: (
                <span data-testid={`approval-action-${action.name}`}>
                  {t(`approvals.action.${action.name}`)}
                </span>
              ),
            })),
            onClick: ({ key }) => {
              const picked = rest.find((action) => action.name === key);
              if (picked) onPick(picked);
            },
          }}
        >
          <Button icon={<MoreOutlined />} data-testid="approval-action-more">
            {t('common.more')}
          </Button>
        </Dropdown>
      )}
      {main.map((action) => (
        <div key={action.name} style={{ flex: 1 }}>
          {button(action, true)}
        </div>
      ))}
    </Flex>
  );
}
