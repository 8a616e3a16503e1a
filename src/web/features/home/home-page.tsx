/** Trang chủ: greeting, who I am in the organization, whom I act for, and what is new. */
import { Card, Col, Descriptions, Empty, Row, Space, Tag, Typography } from 'antd'
import { UserSwitchOutlined } from '@ant-design/icons'
import dayjs from 'dayjs'
import { Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { TIME_ZONE } from '@common/domain'
import { PageHeader } from '../../components/page-header.tsx'
import { formatDateTime } from '../../lib/format.ts'
import { PATHS } from '../../lib/paths.ts'
import { can, useRequiredSession } from '../../lib/session.ts'
import { ToAnswerCard } from '../consultations/to-answer-card.tsx'
import { NotificationList } from '../notifications/notification-bell.tsx'
import { useNotifications } from '../notifications/use-notifications.ts'
import { RoleTags } from '../users/role-tags.tsx'
import { ScopeTags } from '../delegations/scope-tags.tsx'

/** Weekday names start with a capital in a sentence ("Thứ hai", "Chủ nhật"). */
function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1)
}

/** A greeting for the time of day in Vietnam. */
function greeting(t: TFunction, name: string): string {
  const hour = dayjs().tz(TIME_ZONE).hour()
  if (hour < 11) return t('home.greetingMorning', { name })
  if (hour < 13) return t('home.greetingNoon', { name })
  if (hour < 18) return t('home.greetingAfternoon', { name })
  return t('home.greetingEvening', { name })
}

export function HomePage() {
  const { t } = useTranslation()
  const session = useRequiredSession()
  const notifications = useNotifications()
  const { user } = session
  const unread = notifications.data?.unread ?? 0

  return (
    <>
      <PageHeader
        title={greeting(t, user.fullName)}
        subtitle={t('home.today', { date: capitalize(dayjs().tz(TIME_ZONE).format('dddd, DD/MM/YYYY')) })}
      />
      <Row gutter={[16, 16]}>
        {can(session, 'consultations.answer') ? (
          <Col xs={24} lg={12}>
            <ToAnswerCard />
          </Col>
        ) : null}
        <Col xs={24} lg={12}>
          <Card title={t('home.myInfo')} data-testid="home-my-info">
            <Descriptions
              column={1}
              size="small"
              colon={false}
              styles={{ label: { minWidth: 110 } }}
              items={[
                { key: 'org', label: t('users.fields.organization'), children: user.organizationName },
                { key: 'unit', label: t('users.fields.unit'), children: user.unitName ?? t('common.none') },
                {
                  key: 'position',
                  label: t('users.fields.position'),
                  children: user.position ?? t('common.none'),
                },
                { key: 'roles', label: t('users.fields.roles'), children: <RoleTags roles={user.roles} /> },
                { key: 'email', label: t('users.fields.email'), children: user.email ?? t('common.none') },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            title={
              <Space>
                {t('home.unreadNotifications')}
                <Tag color={unread > 0 ? 'blue' : 'default'} data-testid="home-unread-count">
                  {unread}
                </Tag>
              </Space>
            }
            data-testid="home-notifications"
          >
            <NotificationList limit={5} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            title={
              <Space>
                <UserSwitchOutlined />
                {t('home.actingFor')}
              </Space>
            }
            extra={
              can(session, 'delegations.own.manage') ? (
                <Link to={PATHS.myDelegations}>{t('nav.myDelegations')}</Link>
              ) : null
            }
            data-testid="home-acting-for"
          >
            {session.actingFor.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.actingForNone')} />
            ) : (
              <ul className="acting-list">
                {session.actingFor.map((a) => (
                  <li key={`${a.principalId}-${a.endsAt}`}>
                    <Typography.Text strong>{a.principalName}</Typography.Text>
                    <div style={{ margin: '4px 0' }}>
                      <ScopeTags scopes={a.scopes} />
                    </div>
                    <Typography.Text type="secondary">
                      {t('home.actingUntil', { time: formatDateTime(a.endsAt) })}
                    </Typography.Text>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </Col>
      </Row>
    </>
  )
}
