/**
 * E-mailed notifications end to end: a real SMTP server on 127.0.0.1, the real app and pg-boss.
 * The SMTP port is chosen first and left closed, so the first attempt meets a relay that is down.
 */
import net from 'node:net'
import { randomBytes } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { Job } from 'pg-boss'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { notifications, registers } from '../../platform/db/schema.ts'
import { makeOrganization, makeUnit, makeUser, TEST_PASSWORD } from '../../test/factories.ts'
import { buildTestApp, signIn, type TestApp } from '../../test/harness.ts'
import { startTestSmtpServer, type CapturedMessage, type TestSmtpServer } from '../../test/smtp-server.ts'
import {
  NOTIFICATION_EMAIL_JOB,
  queueNotificationEmails,
  sendNotificationEmails,
  type NotificationEmailJob,
} from './index.ts'

const PUBLIC_URL = 'https://eoffice.mekong.gov.vn'
let port: number
let t: TestApp
let smtp: TestSmtpServer | undefined

beforeAll(async () => {
  const probe = net.createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  port = (probe.address() as net.AddressInfo).port
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  t = await buildTestApp({
    withJobs: true,
    env: {
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      MAIL_FROM: '"Văn phòng Ủy ban" <eoffice@mekong.gov.vn>',
      PUBLIC_URL,
    },
  })
})
afterAll(async () => {
  await t.close()
  await smtp?.close()
})

/** What pg-boss's worker does with one fetch: run the handler, complete the batch (or fail it on a throw). */
async function runEmailJobs(): Promise<void> {
  const boss = t.deps.jobs.boss
  for (;;) {
    const batch = await boss.fetch<NotificationEmailJob>(NOTIFICATION_EMAIL_JOB, { batchSize: 10 })
    if (batch.length === 0) return
    const attempts = batch.map((j: Job<NotificationEmailJob>) => ({ id: j.id, retryCount: j.retryCount }))
    try {
      await sendNotificationEmails(t.deps, batch)
    } catch (err) {
      await boss.fail(NOTIFICATION_EMAIL_JOB, attempts, { message: String(err) })
      throw err
    }
    await boss.complete(NOTIFICATION_EMAIL_JOB, attempts)
  }
}

const email = () => `nv.${randomBytes(4).toString('hex')}@mekong.gov.vn`

/** An office with e-mail addresses: clerk, leader, the head of unit A, a specialist of unit B (no address). */
async function office() {
  const db = t.database.db
  const org = await makeOrganization(db, { kind: 'own' })
  const sender = await makeOrganization(db)
  const [office, leadership, unitA, unitB] = [
    await makeUnit(db, org.id),
    await makeUnit(db, org.id),
    await makeUnit(db, org.id),
    await makeUnit(db, org.id),
  ]
  const people = {
    clerk: await makeUser(db, {
      roles: ['clerk'],
      organizationId: org.id,
      unitId: office.id,
      email: email(),
    }),
    leader: await makeUser(db, {
      roles: ['leader'],
      organizationId: org.id,
      unitId: leadership.id,
      email: email(),
    }),
    head: await makeUser(db, {
      roles: ['unit_head'],
      organizationId: org.id,
      unitId: unitA.id,
      email: email(),
    }),
    other: await makeUser(db, { roles: ['specialist'], organizationId: org.id, unitId: unitB.id }),
  }
  const [register] = await db
    .insert(registers)
    .values({ organizationId: org.id, kind: 'incoming', code: 'VBD', name: 'Sổ văn bản đến' })
    .returning()
  const clerk = await signIn(t.app, people.clerk.username, TEST_PASSWORD)
  const leader = await signIn(t.app, people.leader.username, TEST_PASSWORD)
  return { people, clerk, leader, register: register!, sender, unitA }
}
type Office = Awaited<ReturnType<typeof office>>

const SUBJECT = 'V/v góp ý dự thảo Kế hoạch thích ứng biến đổi khí hậu vùng đồng bằng sông Cửu Long'

async function registerAndSubmit(o: Office) {
  const registered = await o.clerk.post('/api/documents-in', {
    registerId: o.register.id,
    senderOrganizationId: o.sender.id,
    numberAndNotation: `${Math.floor(Math.random() * 9000) + 100}/${randomBytes(2).toString('hex').toUpperCase()}-BTNMT`,
    issueDate: '2026-03-02',
    documentType: 'CV',
    subject: SUBJECT,
  })
  expect(registered.statusCode, registered.body).toBe(201)
  const doc = registered.json() as { id: string; registerNumber: number }
  const submitted = await o.clerk.post(`/api/documents-in/${doc.id}/submit`, { leaderId: o.people.leader.id })
  expect(submitted.statusCode, submitted.body).toBe(200)
  return doc
}

const to = (address: string) => (m: CapturedMessage) => m.envelope.to.includes(address)

/**
 * Dispatch, then find the notification. On a shared PostgreSQL database another test file's
 * dispatcher may hold the handler's cursor for a moment (SKIP LOCKED), so retry briefly.
 */
