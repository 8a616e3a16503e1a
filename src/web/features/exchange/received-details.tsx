/**
 * What a received package says, section by section as QCVN 102:2016 orders it: the message header
 * (From with contacts, To, Code, date and place, type, subject, content, signer, due date, ToPlaces,
 * priority, pages, appendixes, ResponseFor) and the business block (kind, reason, target document).
 */
import type { ReactNode } from 'react'
import { Alert, Descriptions } from 'antd'
import { Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import type { TOrgan, TReceivedPackage } from '@common/contracts/exchange'
import { formatDateTime } from '../../lib/format.ts'
import { useIsMobile } from '../../lib/use-media.ts'
import { UrgencyTag } from '../documents-in/labels.tsx'
import { documentPath } from '../documents-in/paths.ts'
import { ReceivedKindTag } from './labels.tsx'
import { displayDate } from './model.ts'

type Item = { key: string; label: string; children: ReactNode }

const dash = <span className="doc-muted">—</span>

function Organ({ organ, testId }: { organ: TOrgan; testId?: string }) {
  const contacts = [organ.organAdd, organ.telephone, organ.email].filter(Boolean)
  return (
    <div className="exchange-contact" data-testid={testId}>
      <span>
        <strong>{organ.organName}</strong> <code className="doc-muted">{organ.organId}</code>
      </span>
      {contacts.length > 0 ? <span className="doc-muted">{contacts.join(' · ')}</span> : null}
    </div>
  )
}

function lines(values: readonly string[]): ReactNode {
  if (values.length === 0) return dash
  return (
    <ul className="exchange-warnings">
      {values.map((v, i) => (
        <li key={`${i}-${v}`}>{v}</li>
      ))}
    </ul>
  )
}

/** Only the rows that have something to say, so a short package stays short. */
const when = (condition: unknown, item: Item): Item[] => (condition ? [item] : [])

function headerItems(pkg: TReceivedPackage, t: (k: string, o?: Record<string, unknown>) => string): Item[] {
  const h = pkg.header
  const items: Item[] = [
    {
      key: 'from',
      label: t('exchange.fields.from'),
      children: <Organ organ={pkg.from} testId="received-from" />,
    },
  ]
  if (!h) return items
  const signer = [h.signer.competence, h.signer.position, h.signer.fullName].filter(Boolean)
  return [
    ...items,
    {
      key: 'to',
      label: t('exchange.fields.to'),
      children:
        h.to.length > 0 ? (
          <div className="exchange-contact">
            {h.to.map((o) => (
              <Organ key={o.organId} organ={o} />
            ))}
          </div>
        ) : (
          dash
        ),
    },
    {
      key: 'number',
      label: t('exchange.fields.numberAndNotation'),
      children: pkg.numberAndNotation ? (
        <strong data-testid="received-number">{pkg.numberAndNotation}</strong>
      ) : (
        dash
      ),
    },
    {
      key: 'issue',
      label: t('exchange.fields.issue'),
      children: [h.issuePlace, displayDate(pkg.issueDate)].filter(Boolean).join(', ') || dash,
    },
    {
      key: 'type',
      label: t('exchange.fields.documentType'),
      children: (
        <span>
          {h.documentType.typeName || pkg.documentTypeName || '—'}{' '}
          <span className="doc-muted">
            (
            {t('exchange.fields.typeCodes', { type: h.documentType.type, detail: h.documentType.typeDetail })}
            )
          </span>
        </span>
      ),
    },
    {
      key: 'subject',
      label: t('exchange.fields.subject'),
      children: <span className="exchange-pre">{pkg.subject ?? '—'}</span>,
    },
    ...when(h.content, {
      key: 'content',
      label: t('exchange.fields.content'),
      children: <span className="exchange-pre">{h.content}</span>,
    }),
    {
      key: 'signer',
      label: t('exchange.fields.signer'),
      children: signer.length > 0 ? <span data-testid="received-signer">{signer.join(' · ')}</span> : dash,
    },
    {
      key: 'due',
      label: t('exchange.fields.dueDate'),
      children: h.dueDate ? displayDate(h.dueDate) : dash,
    },
    ...when(h.toPlaces.length > 0, {
      key: 'toPlaces',
      label: t('exchange.fields.toPlaces'),
      children: lines(h.toPlaces),
    }),
    {
      key: 'urgency',
      label: t('exchange.fields.urgency'),
      children: (
        <span>
          <UrgencyTag urgency={h.urgency} showNormal />
          <span className="doc-muted">{t('exchange.fields.priorityCode', { priority: h.priority })}</span>
        </span>
      ),
    },
    {
      key: 'pages',
      label: t('exchange.fields.pages'),
      children: t('exchange.fields.pagesCopies', {
        pages: h.pageAmount ?? '—',
        copies: h.promulgationAmount ?? '—',
      }),
    },
    ...when(h.appendixes.length > 0, {
      key: 'appendixes',
      label: t('exchange.fields.appendixes'),
      children: lines(h.appendixes),
    }),
    ...when(h.responseFor.length > 0, {
      key: 'responseFor',
      label: t('exchange.fields.responseFor'),
      children: (
        <div className="exchange-contact">
          {h.responseFor.map((r) => (
            <span key={r.documentId || r.code}>
              <strong>{r.code}</strong> <span className="doc-muted">{r.documentId}</span>
            </span>
          ))}
        </div>
      ),
    }),
    {
      key: 'steering',
      label: t('exchange.fields.steeringType'),
      children: h.steeringType,
    },
  ]
}

/** The message header, the document identifier and how the package came. */
export function PackageHeader({ pkg }: { pkg: TReceivedPackage }) {
  const { t } = useTranslation()
  const isMobile = useIsMobile()
  return (
    <>
      {pkg.header ? null : (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('exchange.detail.noHeader')} />
      )}
      <Descriptions
        column={1}
        size="small"
        bordered
        styles={{ label: { width: isMobile ? 104 : 160 } }}
        data-testid="received-header"
        items={[
          ...headerItems(pkg, t),
          {
            key: 'documentId',
            label: t('exchange.fields.documentIdentifier'),
            children: <code style={{ wordBreak: 'break-all' }}>{pkg.documentIdentifier}</code>,
          },
          {
            key: 'received',
            label: t('exchange.fields.receivedAt'),
            children: [
              formatDateTime(pkg.receivedAt),
              pkg.transport ? t(`exchange.transports.${pkg.transport}`) : null,
            ]
              .filter(Boolean)
              .join(' · '),
          },
        ]}
      />
    </>
  )
}

