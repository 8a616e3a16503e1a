/**
 * What the exchange module (issue 5) asks of incoming documents when the sending agency changes its
 * mind: a recall it accepted destroys the document and its metadata (Decision 28/2018 status 15;
 * REGULATIONS §6: "destroy the document and its metadata, log"), an update it accepted corrects the
 * metadata. Only documents received electronically are concerned; the caller checked the decision.
 */
import { sql } from 'drizzle-orm'
import type { Ctx } from '../../../platform/context.ts'
import { queryRows } from '../../../platform/db/client.ts'
import { notFound } from '../../../platform/errors.ts'
import { unsafeLoadDocument } from '../queries.ts'
import { updateDocument } from '../store.ts'
import { auditMetadata, recordDocumentEvent } from './support.ts'

export const DESTROYED = 'documentIn.destroyed'
export const UPDATED_BY_SENDER = 'documentIn.updated'

/**
 * Delete the document, its files' records, assignments, notes, read marks and links. The audit log
 * keeps that it existed (its number, the sender and why it was destroyed), as the log is append-only.
 */
export async function destroyIncoming(ctx: Ctx, input: { id: string; reason: string; requestedBy: string }) {
  const doc = await unsafeLoadDocument(ctx.tx, input.id)
  if (!doc || doc.direction !== 'incoming') throw notFound('document')
  const id = input.id
  const fileIds = await queryRows<{ file_id: string }>(
    ctx.tx,
    sql`DELETE FROM document_files WHERE document_id = ${id} RETURNING file_id`,
  )
  await ctx.tx.execute(sql`DELETE FROM document_notes WHERE document_id = ${id}`)
  await ctx.tx.execute(sql`DELETE FROM assignments WHERE document_id = ${id} AND parent_id IS NOT NULL`)
  await ctx.tx.execute(sql`DELETE FROM assignments WHERE document_id = ${id}`)
  await ctx.tx.execute(sql`DELETE FROM document_reads WHERE document_id = ${id}`)
  await ctx.tx.execute(
    sql`DELETE FROM document_links WHERE from_document_id = ${id} OR to_document_id = ${id}`,
  )
  await ctx.tx.execute(
    sql`UPDATE outgoing_recipients SET incoming_document_id = NULL WHERE incoming_document_id = ${id}`,
  )
  await ctx.tx.execute(
    sql`UPDATE exchange_messages SET incoming_document_id = NULL WHERE incoming_document_id = ${id}`,
  )
  await ctx.tx.execute(sql`DELETE FROM notifications WHERE data->>'documentId' = ${id}`)
  await ctx.tx.execute(sql`DELETE FROM documents WHERE id = ${id}`)
  // The files' records go too when nothing else holds them (the bytes are content-addressed blobs).
  for (const { file_id } of fileIds)
    await ctx.tx.execute(sql`DELETE FROM files f WHERE f.id = ${file_id}
      AND NOT EXISTS (SELECT 1 FROM document_files x WHERE x.file_id = f.id)
      AND NOT EXISTS (SELECT 1 FROM outgoing_files x WHERE x.file_id = f.id)
      AND NOT EXISTS (SELECT 1 FROM draft_versions x WHERE x.file_id = f.id OR x.pdf_file_id = f.id)
      AND NOT EXISTS (SELECT 1 FROM document_signatures x WHERE x.file_id = f.id OR x.source_file_id = f.id)
      AND NOT EXISTS (SELECT 1 FROM outgoing_details x WHERE x.signed_file_id = f.id OR x.issued_file_id = f.id)
      AND NOT EXISTS (SELECT 1 FROM signature_verifications x WHERE x.file_id = f.id)`)
  await recordDocumentEvent(ctx, id, DESTROYED, {
    reason: input.reason,
    requestedBy: input.requestedBy,
    registerId: doc.registerId,
    registerNumber: doc.registerNumber,
    registerYear: doc.registerYear,
    numberAndNotation: doc.numberAndNotation,
    senderName: doc.senderName,
  })
}

export type SenderUpdate = Partial<{
  subject: string
  dueDate: string | null
  signerName: string | null
  signerTitle: string | null
  pageCount: number | null
  issuePlace: string | null
  urgency: string
}>

/** Correct the metadata as the sender asked; the log keeps before and after and says who asked. */
export async function applySenderUpdate(
  ctx: Ctx,
  input: { id: string; patch: SenderUpdate; reason: string; requestedBy: string },
) {
  const before = await unsafeLoadDocument(ctx.tx, input.id)
  if (!before || before.direction !== 'incoming') throw notFound('document')
  await updateDocument(ctx.tx, input.id, { ...input.patch, updatedAt: ctx.now })
  const after = (await unsafeLoadDocument(ctx.tx, input.id))!
  await recordDocumentEvent(ctx, input.id, UPDATED_BY_SENDER, {
    before: auditMetadata(before),
    after: auditMetadata(after),
    reason: input.reason,
    requestedBy: input.requestedBy,
  })
}
