/**
 * The naive baseline every benchmark here reports against: one regular expression per field on
 * the raw text, as a first attempt would write it from the Decree 30 template, with no repair of
 * stray spaces, no layout awareness and no vocabulary.
 */
import { DOCUMENT_TYPES, documentTypeByAbbreviation } from '../../src/common/document-types.ts'
import type { Truth } from './generate.ts'

const first = (re: RegExp, text: string): string | null => re.exec(text)?.[1]?.trim() ?? null
const TITLES = DOCUMENT_TYPES.map((t) => t.name.toUpperCase()).join('|')

function list(block: string | null): string[] {
  if (!block) return []
  return block
    .split('\n')
    .map((l) =>
      l
        .replace(/^\s*-\s*/, '')
        .replace(/[;,.]+\s*$/, '')
        .trim(),
    )
    .filter(Boolean)
}

export function baselineFields(raw: string): Truth {
  const text = raw.normalize('NFC')
  const numberAndNotation = first(/Số:\s*(\S+)/, text)
  const parts = numberAndNotation?.split('/') ?? []
  const notation = parts.length > 1 ? parts[parts.length - 1]! : null
  const dateMatch = /\n([^\n,]+), ngày (\d+) tháng (\d+) năm (\d{4})/.exec(text)
  const title = first(new RegExp(`^(${TITLES})$`, 'm'), text)
  const type = title
    ? DOCUMENT_TYPES.find((t) => t.name.toUpperCase() === title)
    : /^V\/v /m.test(text)
      ? DOCUMENT_TYPES.find((t) => t.code === 'CV')
      : notation
        ? documentTypeByAbbreviation(notation.split('-')[0]!)
        : undefined
  const subject = title ? first(new RegExp(`^${title}\\n(.+)$`, 'm'), text) : first(/^V\/v (.+)$/m, text)
  const lines = text.trim().split('\n')
  const kinhGui = first(/Kính gửi:\s*(.+)/, text)
  return {
    numberAndNotation,
    number: parts[0] ?? null,
    notation,
    yearInNumber: parts.length === 3 ? Number(parts[1]) : null,
    documentType: type?.name ?? null,
    documentTypeCode: type?.code ?? null,
    issuer: lines[0]?.trim() ?? null,
    issuerParent: null,
    issuerName: null,
    place: dateMatch?.[1]?.trim() ?? null,
    issueDate: dateMatch
      ? `${dateMatch[4]}-${dateMatch[3]!.padStart(2, '0')}-${dateMatch[2]!.padStart(2, '0')}`
      : null,
    subject,
    signerName: lines[lines.length - 1]?.trim() ?? null,
    signerTitle: lines[lines.length - 2]?.trim() ?? null,
    signerRank: null,
    signingAuthority: (first(/^(TM|KT|TL|TUQ)\./m, text)?.concat('.') as Truth['signingAuthority']) ?? null,
    recipients: list(first(/Nơi nhận:\n((?:-.*\n?)+)/, text)),
    addressees: kinhGui ? [kinhGui.replace(/[.;]$/, '')] : list(first(/Kính gửi:\n((?:-.*\n?)+)/, text)),
  }
}
