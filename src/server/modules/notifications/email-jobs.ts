/**
 * E-mailed notifications (issue 3: reminders and notices "in-app; e-mail when SMTP is
 * configured"). Whoever writes a notification (this module's event handler, the incoming-document
 * handler, the deadline reminders) writes only the row; two pg-boss jobs do the rest, never inside
 * a request:
 * - `notifications.email.queue` (every minute, stately): each unread notification of the last day
 *   without an e-mail job gets one, whose pg-boss job id IS the notification id, so a notification
 *   is queued at most once however often or concurrently this runs;
 * - `notifications.email`: sends it to the user's address, in the user's language (Vietnamese by
 *   default). An unreachable relay fails the job and pg-boss retries it with backoff (5 s, 10 s,
 *   20 s, ... 12 times: an outage of up to about 5 hours loses nothing); a permanent refusal
 *   (5xx, bad address) is logged and not retried.
 * Skipped: users without an address or no longer active, and notifications read in the app
 * before the e-mail went out (they have been seen).
 */
import type { Job } from 'pg-boss'
import type { Config } from '../../config.ts'
import type { Database } from '../../platform/db/client.ts'
import type { Jobs } from '../../platform/jobs/queue.ts'
import { MailError, type Mailer } from '../../platform/mail/index.ts'
import { unsafeFindUser } from '../accounts/index.ts'
import { notificationEmail } from './email-message.ts'
import { unsafeFindNotification, unsafeNotificationsWithoutEmailJob } from './queries.ts'

export const NOTIFICATION_EMAIL_JOB = 'notifications.email'
export const NOTIFICATION_EMAIL_QUEUE_JOB = 'notifications.email.queue'

/** How far back the queueing looks: older news is not worth an e-mail (and stays in the inbox). */
const WINDOW_MS = 24 * 3600_000
const QUEUE_BATCH = 500

export type NotificationEmailDeps = {
  config: Config
  database: Database
  jobs: Jobs
  mailer: Mailer
  clock: () => Date
}

export type NotificationEmailJob = { notificationId: string }

/** Give every recent unread notification its e-mail job (once). Returns how many were queued. */
export async function queueNotificationEmails(deps: NotificationEmailDeps): Promise<number> {
  const since = new Date(deps.clock().getTime() - WINDOW_MS)
  let queued = 0
  // Bounded: a run queues at most 20 batches; the next minute's run takes the rest.
  for (let round = 0; round < 20; round++) {
    const ids = await unsafeNotificationsWithoutEmailJob(deps.database.db, {
      since,
      jobName: NOTIFICATION_EMAIL_JOB,
      limit: QUEUE_BATCH,
    })
    if (ids.length === 0) break
    // The job id is the notification id: pg-boss skips an id it already holds (a concurrent run).
    const inserted = await deps.jobs.boss.insert(
      NOTIFICATION_EMAIL_JOB,
      ids.map((id) => ({ id, data: { notificationId: id } satisfies NotificationEmailJob })),
      { returnId: true },
    )
    queued += inserted?.length ?? 0
    if (ids.length < QUEUE_BATCH) break
  }
  return queued
}

type Outcome = 'sent' | 'skipped' | 'rejected'

/** Send the e-mail of one notification, if it is still worth sending. */
export async function emailNotification(
  deps: NotificationEmailDeps,
  notificationId: string,
): Promise<Outcome> {
  const db = deps.database.db
  const notification = await unsafeFindNotification(db, notificationId)
  if (!notification || notification.readAt) return 'skipped'
  const user = await unsafeFindUser(db, notification.userId)
  if (!user?.isActive || !user.email) return 'skipped'
  const message = notificationEmail(
    notification,
    { fullName: user.fullName, email: user.email, locale: user.locale },
    {
      publicUrl: deps.config.publicUrl ?? `http://localhost:${deps.config.port}`,
      organizationName: deps.config.organization.name,
      organizationShortName: deps.config.organization.shortName,
    },
  )
  try {
    await deps.mailer.send(message)
    return 'sent'
  } catch (err) {
    // A refusal will not change on retry: say so in the log and settle the job.
    if (err instanceof MailError && err.code === 'REJECTED') {
      console.warn(`notification ${notificationId}: e-mail to ${user.email} refused: ${err.message}`)
      return 'rejected'
    }
    throw err
  }
}

/**
 * The `notifications.email` handler for a batch. On the first failure the failing job and the
 * rest of the batch go back to pg-boss as failed (retried with backoff); those already sent
 * complete, so a retry never e-mails twice.
 */
export async function sendNotificationEmails(
  deps: NotificationEmailDeps,
  batch: Job<NotificationEmailJob>[],
): Promise<void> {
  for (const [i, job] of batch.entries()) {
    try {
      await emailNotification(deps, job.data.notificationId)
    } catch (err) {
      const rest = batch.slice(i).map((j) => ({ id: j.id, retryCount: j.retryCount }))
      const message = err instanceof Error ? err.message : String(err)
      await deps.jobs.boss.fail(NOTIFICATION_EMAIL_JOB, rest, { message })
      console.error(`notification e-mail failed, will retry ${rest.length} job(s): ${message}`)
      return
    }
  }
}

/** Define the two jobs, when e-mail is configured (SMTP_URL); without it nothing is queued. */
export function defineNotificationEmails(deps: NotificationEmailDeps): void {
  if (!deps.mailer.isConfigured) return
  deps.jobs.define({
    name: NOTIFICATION_EMAIL_QUEUE_JOB,
    policy: 'stately',
    cron: '* * * * *',
    handler: async () => {
      await queueNotificationEmails(deps)
    },
  })
  deps.jobs.define<NotificationEmailJob>({
    name: NOTIFICATION_EMAIL_JOB,
    // Backoff doubles from 5 s: 12 retries span about 5.7 hours.
    retryLimit: 12,
    handler: (batch) => sendNotificationEmails(deps, batch),
  })
}
