/**
 * PAdES baseline B-B signing (ETSI EN 319 142-1): SubFilter ETSI.CAdES.detached, SHA-256, the time
 * in /M. Every signature is an incremental update, so a document signed by the leader and then
 * sealed by the clerk keeps both signatures valid.
 */
import { createHash } from 'node:crypto'
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRef,
  PDFString,
  ParseSpeeds,
  type PDFPage,
} from 'pdf-lib'
import {
  embedFont,
  embedImage,
  registerAppearance,
  textBlockSize,
  type AppearanceContent,
} from './appearance.ts'
import { buildPadesCms, cmsSizeBound } from './cms.ts'
import { SigningError } from './errors.ts'
import { buildUpdate } from './incremental.ts'
import type { Signer } from './p12-signer.ts'
import { readTail, type Tail } from './pdf-syntax.ts'
import {
  bottomRight,
  findBlockOnPage,
  rectInGap,
  sealOver,
  topRight,
  type Box,
  type PlacementHint,
  type Rect,
} from './placement.ts'

export type Appearance =
  /** The leader's signature: the handwritten image between the title line and the name line of the last page. */
  | { kind: 'approval'; signerName: string; signerTitle: string; imagePng?: Uint8Array }
  /**
   * The organization's seal at real size over the left third of the leader's image. Without an
   * approval signature it goes left of `signerName` when given and found, else bottom right.
   */
  | { kind: 'seal'; imagePng: Uint8Array; sealDiameterMm?: number; signerName?: string }
  /** The organization's signature on an attachment: text only, top right of page 1, 10 pt. */
  | { kind: 'attachment'; text: string }

export type SignOptions = {
  appearance: Appearance
  reason: string
  location: string
  signingTime: Date
  contactInfo?: string
  /** Throw SIGNATURE_BLOCK_NOT_FOUND instead of falling back to the bottom right corner. */
  requireSignatureBlock?: boolean
  /**
   * The signature block found earlier by findSignatureBlock for this file (or an earlier revision
   * of it with the same pages), e.g. when the version was stored: skips reading the page text.
   * Ignored when it is for another page count or signer name.
   */
  placementHint?: PlacementHint | null
}

/** `page` is 1-based; `rect` is [x1, y1, x2, y2] in PDF points. */
export type SignResult = {
  pdf: Uint8Array
  placement: { page: number; rect: Rect; usedFallback: boolean }
}

const SEAL_DIAMETER_MM = 36
const APPROVAL_FALLBACK_HEIGHT = 60
const BLUE: [number, number, number] = [0.1, 0.2, 0.65]

/** "D:20261122101500+07'00'": Vietnam time, which has no daylight saving. */
export function pdfDate(d: Date): string {
  const t = new Date(d.getTime() + 7 * 3600_000).toISOString()
  return `D:${t.slice(0, 4)}${t.slice(5, 7)}${t.slice(8, 10)}${t.slice(11, 13)}${t.slice(14, 16)}${t.slice(17, 19)}+07'00'`
}

/** A PDF text string: literal when ASCII, else UTF-16BE hex with a BOM (STACK.md P6). */
export function pdfText(s: string): string {
  if (/^[\x20-\x7e]*$/.test(s)) return `(${s.replace(/[()\\]/g, (c) => `\\${c}`)})`
  const u = Buffer.from(s.normalize('NFC'), 'utf16le').swap16()
  return `<FEFF${u.toString('hex').toUpperCase()}>`
}

function cropBox(page: PDFPage): Box {
  return page.getCropBox()
}

type Widget = { name: string; rect: Rect }

function textOfPdf(v: unknown): string {
  return v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : ''
}

/** Signature widgets already on a page, in order. */
function signatureWidgets(doc: PDFDocument, page: PDFPage): Widget[] {
  const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray)
  if (!annots) return []
  const out: Widget[] = []
  for (let i = 0; i < annots.size(); i++) {
    const a = annots.lookup(i)
    if (!(a instanceof PDFDict)) continue
    const parent = a.lookupMaybe(PDFName.of('Parent'), PDFDict)
    const ft = a.get(PDFName.of('FT')) ?? parent?.get(PDFName.of('FT'))
    if (ft !== PDFName.of('Sig')) continue
    const rect = a.lookupMaybe(PDFName.of('Rect'), PDFArray)
    if (!rect || rect.size() !== 4) continue
    const [x1, y1, x2, y2] = rect.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : 0)) as Rect
    if (Math.abs(x2 - x1) < 1 || Math.abs(y2 - y1) < 1) continue
    out.push({
      name: textOfPdf(a.get(PDFName.of('T')) ?? parent?.get(PDFName.of('T'))),
      rect: [Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2)],
    })
  }
  return out
}

type Planned = { pageIndex: number; rect: Rect; usedFallback: boolean; content: AppearanceContent }

