/**
 * A notification as an e-mail: the same sentence the inbox shows (the catalogs'
 * `notifications.kinds.*`, in the user's language, Vietnamese by default), a greeting, and a link
 * to the item. Pure.
 */
import { notificationPath } from '@common/notification-path'
import en from '@common/i18n/en.json'
import vi from '@common/i18n/vi.json'
import type { MailMessage } from '../../platform/mail/index.ts'

type Catalog = { [key: string]: string | Catalog }
type Locale = 'vi' | 'en'

const CATALOGS: Record<Locale, Catalog> = { vi: vi as Catalog, en: en as Catalog }

// TODO(#3): move these into src/common/i18n (notifications.email.*) with the next catalog change.
const FRAME: Record<Locale, { greeting: string; generic: string; link: string; footer: string }> = {
  vi: {
    greeting: 'Kính gửi {{name}},',
    generic: 'Bạn có thông báo mới',
    link: 'Xem chi tiết: {{url}}',
    footer:
      'Thư được gửi tự động từ Hệ thống quản lý văn bản và hồ sơ điện tử – {{organization}}. ' +
      'Vui lòng không trả lời thư này.',
  },
  en: {
    greeting: 'Dear {{name}},',
    generic: 'You have a new notification',
    link: 'Open: {{url}}',
    footer:
      'Sent automatically by the electronic document and records system of {{organization}}. ' +
      'Please do not reply to this message.',
  },
}

/** Where each kind of notification leads in the web app (src/web/lib/paths.ts, features/documents-in/paths.ts). */
export { notificationPath }

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
})

/** Dates as dd/mm/yyyy, instants (keys ending in At) in Viet Nam time; null as an empty string. */
function display(key: string, value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') {
    const d = DATE.exec(value)
    if (d) return `${d[3]}/${d[2]}/${d[1]}`
    if (key.endsWith('At') && !Number.isNaN(Date.parse(value))) {
      const parts = Object.fromEntries(
        timeFormat.formatToParts(new Date(value)).map((p) => [p.type, p.value]),
      )
      return `${parts.hour}:${parts.minute} ${parts.day}/${parts.month}/${parts.year}`
    }
    return value
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return JSON.stringify(value)
}

function fill(template: string, values: Record<string, unknown>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, key: string) => display(key, values[key]))
}

function lookup(catalog: Catalog, dotted: string): string | undefined {
  let node: string | Catalog | undefined = catalog
  for (const part of dotted.split('.')) node = typeof node === 'object' ? node[part] : undefined
  return typeof node === 'string' ? node : undefined
}

export type EmailedNotification = { id: string; kind: string; data: unknown }
export type EmailRecipient = { fullName: string; email: string; locale: string }
export type EmailSettings = { publicUrl: string; organizationName: string; organizationShortName: string }

/** Subjects stay one readable line in a mail client. */
const SUBJECT_MAX = 200

/** The e-mail telling `user` about `notification`. */
export function notificationEmail(
  notification: EmailedNotification,
  user: EmailRecipient,
  settings: EmailSettings,
): MailMessage {
  const locale: Locale = user.locale === 'en' ? 'en' : 'vi'
  const frame = FRAME[locale]
  const data = (notification.data ?? {}) as Record<string, unknown>
  const template = lookup(CATALOGS[locale], `notifications.kinds.${notification.kind}`)
  const title = typeof data.title === 'string' && data.title ? data.title : frame.generic
  const sentence = template ? fill(template, data) : title
  const url = `${settings.publicUrl.replace(/\/+$/, '')}${notificationPath(notification.kind, data)}`
  const subject = `[${settings.organizationShortName}] ${sentence}`
  return {
    to: [user.email],
    subject: subject.length > SUBJECT_MAX ? `${subject.slice(0, SUBJECT_MAX - 1)}…` : subject,
    text: [
      fill(frame.greeting, { name: user.fullName }),
      '',
      sentence,
      '',
      fill(frame.link, { url }),
      '',
      '-- ',
      fill(frame.footer, { organization: settings.organizationName }),
      '',
    ].join('\n'),
    headers: {
      // RFC 3834: no vacation auto-replies to a machine.
      'Auto-Submitted': 'auto-generated',
      'X-Eoffice-Notification': notification.id,
    },
  }
}
