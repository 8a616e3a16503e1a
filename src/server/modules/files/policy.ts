/** Who may do what with files. Pure: give it loaded records. Deny by default. */
import type { Actor } from '../../platform/context.ts'
import { globalCan } from '../accounts/index.ts'

export type FileRecord = { id: string; uploadedBy: string }

/** Whether the actor may upload files at all (staff and committee members; not partners). */
export function canUploadFiles(actor: Pick<Actor, 'roles'>): boolean {
  return globalCan(actor, 'files.upload')
}

/**
 * Whether the actor may read a file on the file's own terms: its uploader, or an administrator.
 * Everyone else needs a grant from the record the file belongs to (see fileReadableBy in index.ts).
 */
export function canReadOwnFile(
  actor: Pick<Actor, 'id' | 'roles'>,
  file: Pick<FileRecord, 'uploadedBy'>,
): boolean {
  return actor.id === file.uploadedBy || actor.roles.includes('admin')
}
