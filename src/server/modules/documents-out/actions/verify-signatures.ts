/**
 * Verifying the signatures of any PDF the actor may read, or of an uploaded one: integrity,
 * signer, certificate validity at signing time and the chain to the configured trusted roots.
 * The cryptography runs outside any transaction; the result is recorded (table + event).
 */
import { eq } from 'drizzle-orm'
import type { TVerificationResult } from '@common/contracts/documents-out'
import type { SignatureProblem } from '@common/domain'
import type { Ctx } from '../../../platform/context.ts'
import type { Executor } from '../../../platform/db/client.ts'
import { signatureVerifications, trustedRoots } from '../../../platform/db/schema.ts'
import { recordEvent } from '../../../platform/events/record.ts'
import type { PdfVerification } from '../../../platform/signing/index.ts'
import { presentCertificate } from '../certificates.ts'
import { DOCUMENT_OUT_EVENTS } from '../events.ts'

export const PROBLEM_MESSAGES: Record<SignatureProblem, string> = {
  digest_mismatch: 'Nội dung tệp đã bị thay đổi sau khi ký (giá trị băm không khớp).',
  signature_invalid: 'Chữ ký số không hợp lệ.',
  untrusted_chain: 'Chứng thư số không thuộc tổ chức chứng thực được tin cậy.',
  certificate_expired_at_signing: 'Chứng thư số đã hết hạn tại thời điểm ký.',
  certificate_not_yet_valid_at_signing: 'Chứng thư số chưa có hiệu lực tại thời điểm ký.',
  unsupported_format: 'Định dạng chữ ký không được hỗ trợ.',
  modified_after_signing: 'Tệp đã được sửa đổi sau khi ký.',
}

/** The DER of every active trusted root. */
export async function activeTrustedRoots(db: Executor): Promise<Uint8Array[]> {
  const rows = await db
    .select({ der: trustedRoots.certificateDer })
    .from(trustedRoots)
    .where(eq(trustedRoots.isActive, true))
  return rows.map((r) => r.der)
}

/** One Vietnamese sentence summing up a verification. */
export function summaryOf(v: PdfVerification): string {
  if (!v.isSigned) return 'Tệp không có chữ ký số.'
  if (v.isValid) return `Tất cả ${v.signatures.length} chữ ký số hợp lệ.`
  const bad = v.signatures.filter((s) => !s.isValid).length
  return `${bad}/${v.signatures.length} chữ ký số không hợp lệ.`
}

type RecordInput = { fileId: string | null; filename: string; sha256: string; verification: PdfVerification }

/** Record a verification and answer it in the contract's shape. */
export async function recordVerification(ctx: Ctx, input: RecordInput): Promise<TVerificationResult> {
  const v = input.verification
  const signatures = v.signatures.map((s) => ({
    fieldName: s.fieldName,
    signerName: s.signerName || null,
    certificate: s.certificate
      ? presentCertificate({
          ...s.certificate,
          notBefore: new Date(s.certificate.notBefore).toISOString(),
          notAfter: new Date(s.certificate.notAfter).toISOString(),
        })
      : null,
    signingTime: s.signingTime,
    subFilter: s.subFilter || null,
    reason: s.reason,
    location: s.location,
    isIntact: s.isIntact,
    coversWholeDocument: s.coversWholeDocument,
    isChainTrusted: s.isChainTrusted,
    isCertificateValidAtSigningTime: s.isCertificateValidAtSigningTime,
    isValid: s.isValid,
    problems: s.problems,
    problemMessages: s.problems.map((p) => PROBLEM_MESSAGES[p]),
  }))
  const [row] = await ctx.tx
    .insert(signatureVerifications)
    .values({
      fileId: input.fileId,
      sha256: input.sha256,
      filename: input.filename,
      verifiedBy: ctx.actor.id,
      isSigned: v.isSigned,
      isValid: v.isValid,
      report: { signatures },
      createdAt: ctx.now,
    })
    .returning({ id: signatureVerifications.id })
  await recordEvent(ctx, {
    action: DOCUMENT_OUT_EVENTS.verified,
    targetType: 'file',
    targetId: input.fileId,
    data: {
      sha256: input.sha256,
      filename: input.filename,
      isSigned: v.isSigned,
      isValid: v.isValid,
      signatures: signatures.map((s) => ({
        signerName: s.signerName,
        isValid: s.isValid,
        problems: s.problems,
      })),
    },
  })
  return {
    id: row!.id,
    fileId: input.fileId,
    filename: input.filename,
    sha256: input.sha256,
    verifiedAt: ctx.now.toISOString(),
    isSigned: v.isSigned,
    isValid: v.isValid,
    summary: summaryOf(v),
    signatures,
  }
}
