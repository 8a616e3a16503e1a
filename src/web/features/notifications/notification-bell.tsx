/** The bell in the header: unread count and the latest notifications. */
import { Badge, Button, Empty, Popover, Typography } from 'antd'
import { BellOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { notificationPath } from '@common/notification-path'
import { formatDateTime, fromNow } from '../../lib/format.ts'
import './notifications.css'
import { notificationText, useMarkRead, useNotifications } from './use-notifications.ts'

export function NotificationList({ limit = 8 }: { limit?: number }) {
  const { t, i18n } = useTranslation()
  const notifications = useNotifications()
  const markRead = useMarkRead()
  const navigate = useNavigate()
  const items = (notifications.data?.items ?? []).slice(0, limit)
  if (notifications.isError) {
    return <Typography.Text type="secondary">{t('notifications.unavailable')}</Typography.Text>
  }
  if (items.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
  }
  return (
    <ul className="notification-list">
      {items.map((n) => (
        <li
          key={n.id}
          className={n.readAt ? 'notification-item' : 'notification-item is-unread'}
          data-testid="notification-item"
          onClick={() => {
            if (!n.readAt) markRead.mutate(n.id)
            const target = notificationPath(n.kind, (n.data ?? {}) as Record<string, unknown>)
            if (target !== '/') void navigate(target)
          }}
        >
          <div className="notification-text">{notificationText(t, i18n, n)}</div>
          <div className="notification-time" title={formatDateTime(n.createdAt, true)}>
            {fromNow(n.createdAt)}
          </div>
        </li>
      ))}
    </ul>
  )
}

export function NotificationBell() {
  const { t } = useTranslation()
  const notifications = useNotifications()
  const markRead = useMarkRead()
  const unread = notifications.data?.unread ?? 0
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title={
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 16 }}>
          <span>{t('notifications.title')}</span>
          <Button
            size="small"
            type="link"
            disabled={unread === 0}
            loading={markRead.isPending}
            onClick={() => markRead.mutate(null)}
            data-testid="notifications-read-all"
          >
            {t('notifications.readAll')}
          </Button>
        </div>
      }
      content={
        <div style={{ width: 340, maxWidth: 'calc(100vw - 48px)', maxHeight: 420, overflow: 'auto' }}>
          <NotificationList />
        </div>
      }
    >
      <Button type="text" aria-label={t('notifications.title')} data-testid="notifications-bell">
        <Badge count={unread} size="small" overflowCount={99} data-testid="notifications-unread">
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  )
}
