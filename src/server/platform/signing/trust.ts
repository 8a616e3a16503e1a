/** Certificate paths: from the signer's certificate through the CMS's certificates to a trusted root. */
import { createHash } from 'node:crypto'
import { LruMap } from './cache.ts'
import { certificateDer, parseCertificateDer, type ParsedCertificate } from './certificates.ts'

export type TrustedRoots = { key: string; roots: ParsedCertificate[] }

// Roots are usually the same byte arrays call after call (the admin's list, loaded once).
const parsedRoots = new WeakMap<Uint8Array, ParsedCertificate>()

/** Parse the trusted roots (DER or PEM); unreadable entries are skipped. */
export function trustedRoots(list: Uint8Array[]): TrustedRoots {
  const roots: ParsedCertificate[] = []
  for (const bytes of list) {
    let parsed = parsedRoots.get(bytes)
    if (!parsed) {
      try {
        parsed = parseCertificateDer(certificateDer(bytes))
      } catch {
        // An unreadable root trusts nothing; the admin's page validates roots when they are added.
        continue
      }
      parsedRoots.set(bytes, parsed)
    }
    roots.push(parsed)
  }
  const key = roots
    .map((r) => r.info.sha256Fingerprint)
    .sort()
    .join(',')
  return { key: createHash('sha256').update(key).digest('hex'), roots }
}

function issued(child: ParsedCertificate, issuer: ParsedCertificate): boolean {
  if (Buffer.compare(child.issuerName, issuer.subjectName) !== 0) return false
  try {
    return child.x509.verify(issuer.x509.publicKey)
  } catch {
    // A key type OpenSSL cannot use for this certificate: it did not issue it.
    return false
  }
}

export type ChainResult = { isTrusted: boolean; chain: ParsedCertificate[] }

/** The path from `leaf` to a trusted root, trying the pool's certificates as intermediates. */
export function buildChain(
  leaf: ParsedCertificate,
  pool: ParsedCertificate[],
  roots: TrustedRoots,
  cache?: LruMap<string, ChainResult>,
): ChainResult {
  const key = cache
    ? `${leaf.info.sha256Fingerprint}|${pool.map((c) => c.info.sha256Fingerprint).join(',')}|${roots.key}`
    : ''
  const hit = cache?.get(key)
  if (hit) return hit
  const chain = [leaf]
  let current = leaf
  let isTrusted = false
  for (let depth = 0; depth < 10; depth++) {
    if (roots.roots.some((r) => r.info.sha256Fingerprint === current.info.sha256Fingerprint)) {
      isTrusted = true
      break
    }
    const root = roots.roots.find((r) => issued(current, r))
    if (root) {
      chain.push(root)
      isTrusted = true
      break
    }
    const next = pool.find((c) => !chain.includes(c) && c.x509.ca && issued(current, c))
    if (!next) break
    chain.push(next)
    current = next
  }
  const result = { isTrusted, chain }
  cache?.set(key, result)
  return result
}
