/** The table of incoming documents used by the list and the inbox: urgency colour, unread in bold, deadlines. */
import type { TableColumnsType, TablePaginationConfig } from 'antd'
import { Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import type { TIncomingRow } from '@common/contracts/documents-in'
import { ListTable } from '../../components/list-table.tsx'
import { formatDate } from '../../lib/format.ts'
import { MigratedTag } from '../migration/migrated-tag.tsx'
import { AssignmentRoleTag, StateTag, URGENCY_BAR, UrgencyTag, documentTypeName } from './labels.tsx'
import { documentPath } from './paths.ts'
import './documents-in.css'

export function DocumentTable({
  rows,
  loading,
  pagination,
  showMyRole = false,
  testId,
}: {
  rows: TIncomingRow[]
  loading: boolean
  pagination: TablePaginationConfig
  showMyRole?: boolean
  testId: string
}) {
  const { t } = useTranslation()
  const deadline = (r: TIncomingRow) =>
    r.dueDate ? (
      <span
        className={r.isOverdue ? 'doc-overdue' : undefined}
        data-overdue={r.isOverdue ? 'true' : undefined}
      >
        {formatDate(r.dueDate)}
        {r.isOverdue ? ` · ${t('documentsIn.overdue')}` : ''}
      </span>
    ) : null
  // Phones: one column that reads like a card (number, subject, sender, deadline, state).
  const mobileColumns: TableColumnsType<TIncomingRow> = [
    {
      key: 'card',
      render: (_, r) => (
        <div className="doc-card-row">
          <div className="doc-card-head">
            <strong>{r.registerNumber}</strong>
            <span className="doc-muted">{formatDate(r.arrivedAt)}</span>
            <UrgencyTag urgency={r.urgency} />
            <MigratedTag migrated={r.migrated} />
            <span style={{ marginInlineStart: 'auto' }}>
              {showMyRole && r.myRole ? (
                <AssignmentRoleTag role={r.myRole} />
              ) : (
                <StateTag state={r.state} testId={`doc-row-state-${r.registerNumber}`} />
              )}
            </span>
          </div>
          <Link
            to={documentPath(r.id)}
            onClick={(e) => e.stopPropagation()}
            className="doc-subject-link doc-subject"
          >
            {r.subject}
          </Link>
          <div className="doc-muted">{[r.senderName, r.numberAndNotation].filter(Boolean).join(' · ')}</div>
          {r.dueDate ? (
            <div style={{ fontSize: 13 }}>
              {t('documentsIn.fields.dueDate')}: {deadline(r)}
            </div>
          ) : null}
        </div>
      ),
    },
  ]
  const columns: TableColumnsType<TIncomingRow> = [
    {
      title: t('documentsIn.fields.arrivalNumber'),
      dataIndex: 'registerNumber',
      width: 96,
      render: (_, r) => (
        <div>
          <div style={{ fontSize: 16 }}>{r.registerNumber}</div>
          <div className="doc-muted">{formatDate(r.arrivedAt)}</div>
        </div>
      ),
    },
    {
      title: t('documentsIn.fields.subject'),
      dataIndex: 'subject',
      className: 'doc-subject-cell',
      render: (_, r) => (
        <div>
          <div className="doc-subject" title={r.subject}>
            {r.urgency !== 'normal' ? <UrgencyTag urgency={r.urgency} /> : null}
            <MigratedTag migrated={r.migrated} />
            <Link to={documentPath(r.id)} onClick={(e) => e.stopPropagation()} className="doc-subject-link">
              {r.subject}
            </Link>
          </div>
          <div className="doc-muted">
            {[
              documentTypeName(r.documentType),
              r.numberAndNotation,
              r.issueDate ? formatDate(r.issueDate) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </div>
        </div>
      ),
    },
    {
      title: t('documentsIn.fields.sender'),
      dataIndex: 'senderName',
      responsive: ['md'],
      width: 220,
      render: (v: string) => <span style={{ fontSize: 13 }}>{v}</span>,
    },
    {
      title: t('documentsIn.fields.dueDate'),
      dataIndex: 'dueDate',
      width: 120,
      render: (_, r) =>
        r.dueDate ? (
          <span
            className={r.isOverdue ? 'doc-overdue' : undefined}
            data-overdue={r.isOverdue ? 'true' : undefined}
          >
            {formatDate(r.dueDate)}
            {r.isOverdue ? <div style={{ fontSize: 12 }}>{t('documentsIn.overdue')}</div> : null}
          </span>
        ) : (
          <span className="doc-muted">—</span>
        ),
    },
    {
      title: showMyRole ? t('documentsIn.myRole') : t('common.status'),
      key: 'state',
      width: 140,
      render: (_, r) =>
        showMyRole && r.myRole ? (
          <AssignmentRoleTag role={r.myRole} />
        ) : (
          <StateTag state={r.state} testId={`doc-row-state-${r.registerNumber}`} />
        ),
    },
  ]
  return (
    <ListTable<TIncomingRow>
      rows={rows}
      loading={loading}
      pagination={pagination}
      columns={columns}
      cardColumns={mobileColumns}
      pathOf={(r) => documentPath(r.id)}
      rowAttributes={(r) => ({
        'data-testid': `doc-row-${r.registerNumber}`,
        'data-unread': r.isRead ? undefined : 'true',
      })}
      rowStyle={(r) => ({ boxShadow: `inset 4px 0 0 ${URGENCY_BAR[r.urgency]}` })}
      rowClassName={(r) => (r.isRead ? 'doc-row-urgency' : 'doc-row-urgency doc-row-unread')}
      testId={testId}
    />
  )
}
