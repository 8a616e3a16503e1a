/** In sổ / Xuất Excel: pick a date range, then open the register as a PDF to print or download it as XLSX. */
import { useState } from 'react'
import { Alert, App, Button, DatePicker, Form, Modal, Space } from 'antd'
import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import dayjs, { type Dayjs } from 'dayjs'
import type { TRegister } from '@common/contracts/documents-in'
import { DATE_FORMAT } from '../../lib/format.ts'

type Range = [Dayjs | null, Dayjs | null] | null

export function exportUrl(registerId: string, from: string, to: string, format: 'pdf' | 'xlsx'): string {
  const q = new URLSearchParams({ from, to, format })
  return `/api/registers/${encodeURIComponent(registerId)}/export?${q.toString()}`
}

/** The server's rule, checked before leaving the page: from ≤ to, less than one year apart. */
function rangeError(range: Range): 'required' | 'tooLong' | null {
  const [from, to] = range ?? [null, null]
  if (!from || !to) return 'required'
  if (!to.isBefore(from.add(1, 'year'), 'day')) return 'tooLong'
  return null
}

function filenameOf(header: string | null, fallback: string): string {
  const utf8 = header?.match(/filename\*=UTF-8''([^;]+)/)?.[1]
  return utf8 ? decodeURIComponent(utf8) : fallback
}

export function RegisterExportDialog({ register, onClose }: { register: TRegister; onClose: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [range, setRange] = useState<Range>([dayjs().startOf('month'), dayjs()])
  const [error, setError] = useState<string | null>(null)
  const [downloading, setDownloading] = useState(false)
  const problem = rangeError(range)
  const dates = () => [range![0]!.format('YYYY-MM-DD'), range![1]!.format('YYYY-MM-DD')] as const

  const print = () => {
    const [from, to] = dates()
    window.open(exportUrl(register.id, from, to, 'pdf'), '_blank', 'noopener')
  }
  const download = async () => {
    const [from, to] = dates()
    setError(null)
    setDownloading(true)
    try {
      const res = await fetch(exportUrl(register.id, from, to, 'xlsx'), { credentials: 'same-origin' })
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null
        setError(body?.error?.message ?? t('registers.export.failed'))
        return
      }
      const url = URL.createObjectURL(await res.blob())
      const a = document.createElement('a')
      a.href = url
      a.download = filenameOf(res.headers.get('content-disposition'), `so-van-ban-${from}-${to}.xlsx`)
      a.click()
      URL.revokeObjectURL(url)
      message.success(t('registers.export.downloaded'))
    } catch {
      setError(t('registers.export.failed'))
    } finally {
      setDownloading(false)
    }
  }

  return (
    <Modal
      open
      title={t('registers.export.title', { name: register.name })}
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            icon={<FileExcelOutlined />}
            disabled={problem !== null}
            loading={downloading}
            onClick={() => void download()}
            data-testid="register-export-xlsx"
          >
            {t('registers.export.xlsx')}
          </Button>
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            disabled={problem !== null}
            onClick={print}
            data-testid="register-export-pdf"
          >
            {t('registers.export.pdf')}
          </Button>
        </Space>
      }
      data-testid="register-export-dialog"
    >
      <p className="doc-muted">{t('registers.export.help')}</p>
      <Form layout="vertical">
        <Form.Item
          label={t('registers.export.range')}
          required
          validateStatus={problem === 'tooLong' ? 'error' : undefined}
          help={problem === 'tooLong' ? t('registers.export.tooLong') : undefined}
        >
          <DatePicker.RangePicker
            format={DATE_FORMAT}
            value={range}
            onChange={(v) => setRange(v)}
            style={{ width: '100%' }}
            data-testid="register-export-range"
          />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={error} data-testid="register-export-error" /> : null}
    </Modal>
  )
}
