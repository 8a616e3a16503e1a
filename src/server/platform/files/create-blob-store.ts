/** Placeholder while the blob stores are being written. */
import type { Config } from '../../config.ts'
import type { BlobStore } from './blob-store.ts'

export function createBlobStore(_config: Config): BlobStore {
  const missing = async (): Promise<never> => {
    throw new Error('blob store not implemented yet')
  }
  return { kind: 'local', put: missing, get: missing, has: missing, check: missing }
}
