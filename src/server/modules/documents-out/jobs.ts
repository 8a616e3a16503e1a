/**
 * Background work of outgoing documents, each drained from its own outbox so a crash loses
 * nothing and a cron run picks up what a kick missed:
 * - draft versions: DOCX → PDF through the converter (LibreOffice; when it is missing the version
 *   says 'unavailable' and the drafter uploads the final PDF), then the text of each version
 *   (for the format check, comparing versions and search);
 * - attachments and the issued PDF: their text, for search (outgoing_files.text_status);
 * - deliveries: e-mail with the signed PDF to external recipients (the exchange module, issue 5,
 *   takes the 'exchange' channel).
 */
import { and, asc, eq, sql } from 'drizzle-orm'
import type { Config } from '../../config.ts'
import type { Database } from '../../platform/db/client.ts'
import {
  draftVersions,
  files,
  outgoingFiles,
  outgoingRecipients,
  documents,
  outgoingDetails,
} from '../../platform/db/schema.ts'
import type { BlobStore } from '../../platform/files/blob-store.ts'
import type { Jobs } from '../../platform/jobs/queue.ts'
import { ConversionError, type DocxConverter } from '../../platform/convert/index.ts'
import { MailError, type Mailer } from '../../platform/mail/index.ts'
import { recordEvent, systemEventSource } from '../../platform/events/record.ts'
import { extractText, isCaptureMediaType } from '../capture/index.ts'
import { insertFileWithBlob } from '../files/index.ts'
import { putBytes, readBlob } from './keys.ts'
import { updateRecipient, updateVersion } from './store.ts'

export type OutJobDeps = {
  database: Database
  blobs: BlobStore
  config: Config
  jobs: Jobs
  converter?: DocxConverter
  mailer?: Mailer
  clock: () => Date
}

export const VERSION_JOB = 'documentsOut.versions'
/** Recorded when a version's text is read: the search index takes the text in. */
export const TEXT_EXTRACTED = 'documentOut.textExtracted'
export const DELIVERY_JOB = 'documentsOut.deliver'
const MAX_ATTEMPTS = 5

async function convertPending(deps: OutJobDeps, documentId?: string): Promise<void> {
  const db = deps.database.db
  const pending = await db
    .select({ v: draftVersions, sha256: files.sha256, filename: files.filename })
    .from(draftVersions)
    .innerJoin(files, eq(files.id, draftVersions.fileId))
    .where(
      and(
        eq(draftVersions.conversionStatus, 'pending'),
        documentId ? eq(draftVersions.documentId, documentId) : undefined,
      ),
    )
    .orderBy(asc(draftVersions.createdAt))
    .limit(10)
  if (pending.length === 0) return
  const isAvailable = deps.converter ? await deps.converter.isAvailable() : false
  for (const p of pending) {
    if (!isAvailable || !deps.converter) {
      await updateVersion(db, p.v.id, {
        conversionStatus: 'unavailable',
        conversionError: 'LibreOffice không có trên máy chủ',
      })
      continue
    }
    try {
      const pdf = await deps.converter.docxToPdf(await readBlob(deps.blobs, p.sha256))
      const stored = await putBytes(deps.blobs, pdf, deps.config.maxUploadBytes)
      await db.transaction(async (tx) => {
        const file = await insertFileWithBlob(tx, {
          ...stored,
          filename: p.filename.replace(/\.docx$/i, '') + '.pdf',
          mediaType: 'application/pdf',
          uploadedBy: p.v.uploadedBy,
          createdAt: deps.clock(),
        })
        await updateVersion(tx, p.v.id, {
          pdfFileId: file.id,
          conversionStatus: 'done',
          textStatus: 'pending',
        })
      })
    } catch (err) {
      console.error(`conversion of version ${p.v.id} failed:`, err instanceof Error ? err.message : err)
      const isMissing = err instanceof ConversionError && err.code === 'UNAVAILABLE'
      await updateVersion(db, p.v.id, {
        conversionStatus: isMissing ? 'unavailable' : 'failed',
        conversionError: err instanceof Error ? err.message.slice(0, 500) : 'failed',
      })
    }
  }
}

