/**
 * An S3 endpoint for tests. By default an in-process s3rver (a fake S3 server speaking the real
 * HTTP protocol, a devDependency) on 127.0.0.1 with a temporary folder. Set TEST_S3_ENDPOINT,
 * TEST_S3_BUCKET (existing), TEST_S3_ACCESS_KEY_ID, TEST_S3_SECRET_ACCESS_KEY and optionally
 * TEST_S3_REGION to run the same tests against a real server (MinIO, Ceph RGW, AWS).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { S3Client } from '@aws-sdk/client-s3'
import S3rver from 's3rver'

export type TestS3 = {
  endpoint: string
  region: string
  bucket: string
  accessKeyId: string
  secretAccessKey: string
  /** A raw client, to tamper with objects behind the store's back. */
  client: S3Client
  /** Env variables for loadConfig() that select this server. */
  env: Record<string, string>
  close(): Promise<void>
}

/** Start (or point at) the S3 server; `env` is the test's process.env. */
export async function startTestS3(env: Record<string, string | undefined>): Promise<TestS3> {
  const given = env.TEST_S3_ENDPOINT
  let server: S3rver | null = null
  let dir: string | null = null
  let endpoint: string
  let bucket: string
  let accessKeyId: string
  let secretAccessKey: string
  if (given) {
    endpoint = given
    bucket = env.TEST_S3_BUCKET ?? 'eoffice-test'
    accessKeyId = env.TEST_S3_ACCESS_KEY_ID ?? ''
    secretAccessKey = env.TEST_S3_SECRET_ACCESS_KEY ?? ''
  } else {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eoffice-s3rver-'))
    bucket = 'eoffice-test'
    // s3rver accepts exactly these credentials.
    accessKeyId = 'S3RVER'
    secretAccessKey = 'S3RVER'
    server = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory: dir,
      configureBuckets: [{ name: bucket, configs: [] }],
    })
    const address = await server.run()
    endpoint = `http://127.0.0.1:${address.port}`
  }
  const region = env.TEST_S3_REGION ?? 'us-east-1'
  const client = new S3Client({
    endpoint,
    region,
    forcePathStyle: true,
    credentials: { accessKeyId, secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  })
  return {
    endpoint,
    region,
    bucket,
    accessKeyId,
    secretAccessKey,
    client,
    env: {
      BLOB_STORE: 's3',
      S3_ENDPOINT: endpoint,
      S3_REGION: region,
      S3_BUCKET: bucket,
      S3_ACCESS_KEY_ID: accessKeyId,
      S3_SECRET_ACCESS_KEY: secretAccessKey,
      S3_FORCE_PATH_STYLE: 'true',
    },
    close: async () => {
      client.destroy()
      if (server) await server.close()
      if (dir) fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