async function notificationOf(userId: string, kind: string) {
  for (let attempt = 0; ; attempt++) {
    await t.dispatch()
    const rows = await t.database.db.select().from(notifications).where(eq(notifications.userId, userId))
    const row = rows.find((r) => r.kind === kind)
    if (row) return row
    if (attempt >= 40) throw new Error(`no ${kind} notification for ${userId}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

describe('e-mailed notifications', () => {
  let o: Office
  let doc: { id: string; registerNumber: number }
  let submittedId: string

  it('SMTP down: the job fails and waits for a retry; the notification stays in the inbox', async () => {
    o = await office()
    doc = await registerAndSubmit(o)
    submittedId = (await notificationOf(o.people.leader.id, 'documentIn.submitted')).id

    expect(await queueNotificationEmails(t.deps)).toBeGreaterThanOrEqual(1)
    await runEmailJobs()
    const job = await t.deps.jobs.boss.getJobById(NOTIFICATION_EMAIL_JOB, submittedId)
    expect(job).toMatchObject({ state: 'retry', data: { notificationId: submittedId } })
    expect(job!.startAfter.getTime()).toBeGreaterThan(Date.now())

    const inbox = (await o.leader.get('/api/notifications')).json() as {
      items: { id: string }[]
      unread: number
    }
    expect(inbox.items.map((n) => n.id)).toContain(submittedId)
    expect(inbox.unread).toBe(1)
    // Queuing again adds nothing: the notification already has its job.
    await queueNotificationEmails(t.deps)
    expect(await t.deps.jobs.boss.findJobs(NOTIFICATION_EMAIL_JOB, { id: submittedId })).toHaveLength(1)
  })

  it('when the relay is back, the retry delivers it once, in Vietnamese, with a link to the document', async () => {
    smtp = await startTestSmtpServer({ port })
    // Instead of waiting out pg-boss's backoff (5 s), make the retry due now.
    await t.deps.jobs.boss.update(NOTIFICATION_EMAIL_JOB, undefined, {
      id: submittedId,
      startAfter: new Date(),
    })
    await runEmailJobs()
    const [mail] = (await smtp.waitFor(1)).filter(to(o.people.leader.email!))
    expect(mail).toBeDefined()
    expect(mail!.envelope.from).toBe('eoffice@mekong.gov.vn')
    expect(mail!.subject).toBe(
      `[UBSMCVN] ${o.people.clerk.fullName} trình văn bản đến số ${doc.registerNumber}: ${SUBJECT}`,
    )
    expect(mail!.text).toContain(`Kính gửi ${o.people.leader.fullName},`)
    expect(mail!.text).toContain(`${PUBLIC_URL}/documents-in/${doc.id}`)
    expect(mail!.headers.get('auto-submitted')).toBe('auto-generated')
    expect((await t.deps.jobs.boss.getJobById(NOTIFICATION_EMAIL_JOB, submittedId))?.state).toBe('completed')

    await queueNotificationEmails(t.deps)
    await runEmailJobs()
    expect(smtp.messages.filter(to(o.people.leader.email!))).toHaveLength(1)
  })

  it('assignment: the unit head is e-mailed; a user without an address and a notice already read are not', async () => {
    const assigned = await o.leader.post(`/api/documents-in/${doc.id}/assign`, {
      directive: 'Ban A chủ trì tham mưu trả lời; đồng chí ở Ban B phối hợp.',
      lead: { unitId: o.unitA.id, deadline: { workingDays: 5 } },
      cooperating: [{ userId: o.people.other.id, deadline: { workingDays: 3 } }],
    })
    expect(assigned.statusCode, assigned.body).toBe(200)
    const forHead = await notificationOf(o.people.head.id, 'documentIn.assigned')
    await notificationOf(o.people.other.id, 'documentIn.assigned')
    // A reminder, written as the deadline job writes them (no event: a negative synthetic event id).
    const [reminder] = await t.database.db
      .insert(notifications)
      .values({
        userId: o.people.clerk.id,
        eventId: -1_000_000 - Math.floor(Math.random() * 1_000_000),
        kind: 'documentIn.overdue',
        data: {
          documentId: doc.id,
          subject: SUBJECT,
          registerNumber: doc.registerNumber,
          dueDate: '2026-03-05',
          date: '2026-03-06',
        },
      })
      .returning()
    // The clerk reads it in the app before the e-mail goes out: no e-mail then.
    const clerkRead = await o.clerk.post(`/api/notifications/${reminder!.id}/read`)
    expect(clerkRead.statusCode).toBe(200)
    const [overdue] = await t.database.db
      .insert(notifications)
      .values({
        userId: o.people.head.id,
        eventId: -3_000_000 - Math.floor(Math.random() * 1_000_000),
        kind: 'documentIn.overdue',
        data: {
          documentId: doc.id,
          subject: SUBJECT,
          registerNumber: doc.registerNumber,
          dueDate: '2026-03-05',
          date: '2026-03-06',
        },
      })
      .returning()

    const before = smtp!.messages.length
    await queueNotificationEmails(t.deps)
    await runEmailJobs()
    const forHeadMails = (await smtp!.waitFor(before + 2)).slice(before).filter(to(o.people.head.email!))
    expect(forHeadMails.map((m) => m.headers.get('x-eoffice-notification')).sort()).toEqual(
      [forHead.id, overdue!.id].sort(),
    )
    const overdueMail = forHeadMails.find((m) => m.headers.get('x-eoffice-notification') === overdue!.id)!
    expect(overdueMail.subject).toBe(
      `[UBSMCVN] Văn bản đến số ${doc.registerNumber} “${SUBJECT}” đã quá hạn xử lý (hạn 05/03/2026)`,
    )
    expect(smtp!.messages.filter(to(o.people.clerk.email!))).toHaveLength(0)
    // The specialist without an address had a job, which sent nothing.
    expect(smtp!.messages.some((m) => m.text.includes(o.people.other.fullName))).toBe(false)
  })
})
