/**
 * Consultations (lấy ý kiến, issue 7): the Standing Office asks committee members for their
 * opinion by a deadline; members or their focal points answer; the office follows the progress,
 * closes, and completes and exports the summary.
 */
import type { FastifyInstance } from 'fastify'
import { and, eq, or, sql } from 'drizzle-orm'
import type { AppModule } from '../../app.ts'
import type { Actor } from '../../platform/context.ts'
import type { Executor } from '../../platform/db/client.ts'
import { consultationMaterials, consultationResponses } from '../../platform/db/schema.ts'
import { registerFileReadGrant, type FileRecord } from '../files/index.ts'
import { consultationNotifications, letterLaunchHandler } from './on-events.ts'
import { canOnConsultation, canSeeConsultation, canSeeResponse } from './policy.ts'
import { factsOf, membersOf, unsafeLoadConsultation } from './queries.ts'
import { defineReminderJob } from './reminders.ts'
import { consultationAnswerRoutes } from './routes-answers.ts'
import { consultationSummaryRoutes } from './routes-summary.ts'
import { consultationRoutes } from './routes.ts'
import { registerSearchSource } from '../search/index.ts'
import { consultationSearchSource } from './search-source.ts'

export { CONSULTATION_EVENTS } from './events.ts'
export { sendDueReminders, REMINDERS_JOB } from './reminders.ts'
// The demo seed (src/server/seed/demo-consultation.ts) drives the same use cases as the routes.
export { createConsultation } from './actions/create-consultation.ts'
export { submitForApproval } from './actions/submit-for-approval.ts'
export { approveConsultation } from './actions/approve-consultation.ts'
export { saveResponse } from './actions/save-response.ts'

/**
 * Whoever sees a consultation may read its materials; an answer's files are read by the member,
 * those who answer for them, the officers, and whoever may see the summary.
 */
async function consultationFileGrant(db: Executor, actor: Actor, file: FileRecord): Promise<boolean> {
  const materials = await db
    .select({ consultationId: consultationMaterials.consultationId })
    .from(consultationMaterials)
    .where(eq(consultationMaterials.fileId, file.id))
  for (const m of materials) {
    const c = await unsafeLoadConsultation(db, m.consultationId)
    if (c && canSeeConsultation(actor, factsOf(c), membersOf(c))) return true
  }
  const responses = await db
    .select({
      consultationId: consultationResponses.consultationId,
      memberId: consultationResponses.memberId,
    })
    .from(consultationResponses)
    .where(
      or(
        sql`${file.id}::uuid = ANY(${consultationResponses.fileIds})`,
        and(eq(consultationResponses.signedFileId, file.id)),
      ),
    )
  for (const r of responses) {
    const c = await unsafeLoadConsultation(db, r.consultationId)
    const member = c?.participants.find((p) => p.id === r.memberId)
    if (!c || !member) continue
    if (canSeeResponse(actor, factsOf(c), member)) return true
    if (canOnConsultation(actor, 'viewSummary', factsOf(c), membersOf(c))) return true
  }
  return false
}

export const consultationsModule: AppModule = {
  name: 'consultations',
  routes: async (app: FastifyInstance) => {
    await consultationRoutes(app)
    await consultationAnswerRoutes(app)
    await consultationSummaryRoutes(app)
  },
  register: (deps) => {
    deps.dispatcher.register(letterLaunchHandler())
    deps.dispatcher.register(consultationNotifications())
    defineReminderJob(deps)
    registerFileReadGrant(consultationFileGrant)
    registerSearchSource(consultationSearchSource)
  },
}
