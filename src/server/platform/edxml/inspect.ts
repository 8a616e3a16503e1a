/** The report of `npm run edxml -- inspect <file>`: what a clerk or an integrator needs to see. */
import { EdxmlError, type EdxmlWarning } from './errors.ts'
import type { Business, EdocHeader, StatusPackage, TraceHeader } from './model.ts'
import { parseEdxml } from './parse.ts'

type AttachmentSummary = {
  contentId: string
  name: string
  description: string
  contentType: string
  size: number
  sha256: string
  zipped: boolean
}

type SignatureSummary =
  | { state: 'absent' }
  | { state: 'invalid'; reason: string }
  | {
      state: 'valid'
      certificate: {
        subject: string
        issuer: string
        serialNumber: string
        notBefore: string
        notAfter: string
        sha256Fingerprint: string
      }
    }

type Common = { signature: SignatureSummary; warnings: EdxmlWarning[] }

/** JSON-ready: the parsed package without attachment bytes, or the error. */
export type PackageReport =
  | (Common & {
      kind: 'edoc'
      header: EdocHeader
      traceHeaders: TraceHeader[]
      business: Business
      attachments: AttachmentSummary[]
    })
  | (Common & { kind: 'status'; status: Omit<StatusPackage, 'kind'> })
  | { error: { code: string; message: string; path: string | null } }

/** Parse `bytes` and describe the package; an EdxmlError becomes `{ error }`, anything else rises. */
export async function inspectPackage(bytes: Uint8Array): Promise<PackageReport> {
  let parsed
  try {
    parsed = await parseEdxml(bytes)
  } catch (err) {
    if (err instanceof EdxmlError)
      return { error: { code: err.code, message: err.message, path: err.path ?? null } }
    throw err
  }
  const s = parsed.signature
  const signature: SignatureSummary =
    s.state === 'valid'
      ? {
          state: 'valid',
          certificate: {
            subject: s.certificate.subject,
            issuer: s.certificate.issuer,
            serialNumber: s.certificate.serialNumber,
            notBefore: s.certificate.notBefore.toISOString(),
            notAfter: s.certificate.notAfter.toISOString(),
            sha256Fingerprint: s.certificate.sha256Fingerprint,
          },
        }
      : s.state === 'invalid'
        ? { state: 'invalid', reason: s.reason }
        : { state: 'absent' }
  const p = parsed.package
  if (p.kind === 'status') {
    const { kind, ...status } = p
    return { kind, status, signature, warnings: parsed.warnings }
  }
  const attachments: AttachmentSummary[] = p.attachments.map((a) => ({
    contentId: a.contentId,
    name: a.name,
    description: a.description,
    contentType: a.contentType,
    size: a.data.byteLength,
    sha256: a.sha256,
    zipped: a.zipped,
  }))
  return {
    kind: p.kind,
    header: p.header,
    traceHeaders: p.traceHeaders,
    business: p.business,
    attachments,
    signature,
    warnings: parsed.warnings,
  }
}
