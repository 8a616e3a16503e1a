/** Picks the blob store the configuration asks for: a local folder by default, S3-compatible storage by choice. */
import path from 'node:path'
import type { Config } from '../../config.ts'
import type { BlobStore } from './blob-store.ts'
import { LocalBlobStore } from './local-blob-store.ts'
import { S3BlobStore } from './s3-blob-store.ts'

export function createBlobStore(config: Config): BlobStore {
  const blobs = config.blobs
  if (blobs.kind === 'local') return new LocalBlobStore(blobs.dir)
  return new S3BlobStore({
    endpoint: blobs.endpoint,
    region: blobs.region,
    bucket: blobs.bucket,
    accessKeyId: blobs.accessKeyId,
    secretAccessKey: blobs.secretAccessKey,
    forcePathStyle: blobs.forcePathStyle,
    // Uploads in progress are spooled here before they go to the bucket (see s3-blob-store.ts).
    tmpDir: path.join(config.dataDir, 'tmp', 'blob-uploads'),
  })
}
