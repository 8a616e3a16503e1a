/**
 * Deadline reminders (issue 3; Decree 30/2020, Annex VI §III: track and chase handling deadlines;
 * Art. 21–22: register and hand over the same day, at the latest the next working day), as a
 * background job run every day at 07:30 Viet Nam time and on demand (`runDeadlineReminders`).
 *
 * Kinds, for the web catalogs (notifications.kinds.documentIn.*):
 * - documentIn.dueSoon: an open assignment (pending / in progress, not for information) due today
 *   or on the next working day; to the assignee person, or the heads of the assignee unit;
 * - documentIn.overdue: the same, past its due date;
 * - documentIn.handoverLate: a document still 'registered' (not submitted) after the working day
 *   following its arrival; to the clerk who registered it.
 *
 * Idempotence: one notice per person, per assignment (or document), per kind, per Viet Nam day.
 * The day and the subject ('assignmentId' or 'documentId') are written into notifications.data, and
 * the insert skips any (user, kind, subject, day) already present, checked in SQL (NOT EXISTS)
 * while the run holds a transaction-scoped advisory lock, so two runs at once (the cron and an
 * on-demand run, or two workers) cannot both write. notifications.event_id is NOT NULL and part of
 * the unique key (event_id, user_id, kind); reminders come from no recorded event, so each gets a
 * synthetic NEGATIVE id, one below the smallest already used (taken under the same lock): real
 * events have positive ids, so a synthetic id never collides with an event's notices, and two
 * reminders of the same person and kind (two assignments) never collide with each other.
 *
 * E-mail: with SMTP_URL set, the notifications module's jobs e-mail these notices like any other
 * notification (src/server/modules/notifications/email-jobs.ts); nothing to do here.
 */
import { sql, type SQL } from 'drizzle-orm'
import { queryRows, type Database, type Tx } from '../../../platform/db/client.ts'
import type { Jobs } from '../../../platform/jobs/queue.ts'
import { addWorkingDays } from '../../calendar/index.ts'
import { vnDate } from '../dates.ts'

export const REMINDERS_JOB = 'documentsIn.reminders'

/** Lock space of the reminder run (two-key advisory lock; see store.ts for the other classes). */
const REMINDERS_LOCK_CLASS = 7_300_302

export const REMINDER_KINDS = {
  dueSoon: 'documentIn.dueSoon',
  overdue: 'documentIn.overdue',
  handoverLate: 'documentIn.handoverLate',
} as const

export type ReminderDeps = { database: Database; clock: () => Date }
export type ReminderResult = { dueSoon: number; overdue: number; handoverLate: number }

type Candidate = {
  user_id: string
  kind: string
  subject_key: string
  document_id: string
  subject: string
  register_number: number | null
  due_date: string | null
  arrival_date: string | null
}

const rows = <T>(tx: Tx, query: SQL) => queryRows<T>(tx, query)

/** Open assignments due by `limit` (inclusive), with each person to remind, not yet reminded on `today`. */
function assignmentCandidates(tx: Tx, today: string, limit: string) {
  return rows<Candidate>(
    tx,
    sql`SELECT c.* FROM (
        SELECT u.id AS user_id,
          CASE WHEN a.due_date < ${today}::date THEN ${REMINDER_KINDS.overdue} ELSE ${REMINDER_KINDS.dueSoon} END AS kind,
          a.id::text AS subject_key, d.id AS document_id, d.subject, d.register_number,
          a.due_date::text AS due_date, NULL::text AS arrival_date
        FROM assignments a
        JOIN documents d ON d.id = a.document_id
        JOIN users u ON u.is_active AND (
          u.id = a.assignee_user_id OR
          (a.assignee_user_id IS NULL AND u.unit_id = a.assignee_unit_id AND 'unit_head' = ANY(u.roles)))
        WHERE a.state IN ('pending', 'in_progress') AND a.role <> 'information'
          AND a.due_date IS NOT NULL AND a.due_date <= ${limit}::date) c
      WHERE NOT EXISTS (
        SELECT 1 FROM notifications n
        WHERE n.user_id = c.user_id AND n.kind = c.kind
          AND n.data->>'assignmentId' = c.subject_key AND n.data->>'date' = ${today})
      ORDER BY c.due_date, c.subject_key, c.user_id`,
  )
}

