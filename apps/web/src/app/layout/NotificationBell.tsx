import { BellOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useUnreadCount } from '../../modules/notifications/notificationsApi';

/** The header bell: unread count, opens the notification centre. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: count = 0 } = useUnreadCount();
  return (
    <Badge count={count} size="small" offset={[-4, 4]} overflowCount={99}>
      <Button
        type="text"
        data-testid="notification-bell"
        aria-label={`${t('notifications.bell')} (${count})`}
        icon={<BellOutlined style={{ fontSize: 18 }} />}
        onClick={() => navigate('/notifications')}
      />
    </Badge>
  );
}
