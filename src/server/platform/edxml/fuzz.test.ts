/**
 * Fuzzing parseEdxml: every mutated package either parses or is refused with an EdxmlError —
 * never another exception, never a hang. Seeded, so a failure replays.
 */
import { zipSync } from 'fflate'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  buildEdoc,
  buildStatus,
  EdxmlError,
  parseEdxml,
  type AttachmentInput,
  type EdocInput,
} from './index.ts'
import { letter, pdfFile, testSigners, TEST_NOW } from './test-support.ts'

const RUNS = 10_000

/** mulberry32: a small seeded PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Rand = { int: (n: number) => number; pick: <T>(xs: readonly T[]) => T }

const ELEMENT = /<(edXML:)?([A-Za-z]+)(\s[^>]*)?>[^<]*<\/\1?\2>/g

function elements(text: string): { start: number; end: number }[] {
  return [...text.matchAll(ELEMENT)].map((m) => ({ start: m.index, end: m.index + m[0].length }))
}

const INJECTIONS = [
  '<!DOCTYPE edXML [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>',
  '<!DOCTYPE edXML SYSTEM "http://example.invalid/edxml.dtd">',
  '<!DOCTYPE edXML [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
]
const NOISE = [
  '<',
  '>',
  '&',
  '&x;',
  '&#0;',
  ']]>',
  '<![CDATA[',
  '<!--',
  '-->',
  '"',
  "'",
  '\u0000',
  '\uFFFF',
  'cid:',
  '=',
  '</edXML>',
  '<?pi x?>',
]

/** A base package, with its text and element spans computed once. */
type Base = { bytes: Uint8Array; text: string; elements: { start: number; end: number }[] }

function baseOf(bytes: Uint8Array): Base {
  const text = Buffer.from(bytes).toString('utf8')
  return { bytes, text, elements: elements(text) }
}

function mutate(base: Base, rand: Rand): Uint8Array {
  const text = base.text
  const splice = (start: number, end: number, insert: string) =>
    text.slice(0, start) + insert + text.slice(end)
  switch (rand.int(10)) {
    case 0: {
      const out = Buffer.from(base.bytes)
      for (let k = 1 + rand.int(5); k > 0; k--) out[rand.int(out.length)] = rand.int(256)
      return out
    }
    case 1:
      return base.bytes.subarray(0, rand.int(base.bytes.length))
    case 2: {
      const el = rand.pick(base.elements)
      return Buffer.from(splice(el.end, el.end, text.slice(el.start, el.end)))
    }
    case 3: {
      const el = rand.pick(base.elements)
      return Buffer.from(splice(el.start, el.end, ''))
    }
    case 4: {
      const at = text.indexOf('?>') + 2
      let injected = rand.pick(INJECTIONS)
      if (rand.int(2)) injected += '\n<x>&c;&x;</x>'
      return Buffer.from(splice(at, at, injected))
    }
    case 5: {
      const depth = 1 + rand.int(120)
      const at = text.indexOf('<edXML:MessageHeader>') + '<edXML:MessageHeader>'.length
      return Buffer.from(splice(at, at, '<a>'.repeat(depth) + '</a>'.repeat(rand.int(2) ? depth : depth - 1)))
    }
    case 6: {
      // A zip whose header declares a huge size, or garbage in the base64.
      const at = text.indexOf('Encoded xmlns:edXML')
      if (at < 0) return Buffer.from(text.replace('0', '9'))
      const start = text.indexOf('>', at) + 1
      const end = text.indexOf('<', start)
      const zip = Buffer.from(zipSync({ 'a.pdf': new Uint8Array(64) }))
      zip.writeUInt32LE(0xfffffff0 - rand.int(1000), 22)
      const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]))
      zip.writeUInt32LE(0xfffffff0 - rand.int(1000), central + 24)
      const body = rand.int(2)
        ? zip.toString('base64')
        : text.slice(start, end).replace(/[A-Z]/, rand.pick(['*', '=', '%', 'é']))
      return Buffer.from(splice(start, end, body))
    }
    case 7: {
      const at = rand.int(text.length)
      return Buffer.from(splice(at, at, rand.pick(NOISE)))
    }
    case 8: {
      const els = base.elements
      const a = rand.pick(els)
      const b = rand.pick(els)
      if (a.end > b.start && b.end > a.start) return Buffer.from(text)
      const [x, y] = a.start < b.start ? [a, b] : [b, a]
      return Buffer.from(
        text.slice(0, x.start) +
          text.slice(y.start, y.end) +
          text.slice(x.end, y.start) +
          text.slice(x.start, x.end) +
          text.slice(y.end),
      )
    }
    default: {
      // Invalid UTF-8 or a stray BOM somewhere.
      const out = Buffer.from(base.bytes)
      const at = rand.int(out.length - 2)
      const bytes = rand.pick([
        [0xc3, 0x28],
        [0xff, 0xfe],
        [0xef, 0xbb, 0xbf],
        [0xed, 0xa0, 0x80],
      ])
      return Buffer.concat([out.subarray(0, at), Buffer.from(bytes), out.subarray(at)])
    }
  }
}