/** Documents registered on or before `latestArrival` and still not submitted, not yet reminded on `today`. */
function handoverCandidates(tx: Tx, today: string, latestArrival: string) {
  return rows<Candidate>(
    tx,
    sql`SELECT c.* FROM (
        SELECT d.registered_by AS user_id, ${REMINDER_KINDS.handoverLate} AS kind, d.id::text AS subject_key,
          d.id AS document_id, d.subject, d.register_number, d.due_date::text AS due_date,
          (d.arrived_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date::text AS arrival_date
        FROM documents d JOIN users u ON u.id = d.registered_by AND u.is_active
        WHERE d.direction = 'incoming' AND d.state = 'registered' AND d.arrived_at IS NOT NULL
          AND (d.arrived_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= ${latestArrival}::date) c
      WHERE NOT EXISTS (
        SELECT 1 FROM notifications n
        WHERE n.user_id = c.user_id AND n.kind = c.kind
          AND n.data->>'documentId' = c.subject_key AND n.data->>'date' = ${today})
      ORDER BY c.arrival_date, c.subject_key`,
  )
}

/** Write the day's reminders; safe to run any number of times a day (see the header). */
export async function runDeadlineReminders(deps: ReminderDeps): Promise<ReminderResult> {
  const now = deps.clock()
  const today = vnDate(now)
  const db = deps.database.db
  // "Due soon": due today or on the next working day.
  const dueSoonLimit = await addWorkingDays(db, today, 1)
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${REMINDERS_LOCK_CLASS}, 0)`)
    const assignments = await assignmentCandidates(tx, today, dueSoonLimit)
    // Hand-over is late when today is after the working day following the arrival; arrivals two or
    // more calendar days ago are the candidates, checked on the calendar one arrival date at a time.
    const yesterdayButOne = new Date(Date.parse(`${today}T00:00:00Z`) - 2 * 86_400_000)
      .toISOString()
      .slice(0, 10)
    const handover: Candidate[] = []
    const deadlineOf = new Map<string, string>()
    for (const c of await handoverCandidates(tx, today, yesterdayButOne)) {
      const arrival = c.arrival_date!
      if (!deadlineOf.has(arrival)) deadlineOf.set(arrival, await addWorkingDays(tx, arrival, 1))
      if (deadlineOf.get(arrival)! < today) handover.push(c)
    }
    const all = [...assignments, ...handover]
    if (all.length === 0) return { dueSoon: 0, overdue: 0, handoverLate: 0 }
    const [{ min } = { min: 0 }] = await rows<{ min: number | string | null }>(
      tx,
      sql`SELECT least(coalesce(min(event_id), 0), 0) AS min FROM notifications`,
    )
    const base = Number(min ?? 0)
    const values = all.map((c, i) => {
      const data = {
        documentId: c.document_id,
        subject: c.subject,
        registerNumber: c.register_number,
        dueDate: c.due_date,
        date: today,
        ...(c.kind === REMINDER_KINDS.handoverLate
          ? { arrivalDate: c.arrival_date }
          : { assignmentId: c.subject_key }),
      }
      return sql`(${c.user_id}::uuid, ${base - 1 - i}, ${c.kind}, ${JSON.stringify(data)}::jsonb, ${now.toISOString()}::timestamptz)`
    })
    await tx.execute(
      sql`INSERT INTO notifications (user_id, event_id, kind, data, created_at) VALUES ${sql.join(values, sql`, `)}
        ON CONFLICT (event_id, user_id, kind) DO NOTHING`,
    )
    const count = (kind: string) => all.filter((c) => c.kind === kind).length
    return {
      dueSoon: count(REMINDER_KINDS.dueSoon),
      overdue: count(REMINDER_KINDS.overdue),
      handoverLate: count(REMINDER_KINDS.handoverLate),
    }
  })
}

/** The daily run at 07:30 Viet Nam time (the cron of Jobs is in Asia/Ho_Chi_Minh); `send` it to run now. */
export function defineDeadlineReminders(deps: ReminderDeps & { jobs: Jobs }): void {
  deps.jobs.define({
    name: REMINDERS_JOB,
    policy: 'stately',
    cron: '30 7 * * *',
    handler: async () => {
      await runDeadlineReminders(deps)
    },
  })
}
