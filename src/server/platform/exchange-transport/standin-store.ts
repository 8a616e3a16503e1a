/**
 * What the stand-in axis holds: each accepted package once, with the recipients that have not yet
 * acknowledged it. In memory, or in a folder so that stopping and starting the stand-in (as tests do
 * mid-delivery) loses nothing that was acknowledged to the sender.
 */
import { createHash, randomUUID } from 'node:crypto'
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import type { MessageType } from './types.ts'

/** One held package, as listed to a recipient. */
export type HeldEntry = { docId: string; from: string; messageType: MessageType; createdAt: Date }

type Held = HeldEntry & { hash: string; pendingFor: Set<string> }

type Meta = Omit<HeldEntry, 'createdAt'> & { createdAt: string; hash: string; pendingFor: string[] }

/** The held packages of a stand-in; every change is on disk (when there is a folder) before it resolves. */
export type StandinStore = {
  /** Keep a package for its recipients. The same bytes from the same sender, still held, keep their first docId. */
  add(input: {
    bytes: Uint8Array
    from: string
    messageType: MessageType
    recipients: string[]
  }): Promise<{ docId: string; isDuplicate: boolean }>
  list(organ: string, messageType?: MessageType): HeldEntry[]
  /** The package bytes, or null when it is not waiting for this organ. */
  read(organ: string, docId: string): Promise<Uint8Array | null>
  /** The organ is done with the package (either outcome); false when it was not waiting for it. */
  release(organ: string, docId: string): Promise<boolean>
  pending(organ: string): number
  heldCount(): number
}

/** Open a store; with `dataDir`, whatever an earlier run left there is loaded. */
export async function openStandinStore(dataDir?: string): Promise<StandinStore> {
  const held = new Map<string, Held>()
  const byHash = new Map<string, string>()
  const memoryBytes = new Map<string, Uint8Array>()
  const disk = dataDir ? diskFolder(dataDir) : null
  if (disk) {
    for (const meta of await disk.load()) {
      const entry = fromMeta(meta)
      held.set(entry.docId, entry)
      byHash.set(entry.hash, entry.docId)
    }
  }

  // One change at a time, so two acknowledgements of the same package cannot write its record out of order.
  let queue: Promise<unknown> = Promise.resolve()
  function serial<T>(job: () => Promise<T>): Promise<T> {
    const run = queue.then(job)
    // The caller gets `run` and its failure; the queue only needs to know that it has finished.
    queue = run.catch(() => undefined)
    return run
  }

  function waitingFor(organ: string, docId: string): Held | null {
    const entry = held.get(docId)
    return entry?.pendingFor.has(organ) ? entry : null
  }

  return {
    add: ({ bytes, from, messageType, recipients }) =>
      serial(async () => {
        const hash = createHash('sha256').update(`${from}\n${messageType}\n`).update(bytes).digest('hex')
        const existing = byHash.get(hash)
        if (existing) return { docId: existing, isDuplicate: true }
        const entry: Held = {
          docId: randomUUID(),
          from,
          messageType,
          createdAt: new Date(),
          hash,
          pendingFor: new Set(recipients),
        }
        if (disk) await disk.write(entry, bytes)
        else memoryBytes.set(entry.docId, bytes)
        held.set(entry.docId, entry)
        byHash.set(hash, entry.docId)
        return { docId: entry.docId, isDuplicate: false }
      }),

    list(organ, messageType) {
      return [...held.values()]
        .filter((e) => e.pendingFor.has(organ) && (!messageType || e.messageType === messageType))
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
        .map(({ docId, from, messageType: type, createdAt }) => ({
          docId,
          from,
          messageType: type,
          createdAt,
        }))
    },

    async read(organ, docId) {
      if (!waitingFor(organ, docId)) return null
      return disk ? disk.readBytes(docId) : (memoryBytes.get(docId) ?? null)
    },

    release: (organ, docId) =>
      serial(async () => {
        const entry = waitingFor(organ, docId)
        if (!entry) return false
        const pendingFor = new Set(entry.pendingFor)
        pendingFor.delete(organ)
        if (pendingFor.size === 0) {
          if (disk) await disk.remove(docId)
          memoryBytes.delete(docId)
          held.delete(docId)
          byHash.delete(entry.hash)
        } else {
          if (disk) await disk.write({ ...entry, pendingFor }, null)
          entry.pendingFor = pendingFor
        }
        return true
      }),

    pending: (organ) => [...held.values()].filter((e) => e.pendingFor.has(organ)).length,
    heldCount: () => held.size,
  }
}

function fromMeta(meta: Meta): Held {
  return { ...meta, createdAt: new Date(meta.createdAt), pendingFor: new Set(meta.pendingFor) }
}

/** `{docId}.edxml` holds the bytes, `{docId}.json` the record; the record is written last, so it marks a complete package. */
function diskFolder(dir: string) {
  const file = (docId: string, ext: 'edxml' | 'json') => path.join(dir, `${docId}.${ext}`)

  async function writeDurably(target: string, data: Uint8Array | string): Promise<void> {
    const temp = `${target}.${randomUUID()}.tmp`
    const handle = await open(temp, 'w')
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temp, target)
  }

  return {
    async load(): Promise<Meta[]> {
      await mkdir(dir, { recursive: true })
      const names = await readdir(dir)
      const metas: Meta[] = []
      for (const name of names) {
        if (name.endsWith('.json'))
          metas.push(JSON.parse(await readFile(path.join(dir, name), 'utf8')) as Meta)
      }
      const complete = new Set(metas.map((m) => m.docId))
      // Bytes without a record, and half-written temporaries, are from a run stopped mid-write: the
      // sender never got a docId for them and will send again.
      for (const name of names) {
        const isOrphan = name.endsWith('.edxml') && !complete.has(name.slice(0, -'.edxml'.length))
        if (isOrphan || name.endsWith('.tmp')) await rm(path.join(dir, name), { force: true })
      }
      return metas
    },

    async write(entry: Held, bytes: Uint8Array | null): Promise<void> {
      if (bytes) await writeDurably(file(entry.docId, 'edxml'), bytes)
      const meta: Meta = {
        docId: entry.docId,
        from: entry.from,
        messageType: entry.messageType,
        createdAt: entry.createdAt.toISOString(),
        hash: entry.hash,
        pendingFor: [...entry.pendingFor],
      }
      await writeDurably(file(entry.docId, 'json'), JSON.stringify(meta))
    },

    async readBytes(docId: string): Promise<Uint8Array> {
      return new Uint8Array(await readFile(file(docId, 'edxml')))
    },

    async remove(docId: string): Promise<void> {
      await rm(file(docId, 'json'), { force: true })
      await rm(file(docId, 'edxml'), { force: true })
    },
  }
}
