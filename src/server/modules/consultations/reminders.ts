/**
 * Reminders before the deadline: at each mark (reminderHours before the deadline) the members who
 * have not answered, and the focal points of their organizations, are reminded, once per mark;
 * never those who answered. Marks that fell before the launch are skipped (the launch told them).
 * Several marks due at once (a late run) send one reminder. A job runs it every five minutes.
 */
import { and, eq, gt, inArray, isNotNull } from 'drizzle-orm'
import type { Database, Tx } from '../../platform/db/client.ts'
import { consultationReminders, consultations, notifications } from '../../platform/db/schema.ts'
import type { Jobs } from '../../platform/jobs/queue.ts'
import { recordEvent, systemEventSource } from '../../platform/events/record.ts'
import { CONSULTATION_EVENTS as E, CONSULTATION_TARGET } from './events.ts'
import { focalPointsOf, unsafeLoadConsultation, type ConsultationView, type PersonRow } from './queries.ts'

export const REMINDERS_JOB = 'consultations.reminders'
const HOUR = 3_600_000

/** The marks (hours) due at `now`: passed, after the launch, before the deadline. Pure. */
export function dueMarks(
  c: { deadline: Date; launchedAt: Date | null; reminderHours: readonly number[] },
  now: Date,
): number[] {
  if (!c.launchedAt || now.getTime() >= c.deadline.getTime()) return []
  return c.reminderHours.filter((h) => {
    const at = c.deadline.getTime() - h * HOUR
    return at <= now.getTime() && at >= c.launchedAt!.getTime()
  })
}

/** Members who have not answered yet (a draft or one awaiting confirmation is not an answer). */
export function silentMembers(c: ConsultationView): PersonRow[] {
  const answered = new Set(
    c.responses.filter((r) => r.state === 'submitted' || r.state === 'final').map((r) => r.memberId),
  )
  return c.participants.filter((p) => !answered.has(p.id))
}

/** Notify each reminded member and the focal points of their organization (once per person). */
export async function notifyReminded(
  tx: Tx,
  c: ConsultationView,
  members: readonly PersonRow[],
  reminder: { eventId: number; hoursLeft: number; message: string | null },
  now: Date,
): Promise<void> {
  const focal = await focalPointsOf(
    tx,
    members.map((m) => m.organizationId),
  )
  const rows = members.flatMap((m) => [
    { userId: m.id, memberName: m.fullName },
    ...focal
      .filter((f) => f.organizationId === m.organizationId && f.id !== m.id)
      .map((f) => ({ userId: f.id, memberName: m.fullName })),
  ])
  const seen = new Set<string>()
  const values = rows
    .filter((r) => !seen.has(r.userId) && seen.add(r.userId))
    .map((r) => ({
      userId: r.userId,
      eventId: reminder.eventId,
      kind: reminder.message ? 'consultation.reminderWithMessage' : 'consultation.reminder',
      data: {
        consultationId: c.id,
        title: c.title,
        deadlineAt: c.deadline.toISOString(),
        memberName: r.memberName,
        hoursLeft: reminder.hoursLeft,
        ...(reminder.message ? { message: reminder.message } : {}),
      },
      createdAt: now,
    }))
  if (values.length === 0) return
  await tx
    .insert(notifications)
    .values(values)
    .onConflictDoNothing({ target: [notifications.eventId, notifications.userId, notifications.kind] })
}

/** Remind, for one consultation, whoever is due; returns the number of members reminded. */
async function remindOne(db: Database['db'], id: string, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    // The row lock makes concurrent runs wait, so each mark is sent once.
    const c = await unsafeLoadConsultation(tx, id, { forUpdate: true })
    if (!c || c.state !== 'open') return 0
    const marks = dueMarks(c, now)
    if (marks.length === 0) return 0
    const silent = silentMembers(c)
    if (silent.length === 0) return 0
    const sent = await tx
      .select({ memberId: consultationReminders.memberId, mark: consultationReminders.markHours })
      .from(consultationReminders)
      .where(
        and(eq(consultationReminders.consultationId, c.id), inArray(consultationReminders.markHours, marks)),
      )
    const done = new Set(sent.map((s) => `${s.memberId}:${s.mark}`))
    const due = silent
      .map((p) => ({ member: p, marks: marks.filter((m) => !done.has(`${p.id}:${m}`)) }))
      .filter((d) => d.marks.length > 0)
    if (due.length === 0) return 0
    const event = await recordEvent(systemEventSource(tx, now, 'consultation-reminders'), {
      action: E.reminded,
      targetType: CONSULTATION_TARGET,
      targetId: c.id,
      data: { marks, memberIds: due.map((d) => d.member.id) },
    })
    await tx
      .insert(consultationReminders)
      .values(
        due.flatMap((d) =>
          d.marks.map((markHours) => ({
            consultationId: c.id,
            memberId: d.member.id,
            markHours,
            sentAt: now,
          })),
        ),
      )
      .onConflictDoNothing()
    await notifyReminded(
      tx,
      c,
      due.map((d) => d.member),
      { eventId: event.id, hoursLeft: Math.min(...marks), message: null },
      now,
    )
    return due.length
  })
}

/** Send every reminder due at `now`; returns how many members were reminded. */
export async function sendDueReminders(db: Database['db'], now: Date): Promise<number> {
  const open = await db
    .select({ id: consultations.id })
    .from(consultations)
    .where(
      and(
        eq(consultations.state, 'open'),
        gt(consultations.deadline, now),
        isNotNull(consultations.launchedAt),
      ),
    )
  let total = 0
  for (const { id } of open) total += await remindOne(db, id, now)
  return total
}

export function defineReminderJob(deps: { database: Database; jobs: Jobs; clock: () => Date }): void {
  deps.jobs.define({
    name: REMINDERS_JOB,
    policy: 'stately',
    cron: '*/5 * * * *',
    handler: async () => {
      await sendDueReminders(deps.database.db, deps.clock())
    },
  })
}
