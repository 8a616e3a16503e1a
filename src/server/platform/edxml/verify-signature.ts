/**
 * Checking the enveloped XML-DSig of a received package: crypto validity only (digests and the
 * RSA signature with the KeyInfo certificate); whether that certificate is trusted is the
 * caller's decision. Every failure is a reason, never a throw.
 *
 * URI="" is read first as our convention (edXMLHeader only, see sign.ts), then as standard
 * XML-DSig (the whole document minus the Signature), which is what other producers may mean;
 * with the whole-document reading the attachments are covered without cid references.
 */
import { createHash, timingSafeEqual, verify, X509Certificate, type KeyObject } from 'node:crypto'
import { readCertificate, type CertificateInfo } from '../signing/index.ts'
import { base64DecodedSize } from './base64.ts'
import {
  canonicalize,
  inheritedNamespaces,
  isCanonicalization,
  isMisspelledCanonicalization,
  toDom,
} from './canonical.ts'
import type { Skeleton } from './skeleton.ts'
import { ENVELOPED, RSA_SHA256, SHA256 } from './sign.ts'
import { elementsOf, textOf, type XElement } from './xml-tree.ts'

export type SignatureCheck =
  | { state: 'absent' }
  | { state: 'valid'; certificateDer: Uint8Array; certificate: CertificateInfo }
  | { state: 'invalid'; reason: string; certificateDer?: Uint8Array }

const DIGESTS: Record<string, { hash: string; isWeak?: boolean }> = {
  [SHA256]: { hash: 'sha256' },
  'http://www.w3.org/2001/04/xmldsig-more#sha384': { hash: 'sha384' },
  'http://www.w3.org/2001/04/xmlenc#sha512': { hash: 'sha512' },
  'http://www.w3.org/2000/09/xmldsig#sha1': { hash: 'sha1', isWeak: true },
}
const SIGNATURES: Record<string, { hash: string; isWeak?: boolean }> = {
  [RSA_SHA256]: { hash: 'sha256' },
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha384': { hash: 'sha384' },
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512': { hash: 'sha512' },
  'http://www.w3.org/2000/09/xmldsig#rsa-sha1': { hash: 'sha1', isWeak: true },
}
const INCLUSIVE_C14N = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315'

export type VerifyInput = {
  skeleton: Skeleton
  /** root → … → edXMLHeader. */
  headerPath: XElement[]
  signature: XElement
  /** Attachment bytes as carried (decoded base64), by contentId without "cid:". */
  carried: Map<string, Uint8Array>
  warn: (code: string, path: string, message: string) => void
}

type KnownCertificate = { key: KeyObject; certificate: CertificateInfo } | null

/**
 * Certificates already read, by DER (base64): packages from one sender repeat the same
 * certificate, and reading one costs more than the rest of a small package's verification.
 */
const certificateCache = new Map<string, KnownCertificate>()
const CERTIFICATE_CACHE_SIZE = 256

function knownCertificate(der: Uint8Array): KnownCertificate {
  const id = Buffer.from(der.buffer, der.byteOffset, der.byteLength).toString('base64')
  const cached = certificateCache.get(id)
  if (cached !== undefined) return cached
  const known = ((): KnownCertificate => {
    try {
      const key = new X509Certificate(der).publicKey
      const { der: _der, ...certificate } = readCertificate(der)
      return key.asymmetricKeyType === 'rsa' ? { key, certificate } : null
    } catch {
      return null // unreadable or not RSA: no signature can verify with it
    }
  })()
  if (certificateCache.size >= CERTIFICATE_CACHE_SIZE)
    certificateCache.delete(certificateCache.keys().next().value!)
  certificateCache.set(id, known)
  return known
}

class Invalid extends Error {}
const fail = (reason: string): never => {
  throw new Invalid(reason)
}

const kid = (el: XElement | undefined, local: string) =>
  el ? elementsOf(el).find((c) => c.local === local) : undefined
const kids = (el: XElement | undefined, local: string) =>
  el ? elementsOf(el).filter((c) => c.local === local) : []
const attr = (el: XElement | undefined, local: string) =>
  el?.attrs.find((a) => a.local === local && !a.prefix)?.value

function base64Of(el: XElement | undefined, what: string): Buffer {
  const raw = Buffer.from(el ? textOf(el) : '', 'utf8')
  if (!el || raw.length === 0 || base64DecodedSize(raw) < 0)
    return fail(`${what} trong chữ ký không phải base64 hợp lệ`)
  return Buffer.from(raw.toString('latin1'), 'base64')
}

