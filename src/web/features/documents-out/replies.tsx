/** On an incoming document: "Soạn văn bản trả lời" and the replies drafted to it (linked both ways). */
import { Button, Card, List } from 'antd'
import { FormOutlined } from '@ant-design/icons'
import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import { can, useRequiredSession } from '../../lib/session.ts'
import { formatDate } from '../../lib/format.ts'
import { outApi } from './api.ts'
import { repliesKey } from './keys.ts'
import { OutgoingStateTag } from './labels.tsx'
import { outgoingPath, replyPath } from './paths.ts'

export function ReplyButton({ incomingId }: { incomingId: string }) {
  const { t } = useTranslation()
  const session = useRequiredSession()
  if (!can(session, 'documentsOut.draft')) return null
  return (
    <Link to={replyPath(incomingId)}>
      <Button icon={<FormOutlined />} data-testid="doc-action-reply">
        {t('documentsOut.replyAction')}
      </Button>
    </Link>
  )
}

export function RepliesList({ incomingId }: { incomingId: string }) {
  const { t } = useTranslation()
  const session = useRequiredSession()
  const enabled = can(session, 'documentsOut.read')
  const replies = useQuery({
    queryKey: repliesKey(incomingId),
    queryFn: () => outApi.repliesTo(incomingId),
    enabled,
  })
  const items = replies.data?.items ?? []
  if (!enabled || items.length === 0) return null
  return (
    <Card size="small" title={t('documentsOut.replies')} style={{ marginTop: 16 }} data-testid="doc-replies">
      <List
        size="small"
        dataSource={items}
        renderItem={(r) => (
          <List.Item extra={<OutgoingStateTag state={r.state} />}>
            <div style={{ minWidth: 0 }}>
              <Link to={outgoingPath(r.id)} className="doc-subject-link">
                {[r.numberAndNotation, r.subject].filter(Boolean).join(' · ')}
              </Link>
              <div className="doc-muted">
                {r.drafterName}
                {r.issueDate ? ` · ${formatDate(r.issueDate)}` : ''}
              </div>
            </div>
          </List.Item>
        )}
      />
    </Card>
  )
}
