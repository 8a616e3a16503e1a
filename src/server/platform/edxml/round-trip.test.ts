import { createHash, randomBytes } from 'node:crypto'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Signer } from '../signing/index.ts'
import {
  buildEdoc,
  guessContentType,
  inspectRoute,
  parseEdxml,
  type EdocInput,
  type Organ,
  type StaffInfo,
} from './index.ts'
import { letter, testSigners } from './test-support.ts'

let signer: Signer
beforeAll(async () => {
  ;({ signer } = await testSigners())
})

// Vietnamese with diacritics, XML specials, line breaks, a character outside the BMP.
const ALPHABET = [
  ...'aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵĐƯ0123456789',
]
const UNITS = [...ALPHABET, ' ', ' ', '<', '>', '&', '"', "'", ';', '/', '-', '\n', '\r\n', '\t', ']]>', '😀']
const text = fc.string({ unit: fc.constantFrom(...UNITS), maxLength: 30 })
const nonEmpty = text.filter((s) => s.trim() !== '')
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined })
const organId = fc.stringMatching(/^[0-9A-Z]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}$/)
const isoDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10))
const instant = fc
  .integer({ min: Date.UTC(2000, 0, 1) / 1000, max: Date.UTC(2099, 0, 1) / 1000 })
  .map((s) => new Date(s * 1000))
const count = fc.nat({ max: 100_000 })

const organ = (id: fc.Arbitrary<string>): fc.Arbitrary<Organ> =>
  fc.record({
    organId: id,
    organName: text,
    organizationInCharge: maybe(text),
    organAdd: maybe(text),
    email: maybe(text),
    telephone: maybe(text),
    fax: maybe(text),
    website: maybe(text),
  })
const staffInfo: fc.Arbitrary<StaffInfo> = fc.record({
  department: maybe(text),
  staff: maybe(text),
  mobile: maybe(text),
  email: maybe(text),
})
const responseFor = fc.record({
  organId,
  code: text,
  promulgationDate: fc.option(isoDate, { nil: null }),
  documentId: nonEmpty,
})
const TYPES = [
  'application/pdf',
  'application/msword',
  'image/png',
  'text/plain; charset=utf-8',
  'application/octet-stream',
]
const attachment = fc.record({
  contentId: maybe(fc.stringMatching(/^[a-zA-Z0-9.@_-]{1,40}$/)),
  name: fc
    .tuple(nonEmpty, fc.constantFrom('.pdf', '.docx', '.png', '.txt', '.bin'))
    .map(([n, ext]) => `${n.trim()}${ext}`),
  description: maybe(text),
  contentType: fc.constantFrom(...TYPES),
  data: fc.uint8Array({ maxLength: 3000 }),
})

const edoc: fc.Arbitrary<EdocInput> = fc
  .record({
    from: organ(organId),
    to: fc.uniqueArray(organ(organId), { minLength: 1, maxLength: 4, selector: (o) => o.organId }),
    code: fc.record({ codeNumber: nonEmpty, codeNotation: text }),
    promulgationInfo: fc.record({ place: text, promulgationDate: isoDate }),
    documentType: fc.record({ type: count, typeDetail: count, typeName: text }),
    subject: nonEmpty,
    content: text,
    signerInfo: fc.record({ competence: text, position: text, fullName: text }),
    dueDate: fc.option(isoDate, { nil: null }),
    toPlaces: fc.array(text, { maxLength: 3 }),
    otherInfo: fc.record({
      priority: count,
      sphereOfPromulgation: text,
      typerNotation: text,
      promulgationAmount: count,
      pageAmount: count,
      appendixes: fc.array(text, { maxLength: 3 }),
      direction: maybe(fc.boolean()),
    }),
    responseFor: fc.array(responseFor, { maxLength: 2 }),
    steeringType: count,
    number: nonEmpty,
  })
  .chain((h) =>
    fc.record({
      header: fc.constant({
        ...h,
        documentId: `${h.from.organId},${h.promulgationInfo.promulgationDate.replaceAll('-', '/')},${h.number}`,
      }),
      traceHeaders: fc.array(fc.record({ organId, timestamp: instant }), { maxLength: 3 }),
      business: fc.record({
        documentId: fc.option(nonEmpty, { nil: null }),
        type: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const),
        reason: text,
        paper: fc.constantFrom(0 as const, 1 as const),
        staffInfo,
        replacementInfo: fc.array(
          fc.record({ documentId: nonEmpty, organIds: fc.array(organId, { maxLength: 3 }) }),
          { maxLength: 2 },
        ),
      }),
      attachments: fc.uniqueArray(attachment, { maxLength: 3, selector: (a) => a.contentId ?? Symbol() }),
    }),
  )
  .map(({ header: { number: _number, ...header }, ...rest }) => ({ header, ...rest }))