/** Extract the text of versions still pending (the PDF when there is one, else the DOCX). */
async function extractPending(deps: OutJobDeps, documentId?: string): Promise<void> {
  const db = deps.database.db
  const rows = await db
    .select({
      id: draftVersions.id,
      documentId: draftVersions.documentId,
      pdfFileId: draftVersions.pdfFileId,
      fileId: draftVersions.fileId,
      status: draftVersions.conversionStatus,
    })
    .from(draftVersions)
    .where(
      and(
        eq(draftVersions.textStatus, 'pending'),
        sql`${draftVersions.conversionStatus} <> 'pending'`,
        documentId ? eq(draftVersions.documentId, documentId) : undefined,
      ),
    )
    .limit(20)
  for (const r of rows) {
    const [file] = await db
      .select()
      .from(files)
      .where(eq(files.id, r.pdfFileId ?? r.fileId))
    if (!file || !isCaptureMediaType(file.mediaType)) {
      await updateVersion(db, r.id, { textStatus: 'failed' })
      continue
    }
    try {
      const extraction = await extractText(await deps.blobs.get(file.sha256), file.mediaType, {
        maxPages: 100,
        maxBytes: deps.config.maxUploadBytes,
      })
      const text = extraction.text.replaceAll('\u0000', '')
      await db.transaction(async (tx) => {
        await updateVersion(tx, r.id, {
          textStatus: extraction.isLikelyScanned ? 'scanned' : 'done',
          extractedText: text || null,
        })
        await recordEvent(systemEventSource(tx, new Date(), 'text-extraction'), {
          action: TEXT_EXTRACTED,
          targetType: 'documentOut',
          targetId: r.documentId,
          data: { versionId: r.id },
        })
      })
    } catch (err) {
      console.error(`text extraction of version ${r.id} failed:`, err instanceof Error ? err.message : err)
      await updateVersion(db, r.id, { textStatus: 'failed' })
    }
  }
}

/**
 * The files whose text search takes: attachments, and the issued PDF (the document as sent, and
 * the only text of a migrated one). The leader's signed PDF and the sealed copies of attachments
 * hold the same text as the version and the attachments they come from.
 */
const READ_FILE_ROLES = ['attachment', 'main']
const FILE_BATCH = 20

/**
 * Extract the text of outgoing files still pending, from their text layer (PDF, DOCX): no OCR.
 * Attachments of outgoing documents are made on a computer; a scanned one stays 'scanned'.
 */
async function extractFileBatch(deps: OutJobDeps, documentId?: string): Promise<number> {
  const db = deps.database.db
  const rows = await db
    .select({ f: outgoingFiles, sha256: files.sha256, mediaType: files.mediaType })
    .from(outgoingFiles)
    .innerJoin(files, eq(files.id, outgoingFiles.fileId))
    .where(
      and(
        eq(outgoingFiles.textStatus, 'pending'),
        documentId ? eq(outgoingFiles.documentId, documentId) : undefined,
      ),
    )
    .orderBy(asc(outgoingFiles.createdAt))
    .limit(FILE_BATCH)
  for (const r of rows) {
    const setFile = (patch: { textStatus: string; extractedText?: string | null }) =>
      db.update(outgoingFiles).set(patch).where(eq(outgoingFiles.id, r.f.id))
    if (!READ_FILE_ROLES.includes(r.f.role)) {
      await setFile({ textStatus: 'not_needed' })
      continue
    }
    if (!isCaptureMediaType(r.mediaType)) {
      await setFile({ textStatus: r.mediaType.startsWith('image/') ? 'scanned' : 'failed' })
      continue
    }
    try {
      const extraction = await extractText(await deps.blobs.get(r.sha256), r.mediaType, {
        maxPages: 100,
        maxBytes: deps.config.maxUploadBytes,
      })
      const text = extraction.text.replaceAll('\u0000', '')
      await db.transaction(async (tx) => {
        await tx
          .update(outgoingFiles)
          .set({ textStatus: extraction.isLikelyScanned ? 'scanned' : 'done', extractedText: text || null })
          .where(eq(outgoingFiles.id, r.f.id))
        await recordEvent(systemEventSource(tx, new Date(), 'text-extraction'), {
          action: TEXT_EXTRACTED,
          targetType: 'documentOut',
          targetId: r.f.documentId,
          data: { fileId: r.f.fileId, role: r.f.role },
        })
      })
    } catch (err) {
      // A broken file must not stop the queue: it is marked failed and logged.
      console.error(
        `text extraction of outgoing file ${r.f.id} failed:`,
        err instanceof Error ? err.message : err,
      )
      await setFile({ textStatus: 'failed' })
    }
  }
  return rows.length
}

/** Drain the pending files (a backlog after an upgrade, too) in batches, at most 1,000 a run. */
async function extractPendingFiles(deps: OutJobDeps, documentId?: string): Promise<void> {
  for (let i = 0; i < 50; i++) if ((await extractFileBatch(deps, documentId)) < FILE_BATCH) return
}

