/** Writes of the exchange tables, and package bytes in the blob store. */
import { Readable } from 'node:stream'
import { eq } from 'drizzle-orm'
import type { Executor } from '../../platform/db/client.ts'
import { exchangeMessages, exchangeStatusLog } from '../../platform/db/schema.ts'
import type { BlobStore } from '../../platform/files/blob-store.ts'

export type MessageRow = typeof exchangeMessages.$inferSelect
export type MessageInsert = typeof exchangeMessages.$inferInsert
export type StatusLogInsert = typeof exchangeStatusLog.$inferInsert

/** Insert one message; with a dedupe key already taken, nothing is written and null comes back. */
export async function insertMessage(db: Executor, values: MessageInsert): Promise<string | null> {
  const rows = await db
    .insert(exchangeMessages)
    .values(values)
    .onConflictDoNothing({ target: exchangeMessages.dedupeKey })
    .returning({ id: exchangeMessages.id })
  return rows[0]?.id ?? null
}

export async function updateMessage(db: Executor, id: string, patch: Partial<MessageInsert>): Promise<void> {
  await db.update(exchangeMessages).set(patch).where(eq(exchangeMessages.id, id))
}

/** Record a status once (the same status delivered twice is kept once); true when it was new. */
export async function insertStatus(db: Executor, values: StatusLogInsert): Promise<boolean> {
  const rows = await db
    .insert(exchangeStatusLog)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: exchangeStatusLog.id })
  return rows.length > 0
}

export async function putBytes(blobs: BlobStore, bytes: Uint8Array) {
  return blobs.put(Readable.from([Buffer.from(bytes)]), { maxBytes: bytes.length + 1 })
}

export async function readBytes(blobs: BlobStore, sha256: string): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  for await (const chunk of await blobs.get(sha256)) chunks.push(chunk as Buffer)
  return new Uint8Array(Buffer.concat(chunks))
}
