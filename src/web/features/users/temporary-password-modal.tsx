/** A temporary password is shown once, right after it is made; the user must change it at first sign-in. */
import { Alert, App, Button, Descriptions, Modal } from 'antd'
import { CopyOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'

export type IssuedPassword = { username: string; fullName: string; password: string; isNew: boolean }

export function TemporaryPasswordModal({
  issued,
  onClose,
}: {
  issued: IssuedPassword | null
  onClose: () => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()

  async function copy() {
    if (!issued) return
    try {
      await navigator.clipboard.writeText(issued.password)
      message.success(t('common.copied'))
    } catch {
      // The clipboard needs a secure context; the text stays selectable for a manual copy.
      message.warning(t('common.copyFailed'))
    }
  }

  return (
    <Modal
      open={issued !== null}
      title={issued?.isNew ? t('users.tempPassword.createdTitle') : t('users.tempPassword.resetTitle')}
      onCancel={onClose}
      mask={{ closable: false }}
      keyboard={false}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose} data-testid="temp-password-close">
          {t('users.tempPassword.done')}
        </Button>
      }
      data-testid="temp-password-modal"
    >
      {issued ? (
        <>
          <Alert type="warning" showIcon title={t('users.tempPassword.once')} style={{ marginBottom: 16 }} />
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              { key: 'name', label: t('users.fields.fullName'), children: issued.fullName },
              {
                key: 'username',
                label: t('users.fields.username'),
                children: <code>{issued.username}</code>,
              },
              {
                key: 'password',
                label: t('users.tempPassword.label'),
                children: (
                  <div style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
                    <code
                      data-testid="temp-password"
                      style={{
                        fontSize: 16,
                        padding: '2px 8px',
                        background: '#f3f6f9',
                        borderRadius: 4,
                        userSelect: 'all',
                      }}
                    >
                      {issued.password}
                    </code>
                    <Button
                      size="small"
                      icon={<CopyOutlined />}
                      onClick={() => void copy()}
                      data-testid="temp-password-copy"
                    >
                      {t('common.copy')}
                    </Button>
                  </div>
                ),
              },
            ]}
          />
          <p style={{ marginTop: 12, marginBottom: 0, color: 'rgba(0,0,0,0.6)' }}>
            {t('users.tempPassword.hint')}
          </p>
        </>
      ) : null}
    </Modal>
  )
}
