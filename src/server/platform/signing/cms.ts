/**
 * The CMS SignedData of a PAdES baseline B-B signature (ETSI EN 319 142-1): detached, SHA-256,
 * signed attributes contentType, messageDigest and signingCertificateV2 only; the signing time
 * lives in the signature dictionary's /M, as PAdES requires.
 */
import { createHash } from 'node:crypto'
import { parseCertificateDer } from './certificates.ts'
import { NULL, OID, octets, oid, seq, set, setOf, smallInt, tlv } from './der.ts'
import type { Signer } from './p12-signer.ts'

type Prepared = {
  digestAlgorithms: Uint8Array
  encapContentInfo: Uint8Array
  certificates: Uint8Array
  issuerAndSerial: Uint8Array
  signingCertificateV2: Uint8Array
  contentType: Uint8Array
}

// Per signer, once: the parts that do not depend on the document.
const prepared = new WeakMap<Signer, Prepared>()

function prepare(signer: Signer): Prepared {
  const cached = prepared.get(signer)
  if (cached) return cached
  const first = signer.chainDer[0]
  if (!first) throw new Error('signer without certificate')
  const leaf = parseCertificateDer(first)
  const certHash = createHash('sha256').update(leaf.der).digest()
  // ESSCertIDv2 with the default hash (SHA-256, so omitted) and IssuerSerial (directoryName [4]).
  const essCertIdV2 = seq(octets(certHash), seq(seq(tlv(0xa4, leaf.issuerName)), leaf.serialTlv))
  const p: Prepared = {
    digestAlgorithms: set(seq(oid(OID.sha256))),
    encapContentInfo: seq(oid(OID.data)),
    certificates: tlv(0xa0, ...signer.chainDer),
    issuerAndSerial: seq(leaf.issuerName, leaf.serialTlv),
    signingCertificateV2: seq(oid(OID.signingCertificateV2), set(seq(seq(essCertIdV2)))),
    contentType: seq(oid(OID.contentType), set(oid(OID.data))),
  }
  prepared.set(signer, p)
  return p
}

/** Bytes to reserve in /Contents for this signer's CMS (RSA up to 4096 bits, with room to spare). */
export function cmsSizeBound(signer: Signer): number {
  return signer.chainDer.reduce((n, c) => n + c.length, 0) + 2048
}

/** The DER ContentInfo to put in /Contents, for the SHA-256 `digest` of the signed byte range. */
export async function buildPadesCms(signer: Signer, digest: Uint8Array): Promise<Uint8Array> {
  const p = prepare(signer)
  const messageDigest = seq(oid(OID.messageDigest), set(octets(digest)))
  const attributes = setOf([p.contentType, messageDigest, p.signingCertificateV2])
  // The signature covers the attributes encoded as a SET (tag 0x31); in SignerInfo they are [0].
  const signature = await signer.sign(attributes)
  const signedAttrs = new Uint8Array(attributes)
  signedAttrs[0] = 0xa0
  const signerInfo = seq(
    smallInt(1),
    p.issuerAndSerial,
    seq(oid(OID.sha256)),
    signedAttrs,
    seq(oid(OID.sha256WithRSA), NULL),
    octets(signature),
  )
  const signedData = seq(smallInt(1), p.digestAlgorithms, p.encapContentInfo, p.certificates, set(signerInfo))
  return seq(oid(OID.signedData), tlv(0xa0, signedData))
}