/** TraceHeaderList/Bussiness: what the package asks (new, recall, update, replacement), why, and about which document. */
export function BusinessBlock({ pkg }: { pkg: TReceivedPackage }) {
  const { t } = useTranslation()
  const b = pkg.business
  const staff = [b.staff.department, b.staff.staff, b.staff.mobile, b.staff.email].filter(Boolean)
  return (
    <Descriptions
      column={1}
      size="small"
      bordered
      styles={{ label: { width: 160 } }}
      data-testid="received-business"
      items={[
        {
          key: 'kind',
          label: t('exchange.fields.businessKind'),
          children: <ReceivedKindTag kind={pkg.kind} />,
        },
        ...when(b.reason, { key: 'reason', label: t('exchange.fields.businessReason'), children: b.reason }),
        ...when(b.targetDocumentIdentifier, {
          key: 'target',
          label: t('exchange.fields.target'),
          children: (
            <div className="exchange-contact">
              <code style={{ wordBreak: 'break-all' }}>{b.targetDocumentIdentifier}</code>
              {b.targetIncomingDocumentId ? (
                <Link to={documentPath(b.targetIncomingDocumentId)} data-testid="received-target-link">
                  {t('exchange.detail.openTarget')}
                </Link>
              ) : (
                <span className="doc-muted">{t('exchange.detail.targetUnknown')}</span>
              )}
            </div>
          ),
        }),
        {
          key: 'paper',
          label: t('exchange.fields.paper'),
          children: b.paper ? t('exchange.detail.paperYes') : t('exchange.detail.paperNo'),
        },
        ...when(staff.length > 0, {
          key: 'staff',
          label: t('exchange.fields.staff'),
          children: staff.join(' · '),
        }),
      ]}
    />
  )
}