/** The sample letter cut down (one recipient, short texts): mutations of it parse faster. */
function compact(attachments: AttachmentInput[]): EdocInput {
  const input = letter(attachments)
  input.header.from = { organId: input.header.from.organId, organName: 'UBMC' }
  input.header.to = [{ organId: '000.00.00.G22', organName: 'VPCP' }]
  input.header.content = 'Nội dung'
  input.header.toPlaces = []
  input.header.otherInfo.appendixes = []
  input.business.staffInfo = {}
  return input
}

let bases: Base[]
beforeAll(async () => {
  const { signer } = await testSigners()
  const small = pdfFile(200, 'tep-1')
  const packages = [
    await buildEdoc(compact([small]), { zipAttachments: true }),
    await buildEdoc(
      compact([small, { ...pdfFile(50, 'tep-2'), name: 'phu-luc.txt', contentType: 'text/plain' }]),
      { signer },
    ),
    await buildStatus(
      {
        responseFor: {
          organId: '000.00.00.G22',
          code: '45/UBMC-VP',
          promulgationDate: '2026-03-12',
          documentId: '000.00.00.G22,2026/03/12,45/UBMC-VP',
        },
        from: { organId: '000.00.00.G38', organName: 'Ủy ban sông Mê Công Việt Nam' },
        statusCode: '03',
        description: 'Đã tiếp nhận',
        timestamp: TEST_NOW,
        staffInfo: { staff: 'Văn thư' },
      },
      { signer },
    ),
  ]
  bases = packages.map(baseOf)
})

describe('parseEdxml under fuzzing', () => {
  it(`resolves or rejects with EdxmlError on ${RUNS} mutated packages`, async () => {
    const random = prng(0x5eed_2026)
    const rand: Rand = {
      int: (n) => Math.floor(random() * n),
      pick: (xs) => xs[Math.floor(random() * xs.length)]!,
    }
    const outcomes = { parsed: 0, refused: 0, signatureInvalid: 0 }
    const codes = new Set<string>()
    let slowest = 0
    for (let i = 0; i < RUNS; i++) {
      const input = mutate(rand.pick(bases), rand)
      const started = performance.now()
      try {
        const parsed = await parseEdxml(input, { headerOnly: i % 10 === 0 })
        outcomes.parsed++
        if (parsed.signature.state === 'invalid') outcomes.signatureInvalid++
      } catch (err) {
        if (!(err instanceof EdxmlError)) {
          throw new Error(`run ${i}: ${String(err)}\n${Buffer.from(input).toString('utf8').slice(0, 3000)}`, {
            cause: err,
          })
        }
        outcomes.refused++
        codes.add(err.code)
      }
      slowest = Math.max(slowest, performance.now() - started)
    }
    expect(outcomes.parsed + outcomes.refused).toBe(RUNS)
    // The mutations reach the parser's defences, not just one error path.
    expect(outcomes.parsed).toBeGreaterThan(RUNS / 10)
    expect(outcomes.signatureInvalid).toBeGreaterThan(0)
    for (const code of [
      'MALFORMED_XML',
      'DOCTYPE_FORBIDDEN',
      'TOO_DEEP',
      'ZIP_BOMB',
      'BAD_ATTACHMENT',
      'NOT_EDXML',
    ])
      expect(codes).toContain(code)
    expect(slowest).toBeLessThan(1000)
  })
})
