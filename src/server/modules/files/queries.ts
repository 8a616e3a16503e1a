/** Read side of files. */
import { eq } from 'drizzle-orm'
import type { Executor } from '../../platform/db/client.ts'
import { files } from '../../platform/db/schema.ts'

export type FileRow = typeof files.$inferSelect

/** Load one file without an access check: callers check fileReadableBy. */
export async function unsafeFindFile(db: Executor, id: string): Promise<FileRow | null> {
  const rows = await db.select().from(files).where(eq(files.id, id)).limit(1)
  return rows[0] ?? null
}
