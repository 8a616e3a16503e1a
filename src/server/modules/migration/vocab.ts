/**
 * The previous system's words for document types and urgency, mapped to ours: type names
 * ("Quyết định", "quyet dinh") or abbreviations ("QĐ", "TTr") of Decree 30/2020 Annex III, and
 * the urgency levels of Art. 4 (Thường, Khẩn, Thượng khẩn, Hỏa tốc).
 */
import {
  DOCUMENT_TYPES,
  documentTypeByAbbreviation,
  documentTypeByCode,
  OFFICIAL_LETTER_CODE,
  type DocumentTypeCode,
} from '@common/document-types'
import type { Urgency } from '@common/domain'
import { foldKey } from './fold.ts'

const TYPE_BY_NAME = new Map<string, DocumentTypeCode>(DOCUMENT_TYPES.map((t) => [foldKey(t.name), t.code]))

/** Folded abbreviations that stay unambiguous without diacritics ('ĐA' Đề án and 'DA' Dự án both fold to 'da'). */
const TYPE_BY_FOLDED_ABBREVIATION = (() => {
  const seen = new Map<string, DocumentTypeCode | null>()
  for (const t of DOCUMENT_TYPES) {
    const key = foldKey(t.abbreviation ?? t.code)
    seen.set(key, seen.has(key) ? null : t.code)
  }
  return seen
})()

/** Names the previous systems used besides Decree 30's own. */
const TYPE_SYNONYMS: Record<string, DocumentTypeCode> = {
  cv: OFFICIAL_LETTER_CODE,
  congvan: OFFICIAL_LETTER_CODE,
  vanban: OFFICIAL_LETTER_CODE,
  thumoi: 'GM',
  giaymoihop: 'GM',
  quyetdinhcabiet: 'QĐ',
  nghiquyetcabiet: 'NQ',
  luat: 'LUAT',
}

/** Our document type for a type cell, or null when it is not one we know. */
export function documentTypeOf(text: string): DocumentTypeCode | null {
  const trimmed = text.trim()
  const byCode = documentTypeByCode(trimmed)
  if (byCode) return byCode.code
  const byAbbreviation = documentTypeByAbbreviation(trimmed)
  if (byAbbreviation) return byAbbreviation.code
  const key = foldKey(trimmed)
  return TYPE_BY_NAME.get(key) ?? TYPE_SYNONYMS[key] ?? TYPE_BY_FOLDED_ABBREVIATION.get(key) ?? null
}

/**
 * The type a notation reveals when the type column is empty (Decree 30/2020 Annex I §II.3): the
 * type's abbreviation opens the notation ("QĐ-UBND", "2020/NĐ-CP" for legal documents); a notation
 * that opens with the issuer's abbreviation ("UBND-VP") is a Công văn, which has none.
 */
export function documentTypeFromNotation(codeNotation: string): DocumentTypeCode {
  for (const part of codeNotation.split(/[-/]/)) {
    if (/^\d+$/.test(part)) continue
    return documentTypeByAbbreviation(part)?.code ?? OFFICIAL_LETTER_CODE
  }
  return OFFICIAL_LETTER_CODE
}

const URGENCY_WORDS: Record<string, Urgency> = {
  thuong: 'normal',
  binhthuong: 'normal',
  khong: 'normal',
  normal: 'normal',
  khan: 'urgent',
  urgent: 'urgent',
  thuongkhan: 'very_urgent',
  veryurgent: 'very_urgent',
  hoatoc: 'flash',
  // "Hỏa tốc hẹn giờ" is not in Decree 30 (REGULATIONS §1.3); it is kept as Hỏa tốc.
  hoatochengio: 'flash',
  flash: 'flash',
}

/** Our urgency for an urgency cell; empty is normal; null when the word is unknown. */
export function urgencyOf(text: string): Urgency | null {
  const key = foldKey(text)
  if (!key) return 'normal'
  return URGENCY_WORDS[key] ?? null
}

/** Whether a secrecy cell marks the document secret (anything but empty, "Thường" or "Không"). */
export function isSecret(text: string): boolean {
  const key = foldKey(text)
  return key !== '' && key !== 'thuong' && key !== 'khong' && key !== 'binhthuong'
}
