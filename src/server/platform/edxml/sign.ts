/**
 * The enveloped XML-DSig signature of a package, last child of edXMLHeader.
 *
 * What it covers (our choice, documented because QCVN 102 leaves it open): Reference URI=""
 * with the enveloped-signature and exclusive C14N transforms digests the **edXMLHeader element
 * only**, canonicalised as a subtree with the Signature removed; one Reference URI="cid:<id>" per
 * attachment digests the attachment bytes as carried (the decoded base64, i.e. the zip when
 * zipped); one Reference URI="#edXMLManifest" digests the manifest (exclusive C14N), so the files'
 * names, content types and descriptions are signed as well. The header holds every business field and the cid references pin every file, so
 * nothing that matters escapes the signature, while verifying never canonicalises megabytes of
 * base64. Verifiers that read URI="" as the whole document will not match; ours also accepts that
 * reading from other producers (see verify-signature.ts).
 */
import { createHash } from 'node:crypto'
import type { Signer } from '../signing/index.ts'
import { canonicalize, EXC_C14N, toDom } from './canonical.ts'
import { DSIG_NS } from './model.ts'
import { dsig, indent, type XElement } from './xml-tree.ts'

export const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256'
export const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256'
export const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature'

const b64 = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')
const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('base64')

function reference(uri: string, transforms: string[], digest: string): XElement {
  return dsig(
    'Reference',
    [
      ...(transforms.length
        ? [
            dsig(
              'Transforms',
              transforms.map((t) => dsig('Transform', undefined, { Algorithm: t })),
            ),
          ]
        : []),
      dsig('DigestMethod', undefined, { Algorithm: SHA256 }),
      dsig('DigestValue', digest),
    ],
    { URI: uri },
  )
}

/**
 * Sign `header` in place: append `<Signature>` as its last child. `header` must already be
 * indented at `level`; `inScope` are the namespace declarations of its ancestors.
 */
export async function signHeader(
  header: XElement,
  inScope: Record<string, string>,
  level: number,
  attachments: { contentId: string; carried: Uint8Array }[],
  signer: Signer,
  /** The manifest (by its Id), so the files' names and types cannot be changed either. */
  manifest?: { id: string; element: XElement },
): Promise<void> {
  const placeholder = dsig('Signature')
  const pad = { kind: 'text' as const, text: `\n${'  '.repeat(level + 1)}` }
  const last = header.children.length - (header.children.at(-1)?.kind === 'text' ? 1 : 0)
  header.children.splice(last, 0, pad, placeholder)

  // Digest exactly what a verifier sees: the header with the Signature element left out.
  const headerDom = toDom(header, inScope, undefined, placeholder)
  const headerDigest = sha256(canonicalize(headerDom, EXC_C14N))

  const signedInfo = dsig('SignedInfo', [
    dsig('CanonicalizationMethod', undefined, { Algorithm: EXC_C14N }),
    dsig('SignatureMethod', undefined, { Algorithm: RSA_SHA256 }),
    reference('', [ENVELOPED, EXC_C14N], headerDigest),
    ...(manifest
      ? [
          reference(
            `#${manifest.id}`,
            [EXC_C14N],
            sha256(canonicalize(toDom(manifest.element, inScope), EXC_C14N)),
          ),
        ]
      : []),
    ...attachments.map((a) => reference(`cid:${a.contentId}`, [], sha256(a.carried))),
  ])
  const signatureValue = dsig('SignatureValue')
  const certificate = signer.chainDer[0]
  const signature = dsig('Signature', [
    signedInfo,
    signatureValue,
    ...(certificate
      ? [dsig('KeyInfo', [dsig('X509Data', [dsig('X509Certificate', b64(certificate))])])]
      : []),
  ])
  signature.ns = { '': DSIG_NS }
  indent(signature, level + 1)
  header.children[header.children.indexOf(placeholder)] = signature

  const canonicalSignedInfo = canonicalize(
    toDom(signedInfo, { ...inScope, ...header.ns, ...signature.ns }),
    EXC_C14N,
  )
  const value = await signer.sign(new Uint8Array(Buffer.from(canonicalSignedInfo, 'utf8')))
  signatureValue.children = [{ kind: 'text', text: b64(value) }]
}
