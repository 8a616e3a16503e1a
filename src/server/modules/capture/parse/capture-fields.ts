/**
 * captureFields(text): the registration fields of a document read from its text, whatever made
 * the text (PDF text layer, DOCX, OCR). Pure and synchronous; a few milliseconds per document.
 *
 * The parsers find each element of the layout of Nghị định 30/2020/NĐ-CP, Phụ lục I by what it
 * says rather than where it is, so text whose two-column header and footer were serialised
 * column by column (PDF, DOCX tables) or interleaved line by line (OCR) reads the same.
 */
import type { TCaptureField, TCaptureResult, TCaptureWarning } from '@common/contracts/capture'
import { findDateLine } from './date-line.ts'
import { findIssuer, isMotto, isStamp } from './issuer.ts'
import { findAddressees, findRecipients, type ListFound } from './lists.ts'
import { findNumber } from './number.ts'
import { findSignature, isSignatureLine, type SignatureFound } from './signature.ts'
import { toLines, looseKey } from './text.ts'
import { findTitle, isDateLine, matchTypeTitle } from './title.ts'
import { SECRECY_LOOSE } from './vocabulary.ts'

const HEADER_WINDOW = 40

function warn(code: TCaptureWarning['code'], field: TCaptureField | null, message: string): TCaptureWarning {
  return { code, field, message }
}

/** Where the issuer lines end when there is no number line: the first line that is not the issuer. */
function headerStop(lines: readonly string[], numberIndex: number | undefined): number {
  if (numberIndex !== undefined) return numberIndex
  const stop = lines.findIndex(
    (l, i) =>
      i < HEADER_WINDOW &&
      !!l &&
      (isDateLine(l) || !!matchTypeTitle(l) || /^(v\s*\/\s*v|kinh g)/.test(looseKey(l))),
  )
  return stop < 0 ? Math.min(8, lines.length) : stop
}

/** The signature block: after the recipients (columns read left then right), else just before them, else at the end. */
function signatureOf(lines: readonly string[], recipients: ListFound | null): SignatureFound | null {
  if (!recipients) {
    // Without "Nơi nhận" to anchor it, only a block that ends in a name counts (not any capitals near the end).
    const found = findSignature(lines.slice(-25))
    return found?.signerName ? found : null
  }
  const after = lines.filter((_, i) => i > recipients.labelIndex && !recipients.used.has(i))
  return (
    findSignature(after) ??
    findSignature(lines.slice(Math.max(0, recipients.labelIndex - 12), recipients.labelIndex))
  )
}

export function captureFields(text: string): TCaptureResult {
  const lines = toLines(text)
  const warnings: TCaptureWarning[] = []
  const number = findNumber(lines, HEADER_WINDOW)
  const date = findDateLine(lines, HEADER_WINDOW)
  const issuer = findIssuer(lines, headerStop(lines, number?.lineIndex))
  const mottoIndex = lines.slice(0, HEADER_WINDOW).reduce((last, l, i) => (isMotto(l) ? i : last), -1)
  const afterHeader = Math.max(number?.lineIndex ?? -1, date?.lineIndex ?? -1, mottoIndex) + 1
  const title = findTitle(lines, {
    afterHeader,
    numberIndex: number?.lineIndex ?? mottoIndex,
    issuer: issuer?.issuer ?? null,
    notation: number?.notation ?? null,
  })
  const addressees = findAddressees(lines)
  const recipients = findRecipients(lines, isSignatureLine)
  const signature = signatureOf(lines, recipients)

  if (!number) warnings.push(warn('NUMBER_NOT_FOUND', 'numberAndNotation', 'no "Số: …" line in the header'))
  if (!date)
    warnings.push(warn('DATE_NOT_FOUND', 'issueDate', 'no "…, ngày … tháng … năm …" line in the header'))
  if (!issuer) warnings.push(warn('ISSUER_NOT_FOUND', 'issuer', 'no issuer lines above the number'))
  if (!recipients) warnings.push(warn('RECIPIENTS_NOT_FOUND', 'recipients', 'no "Nơi nhận:" list'))
  if (!signature) warnings.push(warn('SIGNER_NOT_FOUND', 'signerName', 'no signature block'))
  const secrecy = lines
    .slice(0, HEADER_WINDOW)
    .find((l) => isStamp(l) && SECRECY_LOOSE.includes(looseKey(l).trim() as never))
  if (secrecy)
    warnings.push(warn('SECRECY_MARK', null, `secrecy mark "${secrecy}": not for a networked system`))
  warnings.push(
    ...(number?.warnings ?? []),
    ...(date?.warnings ?? []),
    ...title.warnings,
    ...(signature?.warnings ?? []),
  )

  const type = title.documentType
  // Absent optional parts (no parent body, no rank) are a finding too, as sure as the block they belong to.
  const sig = signature?.nameConfidence ?? 0
  const confidence: Record<TCaptureField, number> = {
    numberAndNotation: number?.confidence ?? 0,
    number: number?.number ? number.confidence : 0,
    notation: number?.notation ? number.confidence : 0,
    yearInNumber: number ? number.confidence : 0,
    documentType: title.typeConfidence,
    documentTypeCode: title.typeConfidence,
    issuer: issuer?.confidence ?? 0,
    issuerParent: issuer?.parentConfidence ?? 0,
    issuerName: issuer ? issuer.confidence * 0.9 : 0,
    place: date?.placeConfidence ?? 0,
    issueDate: date?.dateConfidence ?? 0,
    subject: title.subjectConfidence,
    signerName: sig,
    signerTitle: signature?.titleConfidence ?? 0,
    signerRank: sig ? 0.85 : 0,
    signingAuthority: signature ? 0.85 : 0,
    recipients: recipients?.confidence ?? 0,
    addressees: addressees?.confidence ?? (type && ['CV', 'TTr'].includes(type.code) ? 0.3 : 0.8),
  }
  return {
    numberAndNotation: number?.numberAndNotation ?? null,
    number: number?.number ?? null,
    notation: number?.notation ?? null,
    yearInNumber: number?.yearInNumber ?? null,
    documentType: type?.name ?? null,
    documentTypeCode: type?.code ?? null,
    issuer: issuer?.issuer ?? null,
    issuerParent: issuer?.issuerParent ?? null,
    issuerName: issuer?.issuerName ?? null,
    place: date?.place ?? null,
    issueDate: date?.issueDate ?? null,
    subject: title.subject,
    signerName: signature?.signerName ?? null,
    signerTitle: signature?.signerTitle ?? null,
    signerRank: signature?.signerRank ?? null,
    signingAuthority: signature?.signingAuthority ?? null,
    recipients: recipients?.items ?? [],
    addressees: addressees?.items ?? [],
    confidence,
    warnings,
  }
}
