/** The mailer against a real SMTP server on 127.0.0.1: Vietnamese subjects and file names arrive intact. */
import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../config.ts'
import { startTestSmtpServer, type TestSmtpServer } from '../../test/smtp-server.ts'
import { createMailer, MailError } from './index.ts'

const mailerFor = (env: Record<string, string>) => createMailer(loadConfig({ NODE_ENV: 'test', ...env }))

/** A port nobody listens on: bind, note the port, close. */
async function closedPort(): Promise<number> {
  const s = net.createServer()
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve))
  const { port } = s.address() as net.AddressInfo
  await new Promise<void>((resolve) => s.close(() => resolve()))
  return port
}

let smtp: TestSmtpServer
beforeAll(async () => {
  smtp = await startTestSmtpServer({ rejectRecipient: (a) => a.startsWith('khongco@') })
})
afterAll(async () => smtp.close())

describe('mailer', () => {
  it('delivers a Vietnamese subject, text, cc and a UTF-8 named attachment byte for byte', async () => {
    const mailer = mailerFor({ SMTP_URL: smtp.url, MAIL_FROM: '"Văn phòng Ủy ban" <vanthu@mekong.gov.vn>' })
    expect(mailer.isConfigured).toBe(true)
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0x00, 0xff, 0xfe, 0x80])
    const subject =
      'Thông báo: Văn bản đến số 12 “Kế hoạch thích ứng biến đổi khí hậu đồng bằng sông Cửu Long” sắp đến hạn xử lý'
    const before = smtp.messages.length
    const sent = await mailer.send({
      to: ['nguyen.van.duc@mekong.gov.vn'],
      cc: ['tran.thi.ha@mekong.gov.vn'],
      subject,
      text: 'Kính gửi ông Đức,\nĐề nghị xử lý trước ngày 05/03/2026.',
      attachments: [
        {
          filename: 'Quyết định số 12-QĐ-UBSMCVN về việc phê duyệt.pdf',
          content: pdf,
          contentType: 'application/pdf',
        },
      ],
      headers: { 'X-Eoffice-Notification': 'abc' },
    })
    expect(sent.accepted).toEqual(['nguyen.van.duc@mekong.gov.vn', 'tran.thi.ha@mekong.gov.vn'])
    expect(sent.rejected).toEqual([])
    expect(sent.messageId).toMatch(/^<.+@.+>$/)

    const [m] = (await smtp.waitFor(before + 1)).slice(before)
    expect(m!.envelope).toEqual({
      from: 'vanthu@mekong.gov.vn',
      to: ['nguyen.van.duc@mekong.gov.vn', 'tran.thi.ha@mekong.gov.vn'],
    })
    expect(m!.to).toEqual(['nguyen.van.duc@mekong.gov.vn'])
    expect(m!.subject).toBe(subject)
    expect(m!.text).toContain('Kính gửi ông Đức,\nĐề nghị xử lý trước ngày 05/03/2026.')
    expect(m!.headers.get('x-eoffice-notification')).toBe('abc')
    expect(m!.attachments).toHaveLength(1)
    expect(m!.attachments[0]!.filename).toBe('Quyết định số 12-QĐ-UBSMCVN về việc phê duyệt.pdf')
    expect(m!.attachments[0]!.contentType).toBe('application/pdf')
    expect(new Uint8Array(m!.attachments[0]!.content)).toEqual(pdf)
  })

  it('reports a recipient the server refuses as REJECTED, and keeps the others', async () => {
    const mailer = mailerFor({ SMTP_URL: smtp.url })
    const partly = await mailer.send({
      to: ['co@mekong.gov.vn', 'khongco@mekong.gov.vn'],
      subject: 'Thử',
      text: '.',
    })
    expect(partly.accepted).toEqual(['co@mekong.gov.vn'])
    expect(partly.rejected).toEqual(['khongco@mekong.gov.vn'])
    const err = await mailer
      .send({ to: ['khongco@mekong.gov.vn'], subject: 'Thử', text: '.' })
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(MailError)
    expect(err).toMatchObject({ code: 'REJECTED' })
  })

  it('reports a server that does not answer as UNREACHABLE (worth retrying)', async () => {
    const port = await closedPort()
    const mailer = mailerFor({ SMTP_URL: `smtp://127.0.0.1:${port}` })
    const err = await mailer
      .send({ to: ['a@mekong.gov.vn'], subject: 'Thử', text: '.' })
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(MailError)
    expect(err).toMatchObject({ code: 'UNREACHABLE' })
    expect((err as Error).message).toContain(`127.0.0.1:${port}`)
  })

  it('is off without SMTP_URL: send refuses with NOT_CONFIGURED', async () => {
    const mailer = mailerFor({})
    expect(mailer.isConfigured).toBe(false)
    await expect(mailer.send({ to: ['a@mekong.gov.vn'], subject: 'x', text: 'x' })).rejects.toMatchObject({
      code: 'NOT_CONFIGURED',
    })
  })
})

describe('mail configuration', () => {
  it('accepts smtp:// and smtps:// URLs and one sender address; refuses the rest', () => {
    expect(loadConfig({ SMTP_URL: 'smtps://u:p@mail.example.vn:465' }).mail.smtpUrl).toBe(
      'smtps://u:p@mail.example.vn:465',
    )
    expect(loadConfig({}).mail).toEqual({ smtpUrl: undefined, from: '"Mekong eOffice" <no-reply@localhost>' })
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example.vn' })).toThrow(/SMTP_URL/)
    expect(loadConfig({ MAIL_FROM: 'eoffice@mekong.gov.vn' }).mail.from).toBe('eoffice@mekong.gov.vn')
    expect(() => loadConfig({ MAIL_FROM: 'not an address' })).toThrow(/MAIL_FROM/)
    expect(() => loadConfig({ MAIL_FROM: 'a@x.vn, b@x.vn' })).toThrow(/MAIL_FROM/)
  })

  it('requires MAIL_FROM in production when e-mail is on', () => {
    const production = {
      NODE_ENV: 'production',
      APP_SECRET: 'x'.repeat(40),
      PUBLIC_URL: 'https://eoffice.mekong.gov.vn',
      SMTP_URL: 'smtp://mail.mekong.gov.vn:587',
    }
    expect(() => loadConfig(production)).toThrow(/MAIL_FROM/)
    expect(
      loadConfig({ ...production, MAIL_FROM: '"Ủy ban sông Mê Công" <eoffice@mekong.gov.vn>' }).mail.from,
    ).toBe('"Ủy ban sông Mê Công" <eoffice@mekong.gov.vn>')
  })
})