/** The job: convert DOCX versions, then extract the text of every version and file still pending. */
export async function processVersions(deps: OutJobDeps, documentId?: string): Promise<void> {
  await convertPending(deps, documentId)
  await extractPending(deps, documentId)
  await extractPendingFiles(deps, documentId)
}

/**
 * Extract pending texts now (the format check, numbering and the diff read them). Conversion is
 * left to the job: LibreOffice takes seconds, which a request must not wait for.
 */
export async function ensureVersionTexts(deps: OutJobDeps, documentId: string): Promise<void> {
  await extractPending(deps, documentId)
}

/** Send pending e-mail deliveries; returns how many were sent. */
export async function deliverPending(deps: OutJobDeps, documentId?: string): Promise<number> {
  const db = deps.database.db
  const pending = await db
    .select({
      r: outgoingRecipients,
      subject: documents.subject,
      numberAndNotation: documents.numberAndNotation,
      sha256: files.sha256,
      filename: files.filename,
    })
    .from(outgoingRecipients)
    .innerJoin(documents, eq(documents.id, outgoingRecipients.documentId))
    .innerJoin(outgoingDetails, eq(outgoingDetails.documentId, documents.id))
    .innerJoin(files, eq(files.id, outgoingDetails.issuedFileId))
    .where(
      and(
        eq(outgoingRecipients.channel, 'email'),
        eq(outgoingRecipients.deliveryState, 'pending'),
        documentId ? eq(outgoingRecipients.documentId, documentId) : undefined,
      ),
    )
    .limit(20)
  let sent = 0
  for (const p of pending) {
    if (!deps.mailer?.isConfigured || !p.r.email) {
      await updateRecipient(db, p.r.id, {
        deliveryError: 'Chưa cấu hình máy chủ thư (SMTP_URL)',
        updatedAt: deps.clock(),
      })
      continue
    }
    try {
      const attachments = [
        {
          filename: p.filename,
          content: await readBlob(deps.blobs, p.sha256),
          contentType: 'application/pdf',
        },
      ]
      const sealed = await db
        .select({ sha256: files.sha256, filename: files.filename })
        .from(outgoingFiles)
        .innerJoin(files, eq(files.id, outgoingFiles.fileId))
        .where(and(eq(outgoingFiles.documentId, p.r.documentId), eq(outgoingFiles.role, 'sealed_attachment')))
      for (const s of sealed)
        attachments.push({
          filename: s.filename,
          content: await readBlob(deps.blobs, s.sha256),
          contentType: 'application/pdf',
        })
      const result = await deps.mailer.send({
        to: [p.r.email],
        subject: `Văn bản số ${p.numberAndNotation ?? ''}: ${p.subject}`,
        text: `Kính gửi: ${p.r.name}\n\nCơ quan chúng tôi gửi văn bản số ${p.numberAndNotation ?? ''} về việc ${p.subject}.\nVăn bản điện tử có chữ ký số kèm theo thư này.`,
        attachments,
      })
      await updateRecipient(db, p.r.id, {
        deliveryState: 'sent',
        sentAt: deps.clock(),
        messageId: result.messageId,
        attempts: p.r.attempts + 1,
        deliveryError: null,
        updatedAt: deps.clock(),
      })
      sent += 1
    } catch (err) {
      const attempts = p.r.attempts + 1
      // A permanent refusal (550: no such mailbox) is not retried.
      const isPermanent = err instanceof MailError && err.code === 'REJECTED'
      await updateRecipient(db, p.r.id, {
        attempts,
        deliveryState: isPermanent || attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
        deliveryError: err instanceof Error ? err.message.slice(0, 500) : 'failed',
        updatedAt: deps.clock(),
      })
    }
  }
  return sent
}

function kick(deps: OutJobDeps, name: string) {
  deps.jobs
    .isHealthy()
    .then((isRunning) => (isRunning ? deps.jobs.send(name) : null))
    .catch((err: Error) => console.error(`could not queue ${name}:`, err.message))
}

export const kickVersionJobs = (deps: OutJobDeps) => kick(deps, VERSION_JOB)
export const kickDelivery = (deps: OutJobDeps) => kick(deps, DELIVERY_JOB)

export function defineOutgoingJobs(deps: OutJobDeps): void {
  deps.jobs.define({
    name: VERSION_JOB,
    policy: 'stately',
    cron: '* * * * *',
    handler: () => processVersions(deps),
  })
  deps.jobs.define({
    name: DELIVERY_JOB,
    policy: 'stately',
    cron: '* * * * *',
    handler: async () => {
      await deliverPending(deps)
    },
  })
}