function pathTo(root: XElement, target: XElement): XElement[] | null {
  if (root === target) return [root]
  for (const c of elementsOf(root)) {
    const p = pathTo(c, target)
    if (p) return [root, ...p]
  }
  return null
}

function elementsWithId(root: XElement, id: string, out: XElement[] = []): XElement[] {
  if (root.attrs.some((a) => ['Id', 'ID', 'id'].includes(a.local) && a.value === id)) out.push(root)
  for (const c of elementsOf(root)) elementsWithId(c, id, out)
  return out
}

type Plan = { isEnveloped: boolean; c14n: string; prefixes?: string[] }

function planOf(reference: XElement, input: VerifyInput): Plan {
  const plan: Plan = { isEnveloped: false, c14n: INCLUSIVE_C14N }
  for (const t of kids(kid(reference, 'Transforms'), 'Transform')) {
    const alg = attr(t, 'Algorithm') ?? ''
    if (alg === ENVELOPED) plan.isEnveloped = true
    else if (isCanonicalization(alg)) {
      plan.c14n = alg
      const list = attr(kid(t, 'InclusiveNamespaces'), 'PrefixList')
      if (list) plan.prefixes = list.split(/\s+/).filter(Boolean)
      if (isMisspelledCanonicalization(alg))
        input.warn(
          'ALGORITHM_URI',
          'edXMLHeader/Signature',
          `Địa chỉ thuật toán "${alg}" viết sai chuẩn; đã hiểu là exclusive C14N`,
        )
    } else fail(`Phép biến đổi "${alg}" trong chữ ký không được hỗ trợ`)
  }
  return plan
}

/** Digest of the element at the end of `path` after the reference's transforms. */
function digestOf(
  path: XElement[],
  plan: Plan,
  hash: string,
  input: VerifyInput,
  withBodies: boolean,
): Buffer {
  const omit = plan.isEnveloped ? input.signature : undefined
  const node = toDom(path[path.length - 1]!, inheritedNamespaces(path), undefined, omit)
  const canonical = canonicalize(node, plan.c14n, plan.prefixes)
  const h = createHash(hash)
  if (!withBodies) return h.update(canonical, 'utf8').digest()
  // The attachment bodies were cut out before parsing: hash them back in at their markers.
  const { skeleton } = input
  let at = 0
  for (const m of canonical.matchAll(skeleton.markers.pattern())) {
    h.update(canonical.slice(at, m.index), 'utf8')
    h.update(skeleton.markers.bodyText(Number(m[1])), 'latin1')
    at = m.index + m[0].length
  }
  return h.update(canonical.slice(at), 'utf8').digest()
}

const same = (a: Buffer, b: Buffer) => a.length === b.length && timingSafeEqual(a, b)

type Coverage = { header: boolean; document: boolean; cids: Set<string>; hasCidReferences: boolean }

function checkReference(reference: XElement, input: VerifyInput, coverage: Coverage): void {
  const uri = attr(reference, 'URI')
  const method = attr(kid(reference, 'DigestMethod'), 'Algorithm') ?? ''
  const digest = DIGESTS[method] ?? fail(`Thuật toán băm "${method}" không được hỗ trợ`)
  if (digest.isWeak)
    input.warn('WEAK_ALGORITHM', 'edXMLHeader/Signature', `Chữ ký dùng thuật toán băm yếu (${digest.hash})`)
  const expected = base64Of(kid(reference, 'DigestValue'), 'DigestValue')
  if (uri === undefined) return fail('Chữ ký có tham chiếu thiếu thuộc tính URI')
  if (uri.startsWith('cid:')) {
    const id = uri.slice(4)
    const bytes =
      input.carried.get(id) ?? fail(`Chữ ký tham chiếu tệp đính kèm "${id}" không có trong gói tin`)
    if (!same(createHash(digest.hash).update(bytes).digest(), expected))
      fail(`Tệp đính kèm "${id}" đã bị thay đổi hoặc tráo đổi sau khi ký (giá trị băm không khớp)`)
    coverage.cids.add(id)
    return
  }
  const plan = planOf(reference, input)
  const root = input.skeleton.root
  if (uri === '') {
    if (same(digestOf(input.headerPath, plan, digest.hash, input, false), expected)) coverage.header = true
    // The whole-document reading is for producers that pin attachments that way, not with cid references.
    else if (!coverage.hasCidReferences && same(digestOf([root], plan, digest.hash, input, true), expected))
      coverage.document = true
    else fail('Phần đầu gói tin (edXMLHeader) đã bị thay đổi sau khi ký (giá trị băm không khớp)')
    return
  }
  if (!uri.startsWith('#')) return fail(`Tham chiếu "${uri.slice(0, 60)}" trong chữ ký không được hỗ trợ`)
  const targets = elementsWithId(root, uri.slice(1))
  if (targets.length !== 1) return fail(`Tham chiếu "${uri.slice(0, 60)}" không trỏ tới đúng một phần tử`)
  const path = pathTo(root, targets[0]!)!
  if (!same(digestOf(path, plan, digest.hash, input, true), expected))
    fail(`Phần tử "${uri.slice(0, 60)}" đã bị thay đổi sau khi ký (giá trị băm không khớp)`)
  if (targets[0] === root) coverage.document = true
  else if (input.headerPath.includes(targets[0]!)) coverage.header = true
}