async function plan(pdf: Uint8Array, doc: PDFDocument, options: SignOptions): Promise<Planned> {
  const pages = doc.getPages()
  const lastIndex = pages.length - 1
  const last = pages[lastIndex]!
  const a = options.appearance
  const fallback = () => {
    if (options.requireSignatureBlock) throw new SigningError('SIGNATURE_BLOCK_NOT_FOUND')
    return true
  }
  if (a.kind === 'attachment') {
    const lines = a.text.split('\n')
    const font = await embedFont(doc, 'serif', lines)
    const { width, height } = textBlockSize(lines, font, 10)
    const rect = topRight(cropBox(pages[0]!), width, height)
    return {
      pageIndex: 0,
      rect,
      usedFallback: false,
      content: { kind: 'text', lines, font, size: 10, rgb: [0, 0, 0], align: 'right' },
    }
  }
  if (a.kind === 'seal') {
    const image = embedImage(doc, a.imagePng)
    const diameter = a.sealDiameterMm ?? SEAL_DIAMETER_MM
    const content: AppearanceContent = { kind: 'image', image }
    const widgets = signatureWidgets(doc, last)
    // Our own approval fields are named "approval-n"; foreign ones count if they are not seals.
    const approval =
      [...widgets].reverse().find((w) => w.name.startsWith('approval')) ??
      [...widgets].reverse().find((w) => !/^(seal|attachment)/.test(w.name))
    if (approval)
      return { pageIndex: lastIndex, rect: sealOver(approval.rect, diameter), usedFallback: false, content }
    if (a.signerName) {
      const block = await findBlockOnPage(
        pdf,
        last,
        lastIndex,
        pages.length,
        a.signerName,
        undefined,
        options.placementHint,
      )
      if (block) {
        const { name } = block
        const rect: Rect = [name.x1, name.baseline, name.x2, name.baseline + 60]
        return { pageIndex: lastIndex, rect: sealOver(rect, diameter), usedFallback: false, content }
      }
    }
    const d = (diameter * 72) / 25.4
    return { pageIndex: lastIndex, rect: bottomRight(cropBox(last), d, d), usedFallback: fallback(), content }
  }
  let content: AppearanceContent
  let aspect: number
  if (a.imagePng) {
    const image = embedImage(doc, a.imagePng)
    content = { kind: 'image', image }
    aspect = image.width / image.height
  } else {
    const lines = [a.signerName]
    const font = await embedFont(doc, 'serifItalic', lines)
    const size = textBlockSize(lines, font, 14)
    content = { kind: 'text', lines, font, size: 14, rgb: BLUE, align: 'center' }
    aspect = size.width / size.height
  }
  const block = await findBlockOnPage(
    pdf,
    last,
    lastIndex,
    pages.length,
    a.signerName,
    a.signerTitle,
    options.placementHint,
  )
  const rect = block ? rectInGap(block, aspect) : null
  if (rect) return { pageIndex: lastIndex, rect, usedFallback: false, content }
  const h = APPROVAL_FALLBACK_HEIGHT
  return {
    pageIndex: lastIndex,
    rect: bottomRight(cropBox(last), h * aspect, h),
    usedFallback: fallback(),
    content,
  }
}

function fieldNames(acroForm: PDFDict): Set<string> {
  const fields = acroForm.lookupMaybe(PDFName.of('Fields'), PDFArray)
  const names = new Set<string>()
  for (let i = 0; i < (fields?.size() ?? 0); i++) {
    const f = fields!.lookup(i)
    if (f instanceof PDFDict) names.add(textOfPdf(f.get(PDFName.of('T'))))
  }
  return names
}

/** Add `ref` to the array at `key` of `dict`, noting which object changed. */
function appendTo(
  doc: PDFDocument,
  dict: PDFDict,
  key: string,
  ref: PDFRef,
  changed: Set<PDFRef>,
  owner: PDFRef,
) {
  const raw = dict.get(PDFName.of(key))
  if (raw instanceof PDFRef) {
    doc.context.lookup(raw, PDFArray).push(ref)
    changed.add(raw)
  } else {
    if (raw instanceof PDFArray) raw.push(ref)
    else dict.set(PDFName.of(key), doc.context.obj([ref]))
    changed.add(owner)
  }
}

async function load(pdf: Uint8Array): Promise<{ doc: PDFDocument; tail: Tail }> {
  const head = Buffer.from(pdf.buffer, pdf.byteOffset, Math.min(pdf.length, 1024)).toString('latin1')
  if (!head.includes('%PDF-')) throw new SigningError('NOT_A_PDF')
  let tail: Tail
  try {
    tail = readTail(pdf)
  } catch (cause) {
    throw new SigningError('NOT_A_PDF', { cause })
  }
  if (tail.trailer.entries.has('Encrypt')) throw new SigningError('ENCRYPTED_PDF')
  try {
    const doc = await PDFDocument.load(pdf, {
      updateMetadata: false,
      ignoreEncryption: true,
      // The default parses 100 objects per event-loop tick: ~1 ms of idle waiting per 100 objects.
      parseSpeed: ParseSpeeds.Fastest,
    })
    if (doc.getPageCount() === 0) throw new Error('no pages')
    return { doc, tail }
  } catch (cause) {
    throw new SigningError('NOT_A_PDF', { cause })
  }
}

