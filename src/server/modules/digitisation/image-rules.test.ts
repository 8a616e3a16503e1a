/** The digitisation rules read from image headers (JPEG, PNG, TIFF), without decoding the pixels. */
import { describe, expect, it } from 'vitest'
import { PNG_BYTES } from '../../test/file-fixtures.ts'
import { checkImageRules } from './image-rules.ts'
import { canSeeBatch, itemAbilities } from './policy.ts'

/** A PNG with the given colour type and, when given, a pHYs chunk of `dpi` (CRCs are not checked). */
function png(colourType: number, dpi?: number): Uint8Array {
  const b = Buffer.from(PNG_BYTES)
  b[25] = colourType
  if (dpi === undefined) return b
  const phys = Buffer.alloc(21)
  phys.writeUInt32BE(9, 0)
  phys.write('pHYs', 4, 'latin1')
  phys.writeUInt32BE(Math.round(dpi / 0.0254), 8)
  phys.writeUInt32BE(Math.round(dpi / 0.0254), 12)
  phys[16] = 1
  // After IHDR (8 signature + 25 chunk bytes).
  return Buffer.concat([b.subarray(0, 33), phys, b.subarray(33)])
}

/** A JPEG header: JFIF with a density, then a frame header with `components`. */
function jpeg(components: number, dpi: number | null): Uint8Array {
  const jfif = Buffer.from([
    0xff,
    0xe0,
    0,
    16,
    ...Buffer.from('JFIF\0', 'latin1'),
    1,
    1,
    dpi === null ? 0 : 1,
    0,
    0,
    0,
    0,
    0,
    0,
  ])
  jfif.writeUInt16BE(dpi ?? 1, 12)
  jfif.writeUInt16BE(dpi ?? 1, 14)
  const sof = Buffer.from([0xff, 0xc0, 0, 8 + 3 * components, 8, 0, 10, 0, 10, components])
  return Buffer.concat([Buffer.from([0xff, 0xd8]), jfif, sof, Buffer.alloc(3 * components)])
}

/** A little-endian TIFF with PhotometricInterpretation and XResolution (inches). */
function tiff(photometric: number, dpi: number): Uint8Array {
  const b = Buffer.alloc(8 + 2 + 3 * 12 + 4 + 8)
  b.write('II', 0, 'latin1')
  b.writeUInt16LE(42, 2)
  b.writeUInt32LE(8, 4)
  b.writeUInt16LE(3, 8)
  const entry = (n: number, tag: number, type: number, value: number) => {
    const at = 10 + n * 12
    b.writeUInt16LE(tag, at)
    b.writeUInt16LE(type, at + 2)
    b.writeUInt32LE(1, at + 4)
    if (type === 3) b.writeUInt16LE(value, at + 8)
    else b.writeUInt32LE(value, at + 8)
  }
  const rational = 10 + 3 * 12 + 4
  entry(0, 262, 3, photometric)
  entry(1, 282, 5, rational)
  entry(2, 296, 3, 2)
  b.writeUInt32LE(dpi, rational)
  b.writeUInt32LE(1, rational + 4)
  return b
}

const codes = (bytes: Uint8Array, type: string) => checkImageRules(bytes, type).problems.map((p) => p.code)

describe('image scan rules', () => {
  it('passes a colour image at 300 dpi, or one that does not state its resolution', () => {
    expect(codes(png(6, 300), 'image/png')).toEqual([])
    expect(codes(png(2), 'image/png')).toEqual([])
    expect(codes(jpeg(3, 300), 'image/jpeg')).toEqual([])
    expect(codes(jpeg(3, null), 'image/jpeg')).toEqual([])
    expect(codes(tiff(2, 300), 'image/tiff')).toEqual([])
  })

  it('reports grey images and resolutions under 200 dpi', () => {
    expect(codes(png(0, 150), 'image/png')).toEqual(['LOW_RESOLUTION', 'NOT_COLOUR'])
    expect(codes(jpeg(1, 300), 'image/jpeg')).toEqual(['NOT_COLOUR'])
    expect(checkImageRules(jpeg(3, 100), 'image/jpeg').problems).toEqual([
      { code: 'LOW_RESOLUTION', message: expect.stringContaining('100 dpi'), page: 1, dpi: 100 },
    ])
    expect(codes(tiff(1, 150), 'image/tiff')).toEqual(['LOW_RESOLUTION', 'NOT_COLOUR'])
  })

  it('does not fail on a truncated header', () => {
    expect(checkImageRules(jpeg(3, 300).subarray(0, 12), 'image/jpeg').problems).toEqual([])
    expect(checkImageRules(Buffer.from('II*\0\xff\xff\xff\x7f', 'latin1'), 'image/tiff').problems).toEqual([])
  })
})

describe('batch policy', () => {
  const batch = { organizationId: 'org-1', createdBy: 'u-1' }
  const clerk = { id: 'u-2', organizationId: 'org-1', roles: ['clerk'] as const }
  it('lets the clerks of the organization see a batch, nobody else', () => {
    expect(canSeeBatch(clerk, batch)).toBe(true)
    expect(canSeeBatch({ ...clerk, organizationId: 'org-2' }, batch)).toBe(false)
    expect(canSeeBatch({ ...clerk, roles: ['specialist'] }, batch)).toBe(false)
    expect(canSeeBatch({ ...clerk, roles: ['admin'] }, batch)).toBe(false)
  })
  it('allows decisions on open items only, and a new reading after a failure or without OCR', () => {
    expect(itemAbilities(clerk, batch, { status: 'ready', method: 'ocr' })).toEqual({
      register: true,
      discard: true,
      retry: false,
    })
    expect(itemAbilities(clerk, batch, { status: 'ready', method: 'ocr_unavailable' }).retry).toBe(true)
    expect(itemAbilities(clerk, batch, { status: 'failed', method: null }).retry).toBe(true)
    expect(itemAbilities(clerk, batch, { status: 'registered', method: 'ocr' })).toEqual({
      register: false,
      discard: false,
      retry: false,
    })
  })
})
