/**
 * Digitisation (số hóa, issue 6): batches of scans read in the background (text layer or OCR),
 * pre-filled by smart capture, checked against the digitisation rules, and confirmed one by one
 * as incoming documents; the registration form's OCR pre-fill uses a one-item batch.
 */
import type { FastifyInstance } from 'fastify'
import type { AppModule } from '../../app.ts'
import type { Actor } from '../../platform/context.ts'
import type { Executor } from '../../platform/db/client.ts'
import { globalCan } from '../accounts/index.ts'
import { registerFileReadGrant, type FileRecord } from '../files/index.ts'
import { scansRegisteredElsewhere } from './on-events.ts'
import { isFileInVisibleBatch } from './queries.ts'
import { defineReading } from './read-job.ts'
import { digitisationRoutes } from './routes.ts'

export { DIGITISATION_EVENTS } from './events.ts'
export { readQueuedItems, READ_JOB } from './read-job.ts'
export { readScan } from './read-scan.ts'
export { checkImageRules } from './image-rules.ts'

/** The clerks who see a batch may read its scans (to look at them while confirming). */
async function batchFileGrant(db: Executor, actor: Actor, file: FileRecord): Promise<boolean> {
  return globalCan(actor, 'documentsIn.register') && isFileInVisibleBatch(db, actor, file.id)
}

export const digitisationModule: AppModule = {
  name: 'digitisation',
  routes: async (app: FastifyInstance) => {
    await digitisationRoutes(app)
  },
  register: (deps) => {
    defineReading(deps)
    deps.dispatcher.register(scansRegisteredElsewhere())
    registerFileReadGrant(batchFileGrant)
  },
}