/** What a parse must give back: texts trimmed, empty optional texts absent, empty list items dropped. */
function normalise<T>(value: T): T {
  if (typeof value === 'string') return value.trim() as T
  if (Array.isArray(value)) return value.map(normalise) as T
  if (value instanceof Date || value instanceof Uint8Array || value === null || typeof value !== 'object')
    return value
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) out[k] = normalise(v)
  return out as T
}
const OPTIONAL = [
  'organizationInCharge',
  'organAdd',
  'email',
  'telephone',
  'fax',
  'website',
  'department',
  'staff',
  'mobile',
]
function dropEmpty(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(o).filter(([k, v]) => !(OPTIONAL.includes(k) && (v === '' || v === undefined))),
  )
}

function expected(input: EdocInput, parsedIds: string[], isZipped: boolean) {
  const n = normalise(input)
  const h = n.header
  return {
    kind: 'edoc',
    header: {
      ...h,
      from: dropEmpty(h.from),
      to: h.to.map(dropEmpty),
      toPlaces: h.toPlaces.filter(Boolean),
      otherInfo: { ...h.otherInfo, appendixes: h.otherInfo.appendixes.filter(Boolean) },
    },
    traceHeaders: n.traceHeaders,
    business: {
      ...n.business,
      staffInfo: dropEmpty(n.business.staffInfo),
      replacementInfo: n.business.replacementInfo.map((r) => ({
        ...r,
        organIds: r.organIds.filter(Boolean),
      })),
    },
    attachments: input.attachments.map((a, i) => ({
      contentId: a.contentId ?? parsedIds[i],
      name: a.name.trim(),
      description: (a.description ?? '').trim(),
      contentType: isZipped ? (guessContentType(a.name) ?? 'application/octet-stream') : a.contentType,
      data: a.data,
      zipped: isZipped,
      sha256: createHash('sha256').update(a.data).digest('hex'),
    })),
  }
}

describe('build → parse round trip', () => {
  it('gives back the same package, signed or not, zipped or not', async () => {
    await fc.assert(
      fc.asyncProperty(edoc, fc.boolean(), fc.boolean(), async (input, isSigned, isZipped) => {
        const bytes = await buildEdoc(input, {
          signer: isSigned ? signer : undefined,
          zipAttachments: isZipped,
        })
        const parsed = await parseEdxml(bytes)
        expect(parsed.warnings).toEqual([])
        expect(parsed.signature.state).toBe(isSigned ? 'valid' : 'absent')
        const ids = parsed.package.kind === 'edoc' ? parsed.package.attachments.map((a) => a.contentId) : []
        expect(parsed.package).toEqual(expected(input, ids, isZipped))

        const headerOnly = await parseEdxml(bytes, { headerOnly: true })
        expect(headerOnly.package).toEqual({ ...expected(input, ids, isZipped), attachments: [] })
        expect(await inspectRoute(bytes)).toEqual({
          kind: 'edoc',
          from: input.header.from.organId,
          to: input.header.to.map((t) => t.organId),
          documentId: input.header.documentId.trim(),
          businessType: input.business.type,
        })
      }),
      { numRuns: 150, seed: 20260312 },
    )
  })
})

describe('zipping large files', () => {
  it('stores incompressible data and deflates the rest; both come back unzipped', async () => {
    const random = new Uint8Array(randomBytes(200_000))
    const text = new Uint8Array(Buffer.from('Công văn số 45/UBMC-VP. '.repeat(10_000)))
    const bytes = await buildEdoc(
      letter([
        { contentId: 'a', name: 'scan.pdf', contentType: 'application/pdf', data: random },
        { contentId: 'b', name: 'van-ban.txt', contentType: 'text/plain', data: text },
      ]),
      { signer, zipAttachments: true },
    )
    expect(bytes.length).toBeLessThan(random.length * 1.4 + 20_000)
    const parsed = await parseEdxml(bytes)
    expect(parsed.signature.state).toBe('valid')
    const [scan, letterText] = parsed.package.kind === 'edoc' ? parsed.package.attachments : []
    // Compared as Buffers: a deep equality over 200,000 array items is slow.
    expect(Buffer.compare(scan!.data, random)).toBe(0)
    expect(Buffer.compare(letterText!.data, text)).toBe(0)
    expect([scan, letterText].map((a) => [a!.name, a!.contentType, a!.zipped])).toEqual([
      ['scan.pdf', 'application/pdf', true],
      ['van-ban.txt', 'text/plain', true],
    ])
  })
})