/** PAdES baseline B-B: SubFilter ETSI.CAdES.detached, SHA-256, signed attributes contentType, messageDigest, signingCertificateV2 (no signingTime attribute; the time goes in /M). A PDF that already has signatures gets this one as an incremental update, keeping earlier signatures valid. */
export async function signPdf(pdf: Uint8Array, signer: Signer, options: SignOptions): Promise<SignResult> {
  const { doc, tail } = await load(pdf)
  const size = tail.trailer.entries.get('Size')
  doc.context.largestObjectNumber = Math.max(
    doc.context.largestObjectNumber,
    (typeof size === 'number' ? size : 1) - 1,
  )
  const firstNew = doc.context.largestObjectNumber + 1
  const planned = await plan(pdf, doc, options)
  const page = doc.getPages()[planned.pageIndex]!
  const [x1, y1, x2, y2] = planned.rect
  const apRef = await registerAppearance(doc, planned.content, x2 - x1, y2 - y1)
  const sigRef = doc.context.nextRef()
  const changed = new Set<PDFRef>()
  const rootRef = doc.context.trailerInfo.Root
  if (!(rootRef instanceof PDFRef)) throw new SigningError('NOT_A_PDF')

  let acroForm: PDFDict
  const rawForm = doc.catalog.get(PDFName.of('AcroForm'))
  if (rawForm instanceof PDFRef) {
    acroForm = doc.context.lookup(rawForm, PDFDict)
    changed.add(rawForm)
  } else if (rawForm instanceof PDFDict) {
    acroForm = rawForm
    changed.add(rootRef)
  } else {
    acroForm = doc.context.obj({ Fields: [] })
    doc.catalog.set(PDFName.of('AcroForm'), doc.context.register(acroForm))
    changed.add(rootRef)
  }
  const taken = fieldNames(acroForm)
  let k = 1
  while (taken.has(`${options.appearance.kind}-${k}`)) k++
  const widget = doc.context.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    T: PDFString.of(`${options.appearance.kind}-${k}`),
    V: sigRef,
    F: 132, // Print + Locked
    P: page.ref,
    Rect: planned.rect,
    AP: { N: apRef },
  })
  const widgetRef = doc.context.register(widget)
  appendTo(doc, acroForm, 'Fields', widgetRef, changed, rawForm instanceof PDFRef ? rawForm : rootRef)
  acroForm.set(PDFName.of('SigFlags'), PDFNumber.of(3))
  appendTo(doc, page.node, 'Annots', widgetRef, changed, page.ref)

  const created = doc.context
    .enumerateIndirectObjects()
    .map(([ref]) => ref)
    .filter((ref) => ref.objectNumber >= firstNew)
  const refs = [...new Set([...changed, ...created])].sort((a, b) => a.objectNumber - b.objectNumber)

  const holeHexLength = cmsSizeBound(signer) * 2
  const byteRangeWidth = 32
  const dict =
    `<</Type/Sig/Filter/Adobe.PPKLite/SubFilter/ETSI.CAdES.detached` +
    `/ByteRange [0 ${' '.repeat(byteRangeWidth)}]/Contents <${'0'.repeat(holeHexLength)}>` +
    `/M ${pdfText(pdfDate(options.signingTime))}/Name ${pdfText(signer.certificate.commonName)}` +
    `/Reason ${pdfText(options.reason)}/Location ${pdfText(options.location)}` +
    (options.contactInfo ? `/ContactInfo ${pdfText(options.contactInfo)}` : '') +
    `/Prop_Build <</App <</Name /Mekong#20eOffice>>>>>>`
  const sigText = `${sigRef.objectNumber} 0 obj\n${dict}\nendobj\n`
  const { bytes: update, rawOffsets } = buildUpdate(pdf, tail, doc.context, refs, [
    { num: sigRef.objectNumber, bytes: Buffer.from(sigText, 'latin1') },
  ])
  const out = Buffer.allocUnsafe(pdf.length + update.length)
  out.set(pdf, 0)
  out.set(update, pdf.length)
  const sigAt = rawOffsets.get(sigRef.objectNumber)!
  const byteRangeAt = sigAt + sigText.indexOf('/ByteRange [0 ') + '/ByteRange [0 '.length
  const holeStart = sigAt + sigText.indexOf('/Contents <') + '/Contents '.length
  const holeEnd = holeStart + holeHexLength + 2
  const ranges = `${holeStart} ${holeEnd} ${out.length - holeEnd}`
  out.write(ranges.padEnd(byteRangeWidth, ' '), byteRangeAt, 'latin1')
  const digest = createHash('sha256')
    .update(out.subarray(0, holeStart))
    .update(out.subarray(holeEnd))
    .digest()
  const cms = Buffer.from(await buildPadesCms(signer, digest))
    .toString('hex')
    .toUpperCase()
  if (cms.length > holeHexLength) throw new Error('CMS larger than its reserved space')
  out.write(cms, holeStart + 1, 'latin1')
  return {
    pdf: new Uint8Array(out.buffer, out.byteOffset, out.length),
    placement: { page: planned.pageIndex + 1, rect: planned.rect, usedFallback: planned.usedFallback },
  }
}
