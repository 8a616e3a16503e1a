/** Reading a CMS SignedData (RFC 5652) from a signature's /Contents and checking its signature. */
import { constants, createHash, verify, type KeyObject } from 'node:crypto'
import { bytesOf, children, contentOf, OID, oidAt, readTlv, timeAt, type Tlv } from './der.ts'

export type ParsedCms = {
  digestAlgorithm: string
  signatureAlgorithm: string
  signature: Uint8Array
  /** The signed attributes re-tagged as a SET (what the signature covers), when present. */
  signedAttributes: Uint8Array | null
  messageDigest: Uint8Array | null
  signingTime: Date | null
  certificates: Uint8Array[]
  /** How SignerInfo names its certificate. */
  sid: { issuer: Uint8Array; serial: Uint8Array } | { subjectKeyId: Uint8Array }
}

const HASHES: Record<string, string> = {
  [OID.sha1]: 'sha1',
  [OID.sha256]: 'sha256',
  [OID.sha384]: 'sha384',
  [OID.sha512]: 'sha512',
}
const SIG_HASHES: Record<string, string> = {
  [OID.sha1WithRSA]: 'sha1',
  [OID.sha256WithRSA]: 'sha256',
  [OID.sha384WithRSA]: 'sha384',
  [OID.sha512WithRSA]: 'sha512',
  [OID.ecdsaSha256]: 'sha256',
  [OID.ecdsaSha384]: 'sha384',
  [OID.ecdsaSha512]: 'sha512',
}

export function hashName(digestOid: string): string | null {
  return HASHES[digestOid] ?? null
}

function expect(t: Tlv | undefined, tag: number): Tlv {
  if (!t || t.tag !== tag) throw new Error(`CMS: expected tag ${tag.toString(16)}`)
  return t
}

/** Parse DER (trailing zero padding of /Contents is ignored). */
export function parseCms(der: Uint8Array): ParsedCms {
  const ci = expect(readTlv(der, 0), 0x30)
  const [type, wrapped] = children(der, ci)
  if (!type || oidAt(der, type) !== OID.signedData) throw new Error('CMS: not SignedData')
  const sd = expect(children(der, expect(wrapped, 0xa0))[0], 0x30)
  const parts = children(der, sd)
  let i = 3 // version, digestAlgorithms, encapContentInfo
  const certificates: Uint8Array[] = []
  if (parts[i]?.tag === 0xa0) {
    for (const c of children(der, parts[i]!)) if (c.tag === 0x30) certificates.push(bytesOf(der, c))
    i++
  }
  if (parts[i]?.tag === 0xa1) i++ // CRLs
  const signerInfos = children(der, expect(parts[i], 0x31))
  const si = children(der, expect(signerInfos[0], 0x30))
  const sidTlv = si[1]!
  let sid: ParsedCms['sid']
  if (sidTlv.tag === 0x30) {
    const [issuer, serial] = children(der, sidTlv)
    sid = { issuer: bytesOf(der, issuer!), serial: bytesOf(der, serial!) }
  } else sid = { subjectKeyId: contentOf(der, sidTlv) }
  const digestAlgorithm = oidAt(der, children(der, expect(si[2], 0x30))[0]!)
  let j = 3
  let signedAttributes: Uint8Array | null = null
  let messageDigest: Uint8Array | null = null
  let signingTime: Date | null = null
  if (si[j]?.tag === 0xa0) {
    const attrs = si[j]!
    signedAttributes = new Uint8Array(bytesOf(der, attrs))
    signedAttributes[0] = 0x31
    for (const attr of children(der, attrs)) {
      const [t, values] = children(der, attr)
      const first = children(der, expect(values, 0x31))[0]
      if (!t || !first) continue
      const o = oidAt(der, t)
      if (o === OID.messageDigest) messageDigest = contentOf(der, first)
      if (o === OID.signingTime) signingTime = timeAt(der, first)
    }
    j++
  }
  const signatureAlgorithm = oidAt(der, children(der, expect(si[j], 0x30))[0]!)
  const signature = contentOf(der, expect(si[j + 1], 0x04))
  return {
    digestAlgorithm,
    signatureAlgorithm,
    signature,
    signedAttributes,
    messageDigest,
    signingTime,
    certificates,
    sid,
  }
}

/** Check `signature` over `data` with the certificate's public key, per the CMS algorithms. */
export function verifySignature(cms: ParsedCms, data: Uint8Array, key: KeyObject): boolean {
  const hash = SIG_HASHES[cms.signatureAlgorithm] ?? hashName(cms.digestAlgorithm)
  if (!hash) return false
  try {
    if (cms.signatureAlgorithm === OID.rsassaPss) {
      return verify(
        hash,
        data,
        { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO },
        cms.signature,
      )
    }
    if (key.asymmetricKeyType === 'ec') return verify(hash, data, { key, dsaEncoding: 'der' }, cms.signature)
    return verify(hash, data, key, cms.signature)
  } catch {
    // A malformed signature value or a key that does not fit the algorithm: not verified.
    return false
  }
}

export function digestOf(hash: string, parts: Uint8Array[]): Buffer {
  const h = createHash(hash)
  for (const p of parts) h.update(p)
  return h.digest()
}
