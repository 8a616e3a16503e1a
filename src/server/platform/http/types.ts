import type { GlobalAction } from '@common/permissions'
import type { Config } from '../../config.ts'
import type { Database } from '../db/client.ts'
import type { Actor } from '../context.ts'
import type { EventDispatcher } from '../events/dispatch.ts'
import type { BlobStore } from '../files/blob-store.ts'
import type { Jobs } from '../jobs/queue.ts'
import type { Mailer } from '../mail/index.ts'
import type { DocxConverter } from '../convert/index.ts'
import type { OcrEngine } from '../ocr/index.ts'
import type { SessionInfo } from './session.ts'

/**
 * Who may call a route; every /api route must declare one (checked when routes are registered).
 * - 'public': anyone; 'session': any session, even one still waiting for its second factor;
 * - 'user': a fully signed-in user; a GlobalAction: a signed-in user holding that ability.
 */
export type Access = 'public' | 'session' | 'user' | GlobalAction

export type AppDeps = {
  config: Config
  database: Database
  jobs: Jobs
  blobs: BlobStore
  /** E-mail (SMTP_URL); `isConfigured` false when off. */
  mailer: Mailer
  /** DOCX to PDF (LibreOffice headless). */
  converter: DocxConverter
  /** OCR of scans (Tesseract); `isAvailable()` false when it is not installed. */
  ocr: OcrEngine
  dispatcher: EventDispatcher
  clock: () => Date
  /** Ask a worker to run the after-commit handlers soon. */
  kickDispatch: () => void
}

// Module augmentation needs interfaces.
/* eslint-disable @typescript-eslint/consistent-type-definitions */
declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access
  }
  interface FastifyRequest {
    session: SessionInfo | null
  }
  interface FastifyInstance {
    deps: AppDeps
    globalCan: (actor: Actor, action: GlobalAction) => boolean
    /** Every /api route with the access it declared (for the access matrix test and docs). */
    routeAccess: { method: string; url: string; access: Access }[]
  }
}
