/**
 * The clerk's decision on a received package (QĐ 28/2018 status feedback): accept a document into
 * an incoming register with the form pre-filled from the package (status 03), agree to a recall
 * (the registered document and its metadata are destroyed, status 15) or an update (15), or refuse
 * with a reason (02 for a document, 16 for a recall or an update). Only the buttons the server's
 * abilities allow show, and only while the package waits.
 */
import { useState } from 'react'
import { Alert, Button, Form, Input, Typography } from 'antd'
import { CheckOutlined, CloseCircleOutlined, DeleteOutlined, SyncOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import {
  ZRefuseReceived,
  type TAcceptReceived,
  type TReceivedPackage,
  type TRefuseReceived,
} from '@common/contracts/exchange'
import { ActionModal } from '../../components/action-modal.tsx'
import { errorText } from '../../lib/errors.ts'
import { useModalAction } from '../../lib/use-modal-action.ts'
import { clearErrorsOnChange, parseForm } from '../../lib/validation.ts'
import { AcceptModal } from './accept-modal.tsx'
import { exchangeApi } from './api.ts'
import { availableDecisions } from './model.ts'
import { useDecide, useStatusText, type ModalProps } from './use-decide.ts'

/** Agree to a recall or an update: a plain confirmation that says what will happen. */
function ConfirmModal({ pkg, decision, onClose }: ModalProps) {
  const { t } = useTranslation()
  const statusText = useStatusText()
  const [error, setError] = useState<string | null>(null)
  const m = useDecide(pkg, (body: TAcceptReceived) => exchangeApi.received.accept(pkg.id, body))
  const isRecall = pkg.kind === 'recall'
  const values = {
    sender: pkg.from.organName,
    target: pkg.business.targetDocumentIdentifier ?? pkg.documentIdentifier,
    status: statusText(decision.acceptStatus),
  }
  return (
    <ActionModal
      title={t(isRecall ? 'exchange.decide.recallTitle' : 'exchange.decide.updateTitle')}
      okText={t(decision.acceptKey)}
      testId={isRecall ? 'exchange-recall' : 'exchange-update'}
      danger={isRecall}
      onCancel={onClose}
      onOk={() =>
        m.mutate(
          { notes: null, confirmDuplicate: false },
          { onSuccess: onClose, onError: (e) => setError(errorText(t, e)) },
        )
      }
      pending={m.isPending}
      error={error}
    >
      {isRecall ? (
        <Alert
          type="error"
          showIcon
          title={t('exchange.decide.recallWarning', values)}
          description={t('exchange.decide.recallWhat', values)}
          data-testid="exchange-recall-warning"
        />
      ) : (
        <Typography.Paragraph>{t('exchange.decide.updateWhat', values)}</Typography.Paragraph>
      )}
      {pkg.business.reason ? (
        <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
          <Typography.Text type="secondary">{t('exchange.fields.businessReason')}: </Typography.Text>
          {pkg.business.reason}
        </Typography.Paragraph>
      ) : null}
      {!pkg.business.targetIncomingDocumentId ? (
        <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('exchange.decide.noTarget')} />
      ) : null}
    </ActionModal>
  )
}

function RefuseModal({ pkg, decision, onClose }: ModalProps) {
  const { t } = useTranslation()
  const statusText = useStatusText()
  const [form] = Form.useForm<{ reason?: string }>()
  const m = useDecide(pkg, (body: TRefuseReceived) => exchangeApi.received.refuse(pkg.id, body))
  const { error, run } = useModalAction(form, m)
  function ok() {
    const body = parseForm(form, ZRefuseReceived, { reason: form.getFieldsValue().reason ?? '' }, t)
    run(body, { onSuccess: onClose })
  }
  return (
    <ActionModal
      title={t(decision.refuseKey)}
      okText={t(decision.refuseKey)}
      testId="exchange-refuse"
      danger
      onCancel={onClose}
      onOk={ok}
      pending={m.isPending}
      error={error}
    >
      <Typography.Paragraph>
        {t('exchange.decide.refuseIntro', {
          status: statusText(decision.refuseStatus),
          sender: pkg.from.organName,
        })}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onValuesChange={clearErrorsOnChange(form)}>
        <Form.Item name="reason" label={t('exchange.decide.reason')} required>
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 6 }}
            placeholder={t('exchange.decide.reasonPlaceholder')}
            data-testid="exchange-refuse-reason"
          />
        </Form.Item>
      </Form>
    </ActionModal>
  )
}

/** The decision buttons of a waiting package, and their dialogs. */
export function DecisionActions({ pkg }: { pkg: TReceivedPackage }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState<'accept' | 'refuse' | null>(null)
  const { canAccept, canRefuse, decision } = availableDecisions(pkg)
  if (!canAccept && !canRefuse) return null
  const acceptIcon =
    pkg.kind === 'recall' ? <DeleteOutlined /> : pkg.kind === 'update' ? <SyncOutlined /> : <CheckOutlined />
  const close = () => setOpen(null)
  return (
    <div className="doc-actions" data-testid="exchange-actions">
      {canAccept ? (
        <Button
          type="primary"
          danger={pkg.kind === 'recall'}
          icon={acceptIcon}
          onClick={() => setOpen('accept')}
          data-testid="exchange-action-accept"
        >
          {t(decision.acceptKey)}
        </Button>
      ) : null}
      {canRefuse ? (
        <Button
          icon={<CloseCircleOutlined />}
          onClick={() => setOpen('refuse')}
          data-testid="exchange-action-refuse"
        >
          {t(decision.refuseKey)}
        </Button>
      ) : null}
      {open === 'accept' && decision.acceptWith === 'register' ? (
        <AcceptModal pkg={pkg} decision={decision} onClose={close} />
      ) : null}
      {open === 'accept' && decision.acceptWith === 'confirm' ? (
        <ConfirmModal pkg={pkg} decision={decision} onClose={close} />
      ) : null}
      {open === 'refuse' ? <RefuseModal pkg={pkg} decision={decision} onClose={close} /> : null}
    </div>
  )
}
