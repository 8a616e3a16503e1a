/**
 * Incoming documents (văn bản đến, Decree 30/2020/NĐ-CP Art. 20–24): registers and arrival
 * numbers, registration with files, routing to leaders and units, processing, the inbox.
 */
import type { FastifyInstance } from 'fastify'
import type { AppModule } from '../../app.ts'
import type { Actor } from '../../platform/context.ts'
import type { Executor } from '../../platform/db/client.ts'
import { registerFileReadGrant, type FileRecord } from '../files/index.ts'
import { defineTextExtraction } from './jobs.ts'
import { defineOcr } from './ocr-job.ts'
import { documentsInNotifications } from './on-events.ts'
import { defineDeadlineReminders } from './reminders/index.ts'
import { canSeeDocument } from './policy.ts'
import { documentIdsHoldingFile, unsafeLoadDocument } from './queries.ts'
import { documentRoutes } from './routes-documents.ts'
import { inboxRoutes } from './routes-inbox.ts'
import { processingRoutes } from './routes-processing.ts'
import { registerExportRoutes } from './routes-register-export.ts'
import { registerSearchSource } from '../search/index.ts'
import { incomingSearchSource } from './search-source.ts'
import { registerRoutes } from './routes-registers.ts'

export { DOCUMENT_IN_EVENTS } from './events.ts'
export { extractPendingTexts, kickTextExtraction, EXTRACT_TEXT_JOB } from './jobs.ts'
export { ocrPendingScans, OCR_JOB } from './ocr-job.ts'
// Issuing to our own units and people (documents-out, issue 4).
export {
  defaultIncomingRegister,
  receiveInternal,
  recallInternal,
  type InternalDelivery,
} from './actions/receive-internal.ts'
// Inter-agency exchange (issue 5): accepting a received package registers it; recalls and updates.
export { registerIncoming } from './actions/register-incoming.ts'
export { destroyIncoming, applySenderUpdate, type SenderUpdate } from './actions/exchange-hooks.ts'
export { findMigrationClashes, insertMigratedIncoming, type MigratedIncoming } from './migrated.ts'

/** Whoever sees an incoming document may read its files (main file, attachments, processing files). */
async function incomingFileGrant(db: Executor, actor: Actor, file: FileRecord): Promise<boolean> {
  for (const id of await documentIdsHoldingFile(db, file.id)) {
    const doc = await unsafeLoadDocument(db, id)
    if (doc && canSeeDocument(actor, doc)) return true
  }
  return false
}

export const documentsInModule: AppModule = {
  name: 'documents-in',
  routes: async (app: FastifyInstance) => {
    await registerRoutes(app)
    await registerExportRoutes(app)
    await documentRoutes(app)
    await processingRoutes(app)
    await inboxRoutes(app)
  },
  register: (deps) => {
    defineTextExtraction(deps)
    defineOcr(deps)
    defineDeadlineReminders(deps)
    deps.dispatcher.register(documentsInNotifications())
    registerFileReadGrant(incomingFileGrant)
    registerSearchSource(incomingSearchSource)
  },
}
