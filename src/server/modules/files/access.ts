/**
 * Read access to a file. For now a file is readable by its uploader and by administrators
 * (policy.ts). Files mostly belong to records of other modules (a document's main file, an
 * attachment, a signed version), and whoever may see that record must be able to read its files.
 * Those modules do not reach into this one's tables, nor this one into theirs: at start-up each
 * registers a grant (its AppModule.register hook calls registerFileReadGrant), a function that
 * answers "does this actor see a record holding this file?" with its own visibility rules.
 * A file is readable when the owner rule or any grant says yes.
 */
import type { Actor } from '../../platform/context.ts'
import type { Executor } from '../../platform/db/client.ts'
import { canReadOwnFile, type FileRecord } from './policy.ts'

export type FileReadGrant = (db: Executor, actor: Actor, file: FileRecord) => Promise<boolean>

// Code wired identically in every process at start-up, not shared state: safe with N processes.
// A Set, so building several apps in one process (tests) does not stack the same grant twice.
const grants = new Set<FileReadGrant>()

/** Let another module grant read access to files attached to records its actor may see. */
export function registerFileReadGrant(grant: FileReadGrant): void {
  grants.add(grant)
}

/** Whether the actor may read this file (metadata and content); callers answer 404 when not. */
export async function fileReadableBy(db: Executor, actor: Actor, file: FileRecord): Promise<boolean> {
  if (canReadOwnFile(actor, file)) return true
  for (const grant of grants) {
    if (await grant(db, actor, file)) return true
  }
  return false
}
