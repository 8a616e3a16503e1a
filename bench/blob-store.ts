/**
 * Local blob store throughput: put (hash + meter + fsync + atomic rename) and get (read + re-hash),
 * against a plain fs stream copy and read of the same files measured in the same run.
 *
 *   npx tsx bench/blob-store.ts [folder]     (default: .tmp/bench-blobs, on the same disk as ./data)
 *
 * The baseline copy is shown twice: without fsync, and with it (`flush: true`, what the store
 * does so a committed file row never points at bytes a power cut lost).
 */
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { LocalBlobStore } from '../src/server/platform/files/local-blob-store.ts'

const MB = 1024 * 1024
const root = path.resolve(process.argv[2] ?? '.tmp/bench-blobs')

const ROUNDS = 3

type Row = { label: string; seconds: number; bytes: number }

/** A sink that drops what it receives (measures the read side only). */
function sink(): Writable {
  return new Writable({
    write(_chunk, _encoding, callback) {
      callback()
    },
  })
}

/**
 * Write back every dirty page before a measurement: otherwise an fsync in one phase pays for
 * the unsynced writes of the phase before it (ext4 commits them in the same journal transaction).
 */
function settle(): void {
  execFileSync('sync')
}

/** The median of ROUNDS runs, each after `prepare` (not timed) and a settled disk. */
async function timed(
  label: string,
  bytes: number,
  run: () => Promise<void>,
  prepare = () => {},
): Promise<Row> {
  const times: number[] = []
  for (let r = 0; r < ROUNDS; r++) {
    prepare()
    settle()
    const start = process.hrtime.bigint()
    await run()
    times.push(Number(process.hrtime.bigint() - start) / 1e9)
  }
  times.sort((a, b) => a - b)
  return { label, seconds: times[Math.floor(ROUNDS / 2)]!, bytes }
}

function mbps(row: Row): number {
  return row.bytes / MB / row.seconds
}

async function scenario(count: number, sizeMb: number): Promise<void> {
  const dir = path.join(root, `${count}x${sizeMb}MB`)
  fs.rmSync(dir, { recursive: true, force: true })
  const sources = path.join(dir, 'src')
  const copies = path.join(dir, 'copy')
  fs.mkdirSync(sources, { recursive: true })
  const files = Array.from({ length: count }, (_, i) => path.join(sources, `f${i}`))
  for (const f of files) fs.writeFileSync(f, randomBytes(sizeMb * MB))
  const total = count * sizeMb * MB
  const blobDir = path.join(dir, 'blobs')
  const store = new LocalBlobStore(blobDir)
  const fresh = (d: string) => () => {
    fs.rmSync(d, { recursive: true, force: true })
    fs.mkdirSync(d, { recursive: true })
  }
  let shas: string[] = []

  const copy = await timed(
    'baseline: fs stream copy',
    total,
    async () => {
      for (const [i, f] of files.entries())
        await pipeline(fs.createReadStream(f), fs.createWriteStream(path.join(copies, `c${i}`)))
    },
    fresh(copies),
  )
  const copySynced = await timed(
    'baseline: fs stream copy + fsync',
    total,
    async () => {
      for (const [i, f] of files.entries()) {
        await pipeline(
          fs.createReadStream(f),
          fs.createWriteStream(path.join(copies, `c${i}`), { flush: true }),
        )
      }
    },
    fresh(copies),
  )
  const put = await timed(
    'blob store: put (new content)',
    total,
    async () => {
      shas = []
      for (const f of files)
        shas.push((await store.put(fs.createReadStream(f), { maxBytes: 2048 * MB })).sha256)
    },
    fresh(blobDir),
  )
  const putAgain = await timed('blob store: put again (de-duplicated)', total, async () => {
    for (const f of files) await store.put(fs.createReadStream(f), { maxBytes: 2048 * MB })
  })
  const read = await timed('baseline: fs stream read', total, async () => {
    for (const [i] of files.entries()) await pipeline(fs.createReadStream(path.join(copies, `c${i}`)), sink())
  })
  const get = await timed('blob store: get (verified while streaming)', total, async () => {
    for (const sha of shas) await pipeline(await store.get(sha), sink())
  })
  const download = await timed('blob store: verify + get (a download)', total, async () => {
    for (const sha of shas) {
      if (!(await store.verify(sha))) throw new Error(`blob ${sha} failed verification`)
      await pipeline(await store.get(sha), sink())
    }
  })

  console.log(`\n${count} files × ${sizeMb} MB (${(total / MB).toFixed(0)} MB), median of ${ROUNDS} runs`)
  const lines: [Row, Row | null][] = [
    [copy, null],
    [copySynced, copy],
    [put, copy],
    [put, copySynced],
    [putAgain, copy],
    [read, null],
    [get, read],
    [download, read],
  ]
  for (const [row, base] of lines) {
    const ratio = base
      ? `  ratio ${(mbps(row) / mbps(base)).toFixed(2)} of ${base.label.replace('baseline: ', '')}`
      : ''
    console.log(
      `  ${row.label.padEnd(42)} ${mbps(row).toFixed(0).padStart(6)} MB/s ${row.seconds.toFixed(2).padStart(6)} s${ratio}`,
    )
  }
  fs.rmSync(dir, { recursive: true, force: true })
}

console.log(`blob store benchmark in ${root} (node ${process.version})`)
await scenario(200, 1)
await scenario(20, 20)
fs.rmSync(root, { recursive: true, force: true })
