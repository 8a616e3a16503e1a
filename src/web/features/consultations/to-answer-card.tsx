/**
 * On the home page of a committee member or focal point: the consultations still waiting on them,
 * soonest deadline first, each one tap away from its answer form (issue 7: "a member sees what is
 * asked in their inbox and on the phone").
 */
import { Card, Empty, List, Skeleton, Space, Tag } from 'antd'
import { CommentOutlined } from '@ant-design/icons'
import { Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import { DeadlineTag, ResponseStateTag } from './labels.tsx'
import { useToAnswer } from './nav-badge.tsx'
import { CONSULT_PATHS, consultationPath } from './paths.ts'

export function ToAnswerCard() {
  const { t } = useTranslation()
  const toAnswer = useToAnswer()
  const items = toAnswer.data ?? []
  return (
    <Card
      title={
        <Space>
          <CommentOutlined />
          {t('consultations.home.title')}
          <Tag color={items.length > 0 ? 'orange' : 'default'} data-testid="home-to-answer-count">
            {items.length}
          </Tag>
        </Space>
      }
      extra={<Link to={CONSULT_PATHS.list}>{t('consultations.home.all')}</Link>}
      data-testid="home-to-answer"
    >
      {toAnswer.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('consultations.home.none')} />
      ) : (
        <List
          size="small"
          dataSource={items.slice(0, 5)}
          renderItem={(c) => (
            <List.Item key={c.id} data-testid={`home-to-answer-${c.id}`}>
              <div style={{ width: '100%' }}>
                <Link to={consultationPath(c.id, 'answer')} style={{ fontWeight: 500 }}>
                  {c.title}
                </Link>
                <div style={{ marginTop: 4, display: 'flex', flexWrap: 'wrap', gap: 6 }}>
                  <DeadlineTag deadline={c.deadline} state={c.state} pastDeadline={c.pastDeadline} />
                  <ResponseStateTag state={c.myResponseState} />
                </div>
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  )
}
