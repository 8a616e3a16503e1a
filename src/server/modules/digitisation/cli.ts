/**
 * The work of `npm run digitise -- <folder> --user <username>`, testable in-process: every scan of
 * a folder (PDF, JPEG, PNG, TIFF, DOCX; other files are listed and skipped) is stored as the user's
 * upload, the files become one batch (the same createBatch action as the web page), and the batch
 * is read here, file by file, unless --no-read leaves it to the server's job. The clerk then
 * confirms the registrations on the web page. Returns the exit code.
 */
import { createReadStream } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { eq, sql } from 'drizzle-orm'
import type { Role } from '@common/domain'
import type { Config } from '../../config.ts'
import type { Actor, Ctx } from '../../platform/context.ts'
import type { Database } from '../../platform/db/client.ts'
import { registers, users } from '../../platform/db/schema.ts'
import { AppError } from '../../platform/errors.ts'
import { recordEvent } from '../../platform/events/record.ts'
import type { BlobStore } from '../../platform/files/blob-store.ts'
import type { OcrEngine } from '../../platform/ocr/index.ts'
import { insertFileWithBlob } from '../files/index.ts'
import { createBatch } from './actions/create-batch.ts'
import { batchItems } from './queries.ts'
import { readQueuedItems } from './read-job.ts'

export type CliIo = { out: (text: string) => void; err: (text: string) => void }
export type CliDeps = {
  config: Config
  database: Database
  blobs: BlobStore
  ocr: OcrEngine
  clock: () => Date
}

const USAGE =
  'usage: npm run digitise -- <folder> --user <username> [--title "Tên lô"] [--register <code>] [--no-read]'

/** The type of a scan by its first bytes, as the upload judges it; null for anything else. */
export function sniffScanType(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 8))
  if (head.toString('latin1', 0, 5) === '%PDF-') return 'application/pdf'
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg'
  if (head.toString('latin1', 0, 8) === '\x89PNG\r\n\x1a\n') return 'image/png'
  const tiff = head.toString('latin1', 0, 4)
  if (tiff === 'II*\0' || tiff === 'MM\0*') return 'image/tiff'
  if (head.toString('latin1', 0, 4) === 'PK\x03\x04' && Buffer.from(bytes).includes('word/document.xml'))
    return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
  return null
}

function option(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? args[i + 1] : undefined
}

async function findActor(deps: CliDeps, username: string): Promise<Actor | null> {
  const [row] = await deps.database.db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`)
    .limit(1)
  if (!row || !row.isActive) return null
  return {
    id: row.id,
    username: row.username,
    fullName: row.fullName,
    organizationId: row.organizationId,
    unitId: row.unitId,
    position: row.position,
    roles: row.roles as Role[],
  }
}

async function findRegisterId(deps: CliDeps, actor: Actor, code: string): Promise<string | null> {
  const rows = await deps.database.db
    .select({ id: registers.id, code: registers.code, organizationId: registers.organizationId })
    .from(registers)
    .where(eq(registers.kind, 'incoming'))
  return rows.find((r) => r.organizationId === actor.organizationId && r.code === code)?.id ?? null
}

type Found = { name: string; full: string; mediaType: string }

async function scansOf(folder: string, io: CliIo): Promise<Found[]> {
  const names = (await fs.readdir(folder, { withFileTypes: true }))
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort(new Intl.Collator('vi', { numeric: true }).compare)
  const found: Found[] = []
  for (const name of names) {
    const full = path.join(folder, name)
    const handle = await fs.open(full)
    const head = new Uint8Array(64 * 1024)
    const { bytesRead } = await handle.read(head, 0, head.length, 0)
    await handle.close()
    const mediaType = sniffScanType(head.subarray(0, bytesRead))
    if (mediaType) found.push({ name, full, mediaType })
    else io.err(`digitise: skipped ${name}: not a PDF, JPEG, PNG, TIFF or DOCX`)
  }
  return found
}

export async function runDigitiseCli(args: readonly string[], io: CliIo, deps: CliDeps): Promise<number> {
  const folder = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.match(/^--(user|title|register)$/))
  const username = option(args, 'user')
  if (!folder || !username) {
    io.err(USAGE)
    return 1
  }
  const actor = await findActor(deps, username)
  if (!actor) {
    io.err(`digitise: no active user ${username}`)
    return 1
  }
  const registerCode = option(args, 'register')
  const registerId = registerCode ? await findRegisterId(deps, actor, registerCode) : null
  if (registerCode && !registerId) {
    io.err(`digitise: no incoming register ${registerCode} in ${username}'s organization`)
    return 1
  }
  let found: Found[]
  try {
    found = await scansOf(folder, io)
  } catch (err) {
    io.err(
      `digitise: cannot read the folder ${folder}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
    )
    return 1
  }
  if (found.length === 0) {
    io.err(`digitise: no scan in ${folder}`)
    return 1
  }
  // Bytes first, outside any transaction (the blob store verifies and de-duplicates them).
  const stored: (Found & { sha256: string; size: number })[] = []
  for (const f of found) {
    const put = await deps.blobs.put(createReadStream(f.full), { maxBytes: deps.config.maxUploadBytes })
    stored.push({ ...f, ...put })
  }
  let batchId: string
  try {
    batchId = await deps.database.db.transaction(async (tx) => {
      const ctx: Ctx = {
        actor,
        principalId: actor.id,
        tx,
        now: deps.clock(),
        request: { ip: null, userAgent: 'npm run digitise' },
        config: deps.config,
        hasEvents: false,
      }
      const fileIds: string[] = []
      for (const s of stored) {
        const file = await insertFileWithBlob(tx, {
          sha256: s.sha256,
          size: s.size,
          filename: s.name,
          mediaType: s.mediaType,
          uploadedBy: actor.id,
          createdAt: ctx.now,
        })
        await recordEvent(ctx, {
          action: 'file.uploaded',
          targetType: 'file',
          targetId: file.id,
          data: { filename: s.name, mediaType: s.mediaType, size: s.size, sha256: s.sha256, via: 'digitise' },
        })
        fileIds.push(file.id)
      }
      const title = option(args, 'title') ?? path.basename(path.resolve(folder))
      const { batch } = await createBatch(ctx, { fileIds, title, registerId })
      return batch.id
    })
  } catch (err) {
    if (err instanceof AppError) {
      io.err(`digitise: ${err.message}`)
      return 1
    }
    throw err
  }
  io.out(`Batch ${batchId}: ${stored.length} file(s) from ${folder}`)
  if (args.includes('--no-read')) {
    io.out('Queued: the server reads the files in the background.')
    return 0
  }
  for (;;) {
    const result = await readQueuedItems(deps, { batchIds: [batchId], maxItems: 1 })
    if (result.read + result.failed + result.unavailable === 0) break
  }
  for (const item of await batchItems(deps.database.db, batchId)) {
    const fields = item.fields as { numberAndNotation?: string | null; subject?: string | null } | null
    const problems = (item.scanProblems as { problems?: { code: string }[] } | null)?.problems ?? []
    const what = item.error ?? [fields?.numberAndNotation, fields?.subject].filter(Boolean).join(' · ')
    const flags = [item.method, ...problems.map((p) => p.code)].filter(Boolean).join(', ')
    io.out(
      `  ${item.position}. ${item.filename}: ${item.status}${flags ? ` (${flags})` : ''} ${what}`.trimEnd(),
    )
  }
  io.out('Confirm the registrations on the web page "Số hóa văn bản".')
  return 0
}
