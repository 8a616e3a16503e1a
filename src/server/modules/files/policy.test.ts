import { describe, expect, it } from 'vitest'
import type { Role } from '@common/domain'
import { canReadOwnFile, canUploadFiles } from './policy.ts'

const actor = (id: string, roles: Role[]) => ({ id, roles })

describe('files policy', () => {
  it('lets staff and committee members upload, not partners', () => {
    for (const role of ['clerk', 'specialist', 'leader', 'committee_member', 'admin'] as Role[]) {
      expect(canUploadFiles(actor('u', [role])), role).toBe(true)
    }
    expect(canUploadFiles(actor('u', ['partner']))).toBe(false)
    expect(canUploadFiles(actor('u', []))).toBe(false)
  })

  it('lets the uploader and administrators read a file, nobody else on the file alone', () => {
    const file = { uploadedBy: 'a' }
    expect(canReadOwnFile(actor('a', ['partner']), file)).toBe(true)
    expect(canReadOwnFile(actor('b', ['admin']), file)).toBe(true)
    expect(canReadOwnFile(actor('b', ['leader', 'clerk']), file)).toBe(false)
  })
})
