/**
 * Outgoing documents (văn bản đi, Decree 30/2020/NĐ-CP Art. 10–19): drafts and versions, the
 * approval chain and submission slips, the format check, digital signing, numbering, issuing and
 * delivery, recall and replace.
 */
import type { FastifyInstance } from 'fastify'
import { registerSearchSource } from '../search/index.ts'
import { outgoingSearchSource } from './search-source.ts'
import type { AppModule } from '../../app.ts'
import type { Actor } from '../../platform/context.ts'
import type { Executor } from '../../platform/db/client.ts'
import { registerFileReadGrant, type FileRecord } from '../files/index.ts'
import { defineOutgoingJobs } from './jobs.ts'
import { documentsOutNotifications } from './on-events.ts'
import { canSeeOutgoing } from './policy.ts'
import { factsOf, unsafeLoadOutgoing } from './queries.ts'
import { outgoingIdsHoldingFile } from './lookups.ts'
import { actingForOut } from './actions/support.ts'
import { adminRoutes } from './routes-admin.ts'
import { draftRoutes } from './routes-drafts.ts'
import { signingRoutes } from './routes-signing.ts'
import { workflowRoutes } from './routes-workflow.ts'

export { DOCUMENT_OUT_EVENTS } from './events.ts'
export { deliverPending, ensureVersionTexts, processVersions } from './jobs.ts'
// The exchange module (issue 5) builds edXML packages from issued documents and reports deliveries.
export { unsafeLoadOutgoing, factsOf, type OutgoingView } from './queries.ts'
export { canSeeOutgoing } from './policy.ts'
export { updateRecipient as setRecipientDelivery } from './store.ts'
// Consultations (issue 7) put their summary report on a draft submitted to a leader.
export { createDraft } from './actions/create-draft.ts'
export { submitDraft } from './actions/submit-draft.ts'
// …and members sign their final answers with their own key.
export { hasOwnSigningKey, signWithOwnKey, type OwnSignature } from './sign-own.ts'
export type { TxRunner } from './actions/sign-draft.ts'
export { findOutgoingMigrationClashes, insertMigratedOutgoing, type MigratedOutgoing } from './migrated.ts'

/** An outgoing document if the actor may see it (the exchange panel of the document page). */
export async function loadVisibleOutgoing(db: Executor, actor: Actor, id: string, now: Date) {
  const actingFor = await actingForOut(db, actor, now)
  const doc = await unsafeLoadOutgoing(db, id)
  return doc && canSeeOutgoing(actor, factsOf(doc), actingFor) ? doc : null
}

/** Whoever sees an outgoing document may read its versions, attachments and signed files. */
async function outgoingFileGrant(db: Executor, actor: Actor, file: FileRecord): Promise<boolean> {
  for (const id of await outgoingIdsHoldingFile(db, file.id)) {
    const doc = await unsafeLoadOutgoing(db, id)
    if (doc && canSeeOutgoing(actor, factsOf(doc))) return true
  }
  return false
}

export const documentsOutModule: AppModule = {
  name: 'documents-out',
  routes: async (app: FastifyInstance) => {
    await draftRoutes(app)
    await workflowRoutes(app)
    await signingRoutes(app)
    await adminRoutes(app)
  },
  register: (deps) => {
    defineOutgoingJobs(deps)
    deps.dispatcher.register(documentsOutNotifications())
    registerFileReadGrant(outgoingFileGrant)
    registerSearchSource(outgoingSearchSource)
  },
}