function readCertificates(signature: XElement): Uint8Array[] {
  const x509 = kids(kid(signature, 'KeyInfo'), 'X509Data').flatMap((d) => kids(d, 'X509Certificate'))
  if (x509.length === 0) return fail('Chữ ký không kèm chứng thư số (X509Certificate)')
  return x509.map((c) => new Uint8Array(base64Of(c, 'Chứng thư số')))
}

/** Check the signature; never throws. */
export function verifySignature(input: VerifyInput): SignatureCheck {
  let certificateDer: Uint8Array | undefined
  try {
    const signedInfo = kid(input.signature, 'SignedInfo') ?? fail('Chữ ký thiếu phần SignedInfo')
    const certificates = readCertificates(input.signature)
    certificateDer = certificates[0]
    const c14n = attr(kid(signedInfo, 'CanonicalizationMethod'), 'Algorithm') ?? ''
    if (!isCanonicalization(c14n)) fail(`Thuật toán chuẩn hóa "${c14n}" không được hỗ trợ`)
    const method = attr(kid(signedInfo, 'SignatureMethod'), 'Algorithm') ?? ''
    const algorithm = SIGNATURES[method] ?? fail(`Thuật toán chữ ký "${method}" không được hỗ trợ`)
    if (algorithm.isWeak)
      input.warn(
        'WEAK_ALGORITHM',
        'edXMLHeader/Signature',
        `Chữ ký dùng thuật toán yếu (RSA-${algorithm.hash.toUpperCase()})`,
      )
    const value = base64Of(kid(input.signature, 'SignatureValue'), 'SignatureValue')

    const signaturePath = [...input.headerPath, input.signature]
    const canonical = canonicalize(
      toDom(signedInfo, inheritedNamespaces([...signaturePath, signedInfo])),
      c14n,
    )
    const data = Buffer.from(canonical, 'utf8')
    let signer: { der: Uint8Array; certificate: CertificateInfo } | undefined
    for (const der of certificates) {
      const known = knownCertificate(der)
      if (known && verify(algorithm.hash, data, known.key, value)) {
        // A copy: callers may keep or change what they get, the cache must not see it.
        const c = known.certificate
        signer = {
          der,
          certificate: { ...c, notBefore: new Date(c.notBefore), notAfter: new Date(c.notAfter) },
        }
        break
      }
    }
    if (!signer) {
      const reason = certificates.some((der) => knownCertificate(der))
        ? 'Chữ ký số không khớp với chứng thư số kèm theo'
        : 'Không đọc được chứng thư số (RSA) kèm theo chữ ký'
      return { state: 'invalid', reason, certificateDer }
    }
    certificateDer = signer.der

    const references = kids(signedInfo, 'Reference')
    const coverage: Coverage = {
      header: false,
      document: false,
      cids: new Set(),
      hasCidReferences: references.some((r) => attr(r, 'URI')?.startsWith('cid:')),
    }
    if (references.length === 0) fail('Chữ ký không có tham chiếu nào (Reference)')
    for (const r of references) checkReference(r, input, coverage)
    if (!coverage.header && !coverage.document) fail('Chữ ký không bao phủ phần đầu gói tin (edXMLHeader)')
    if (!coverage.document)
      for (const id of input.carried.keys())
        if (!coverage.cids.has(id)) fail(`Tệp đính kèm "${id}" không được ký`)
    return { state: 'valid', certificateDer: signer.der, certificate: signer.certificate }
  } catch (cause) {
    const reason =
      cause instanceof Invalid
        ? cause.message
        : `Không kiểm tra được chữ ký: ${cause instanceof Error ? cause.message : String(cause)}`
    return certificateDer ? { state: 'invalid', reason, certificateDer } : { state: 'invalid', reason }
  }
}
