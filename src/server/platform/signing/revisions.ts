/**
 * What incremental updates after a signature changed. PAdES multi-signing appends signature
 * fields, widgets and their appearances; anything else (page content, resources, the page tree)
 * changes what was signed, and the earlier signature no longer covers what a reader sees.
 */
import {
  isDict,
  nameOf,
  objectOffsets,
  objectStreamContents,
  objectStreamIndex,
  parseObjectAt,
  sameValue,
  type PdfDict,
  type PdfObject,
  type PdfValue,
} from './pdf-syntax.ts'

type Version = { value: PdfValue; stream?: Uint8Array }

/** Keys a later revision may change on the catalog, the page and the AcroForm dictionary. */
const MAY_CHANGE: Record<string, Set<string>> = {
  Catalog: new Set(['AcroForm', 'DSS', 'Extensions', 'Perms']),
  Page: new Set(['Annots']),
  AcroForm: new Set(['Fields', 'SigFlags', 'DR', 'DA', 'NeedAppearances']),
}

function without(d: PdfDict, keys: Set<string>): PdfDict {
  return { kind: 'dict', entries: new Map([...d.entries].filter(([k]) => !keys.has(k))) }
}

function kindOf(v: PdfValue): string | undefined {
  if (!isDict(v)) return undefined
  const type = nameOf(v.entries.get('Type'))
  if (type) return type
  if (v.entries.has('Fields')) return 'AcroForm'
  if (nameOf(v.entries.get('FT')) === 'Sig' || nameOf(v.entries.get('Subtype')) === 'Widget') return 'Annot'
  return undefined
}

function allowed(before: Version, after: Version): boolean {
  if (sameValue(before.value, after.value)) {
    return !before.stream || (after.stream !== undefined && Buffer.compare(before.stream, after.stream) === 0)
  }
  if (Array.isArray(before.value)) {
    // Annots and Fields arrays may grow; nothing in them may go.
    const now = after.value
    return Array.isArray(now) && before.value.every((x) => now.some((y) => sameValue(x, y)))
  }
  const kind = kindOf(before.value)
  if (kind === 'Annot') return true
  const keys = kind ? MAY_CHANGE[kind] : undefined
  if (!keys || !isDict(before.value) || !isDict(after.value)) return false
  return sameValue(without(before.value, keys), without(after.value, keys))
}

function versionOf(buf: Uint8Array, obj: PdfObject): Version {
  return { value: obj.value, stream: obj.stream ? buf.subarray(obj.stream.start, obj.stream.end) : undefined }
}

/** Objects defined in [from, to), packed ones included, latest version last. */
function objectsIn(buf: Uint8Array, from: number, to: number): Map<number, Version> {
  const out = new Map<number, Version>()
  for (const { num, offset } of objectOffsets(buf, from, to)) {
    let obj: PdfObject
    try {
      obj = parseObjectAt(buf, offset)
    } catch {
      // A false "n g obj" match inside stream data: not an object.
      continue
    }
    if (obj.num !== num) continue
    if (isDict(obj.value) && nameOf(obj.value.entries.get('Type')) === 'ObjStm') {
      for (const [n, value] of objectStreamContents(buf, obj)) out.set(n, { value })
    }
    out.set(num, versionOf(buf, obj))
  }
  return out
}

/** Offsets of every "num gen obj" before `end`, by object number (file order). */
function directBefore(buf: Buffer, end: number): Map<number, number[]> {
  const out = new Map<number, number[]>()
  for (const { num, offset } of objectOffsets(buf, 0, end)) {
    const list = out.get(num)
    if (list) list.push(offset)
    else out.set(num, [offset])
  }
  return out
}

/** The last definition of object `num` before `end`: written directly, else packed in an object stream. */
function priorVersion(
  buf: Buffer,
  num: number,
  gen: number,
  direct: () => Map<number, number[]>,
  packed: () => Map<number, () => Version>,
): Version | undefined {
  const offsets = direct().get(num) ?? []
  for (let i = offsets.length - 1; i >= 0; i--) {
    try {
      const obj = parseObjectAt(buf, offsets[i]!)
      if (obj.num === num && obj.gen === gen) return versionOf(buf, obj)
    } catch {
      // The text "n g obj" inside a stream, not an object header: keep looking.
      continue
    }
  }
  try {
    return packed().get(num)?.()
  } catch {
    // An unreadable packed object defines nothing we can compare with.
    return undefined
  }
}

/** Objects packed in the object streams before `end` (only read when needed). */
function packedBefore(buf: Buffer, end: number): Map<number, () => Version> {
  const out = new Map<number, () => Version>()
  for (let at = buf.indexOf('/ObjStm'); at >= 0 && at < end; at = buf.indexOf('/ObjStm', at + 7)) {
    const objAt = buf.lastIndexOf('obj', at)
    const head =
      objAt >= 0 ? /(\d+)\s+(\d+)\s+$/.exec(buf.toString('latin1', Math.max(0, objAt - 24), objAt)) : null
    if (!head) continue
    try {
      const obj = parseObjectAt(buf, objAt - head[0].length)
      for (const [n, read] of objectStreamIndex(buf, obj)) out.set(n, () => ({ value: read() }))
    } catch {
      // An unreadable object stream defines nothing we can compare with.
      continue
    }
  }
  return out
}

/** Object numbers that updates after `signedEnd` changed beyond adding signatures and annotations. */
export function findLaterChanges(pdf: Uint8Array, signedEnd: number): number[] {
  const buf = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength)
  const later = objectsIn(buf, signedEnd, buf.length)
  let packed: Map<number, () => Version> | undefined
  const lazyPacked = () => (packed ??= packedBefore(buf, signedEnd))
  let direct: Map<number, number[]> | undefined
  const lazyDirect = () => (direct ??= directBefore(buf, signedEnd))
  const changed: number[] = []
  for (const [num, after] of later) {
    const kind = kindOf(after.value)
    if (kind === 'XRef' || kind === 'ObjStm') continue
    const prior = priorVersion(buf, num, 0, lazyDirect, lazyPacked)
    if (prior && !allowed(prior, after)) changed.push(num)
  }
  return changed
}
