/**
 * E-mail over SMTP (nodemailer). One port, `Mailer`, so callers never see nodemailer types.
 * SMTP_URL unset means e-mail is off: `isConfigured` is false and `send` refuses.
 */
import nodemailer from 'nodemailer'
import type { Config } from '../../config.ts'

export type MailAttachment = { filename: string; content: Uint8Array; contentType: string }

export type MailMessage = {
  to: string[]
  cc?: string[]
  subject: string
  text: string
  html?: string
  attachments?: MailAttachment[]
  headers?: Record<string, string>
}

export type SentMail = { messageId: string; accepted: string[]; rejected: string[] }

export type Mailer = {
  readonly isConfigured: boolean
  /** Throws MailError: NOT_CONFIGURED, REJECTED (permanent: do not retry) or UNREACHABLE (try again later). */
  send(message: MailMessage): Promise<SentMail>
}

export const MAIL_ERROR_CODES = ['NOT_CONFIGURED', 'REJECTED', 'UNREACHABLE'] as const
export type MailErrorCode = (typeof MAIL_ERROR_CODES)[number]

export class MailError extends Error {
  readonly code: MailErrorCode

  constructor(code: MailErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'MailError'
    this.code = code
  }
}

/** Connection limits: a dead relay must fail a job in seconds, not hang a worker. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 }

type SmtpFailure = Error & { code?: string; responseCode?: number; response?: string }

/** Sort a nodemailer failure into "will not work" (REJECTED) and "may work later" (UNREACHABLE). */
export function classifySmtpError(err: unknown, host: string): MailError {
  const e = (err instanceof Error ? err : new Error(String(err))) as SmtpFailure
  const reply = e.response ? ` (${e.response})` : ''
  // 5xx replies are permanent (RFC 5321 §4.2.1); so are a refused login and an envelope nobody accepts.
  if ((e.responseCode ?? 0) >= 500 || e.code === 'EAUTH' || e.code === 'EENVELOPE' || e.code === 'EMESSAGE')
    return new MailError('REJECTED', `Máy chủ thư ${host} từ chối thư: ${e.message}${reply}`, { cause: err })
  // Refused or timed-out connections, TLS and DNS failures, 4xx replies: the relay may come back.
  return new MailError('UNREACHABLE', `Không gửi được thư qua máy chủ ${host}: ${e.message}`, { cause: err })
}

function addresses(list: unknown): string[] {
  if (!Array.isArray(list)) return []
  return list.map((a) => (typeof a === 'string' ? a : String((a as { address?: string }).address ?? a)))
}

/** The configured mailer, or one that is off (SMTP_URL unset). */
export function createMailer(config: Config): Mailer {
  const { smtpUrl, from } = config.mail
  if (!smtpUrl) {
    return {
      isConfigured: false,
      send: () =>
        Promise.reject(
          new MailError(
            'NOT_CONFIGURED',
            'Chưa cấu hình máy chủ thư (SMTP_URL): không gửi được thư điện tử.',
          ),
        ),
    }
  }
  const host = new URL(smtpUrl).host
  // The URL's own settings (port, auth, ?tls.rejectUnauthorized=false, ...) win over the defaults.
  const transport = nodemailer.createTransport({ url: smtpUrl, ...TIMEOUTS }, { from })
  return {
    isConfigured: true,
    async send(message) {
      if (message.to.length === 0) throw new MailError('REJECTED', 'Thư không có người nhận.')
      try {
        const info = await transport.sendMail({
          to: message.to,
          ...(message.cc?.length ? { cc: message.cc } : {}),
          subject: message.subject,
          text: message.text,
          ...(message.html ? { html: message.html } : {}),
          ...(message.headers ? { headers: message.headers } : {}),
          attachments: (message.attachments ?? []).map((a) => ({
            filename: a.filename,
            content: Buffer.from(a.content.buffer, a.content.byteOffset, a.content.byteLength),
            contentType: a.contentType,
          })),
        })
        return {
          messageId: info.messageId,
          accepted: addresses(info.accepted),
          rejected: addresses(info.rejected),
        }
      } catch (err) {
        throw classifySmtpError(err, host)
      }
    },
  }
}
