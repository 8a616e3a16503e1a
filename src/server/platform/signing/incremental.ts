/**
 * Writing an incremental update (ISO 32000-1 §7.5.6): the original bytes stay untouched, so
 * earlier signatures stay valid, and new or changed objects follow with their own xref section.
 */
import type { PDFContext, PDFRef } from 'pdf-lib'
import { isRef, type PdfValue, type Tail } from './pdf-syntax.ts'

export type RawObject = { num: number; bytes: Uint8Array }

function serialize(v: PdfValue): string {
  if (v === null) return 'null'
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (Array.isArray(v)) return `[${v.map(serialize).join(' ')}]`
  switch (v.kind) {
    case 'ref':
      return `${v.num} ${v.gen} R`
    case 'name':
      return `/${v.name}`
    case 'string':
      return `<${Buffer.from(v.bytes).toString('hex')}>`
    case 'dict':
      return `<<${[...v.entries].map(([k, x]) => `/${k} ${serialize(x)}`).join('')}>>`
  }
}

function objectBytes(context: PDFContext, ref: PDFRef): Uint8Array {
  const obj = context.lookup(ref)
  if (!obj) throw new Error(`missing object ${ref.toString()}`)
  const head = Buffer.from(`${ref.objectNumber} ${ref.generationNumber} obj\n`, 'latin1')
  const body = new Uint8Array(obj.sizeInBytes())
  obj.copyBytesInto(body, 0)
  return Buffer.concat([head, body, Buffer.from('\nendobj\n', 'latin1')])
}

/**
 * The bytes to append to `original`: the pdf-lib objects `refs`, the raw objects, then an xref
 * table or stream (the same kind as the last one) with /Prev. Offsets of raw objects are
 * returned so the caller can patch them.
 */
export function buildUpdate(
  original: Uint8Array,
  tail: Tail,
  context: PDFContext,
  refs: PDFRef[],
  raw: RawObject[],
): { bytes: Buffer; rawOffsets: Map<number, number> } {
  const chunks: Uint8Array[] = []
  const last = original[original.length - 1]
  let offset = original.length
  const push = (b: Uint8Array) => {
    chunks.push(b)
    offset += b.length
  }
  if (last !== 0x0a && last !== 0x0d) push(Buffer.from('\n'))
  const entries: { num: number; gen: number; offset: number }[] = []
  for (const ref of refs) {
    entries.push({ num: ref.objectNumber, gen: ref.generationNumber, offset })
    push(objectBytes(context, ref))
  }
  const rawOffsets = new Map<number, number>()
  for (const r of raw) {
    entries.push({ num: r.num, gen: 0, offset })
    rawOffsets.set(r.num, offset)
    push(r.bytes)
  }
  const oldSize = tail.trailer.entries.get('Size')
  let size = Math.max(typeof oldSize === 'number' ? oldSize : 0, ...entries.map((e) => e.num + 1))
  const keep: string[] = []
  for (const key of ['Root', 'Info', 'ID'] as const) {
    const v = tail.trailer.entries.get(key)
    if (v !== undefined && (key === 'ID' || isRef(v))) keep.push(`/${key} ${serialize(v)}`)
  }
  const prev = `/Prev ${tail.xrefOffset}`
  const xrefAt = offset
  if (tail.isXrefStream) {
    const selfNum = size
    size += 1
    entries.push({ num: selfNum, gen: 0, offset: xrefAt })
    entries.sort((a, b) => a.num - b.num)
    const data = Buffer.alloc(entries.length * 7)
    entries.forEach((e, i) => {
      data[i * 7] = 1
      data.writeUInt32BE(e.offset, i * 7 + 1)
      data.writeUInt16BE(e.gen, i * 7 + 5)
    })
    const index = groups(entries)
      .map(([s, c]) => `${s} ${c}`)
      .join(' ')
    push(
      Buffer.concat([
        Buffer.from(
          `${selfNum} 0 obj\n<</Type/XRef/Size ${size}/W [1 4 2]/Index [${index}]${keep.join('')}${prev}/Length ${data.length}>>\nstream\n`,
          'latin1',
        ),
        data,
        Buffer.from('\nendstream\nendobj\n', 'latin1'),
      ]),
    )
  } else {
    entries.sort((a, b) => a.num - b.num)
    const lines = ['xref']
    let i = 0
    for (const [start, count] of groups(entries)) {
      lines.push(`${start} ${count}`)
      for (let k = 0; k < count; k++, i++) {
        const e = entries[i]!
        lines.push(`${String(e.offset).padStart(10, '0')} ${String(e.gen).padStart(5, '0')} n\r`)
      }
    }
    lines.push(`trailer\n<</Size ${size}${keep.join('')}${prev}>>`)
    push(Buffer.from(`${lines.join('\n')}\n`, 'latin1'))
  }
  push(Buffer.from(`startxref\n${xrefAt}\n%%EOF\n`, 'latin1'))
  return { bytes: Buffer.concat(chunks), rawOffsets }
}

/** Runs of consecutive object numbers: [first, count][]. */
function groups(sorted: { num: number }[]): [number, number][] {
  const out: [number, number][] = []
  for (const e of sorted) {
    const g = out[out.length - 1]
    if (g && g[0] + g[1] === e.num) g[1]++
    else out.push([e.num, 1])
  }
  return out
}
