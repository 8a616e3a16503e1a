/**
 * Number and notation of an outgoing document (Decree 30/2020/NĐ-CP, Annex I §II.3): numbers run
 * from 01 each year; types with a name: `{n}/{type}-{organ}` (12/QĐ-UBMC); Công văn and Thư công:
 * `{n}/{organ}-{drafting unit}` (15/UBMC-VP); legal normative types carry the year
 * (30/2020/NĐ-CP). Pure.
 */
import { documentTypeByCode } from '@common/document-types'

/** Numbers below 10 take a leading zero (Annex I §II.3.a). */
export function formatNumber(n: number): string {
  return n < 10 ? `0${n}` : String(n)
}

/** An abbreviation without spaces, upper case unless it is a case-sensitive type abbreviation. */
function compact(abbreviation: string): string {
  return abbreviation.replace(/\s+/g, '').toUpperCase()
}

/** Initials of a name when no short name is set ("Ủy ban sông Mê Công" → "UBSMC"). */
export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w[0]!)
    .join('')
    .toUpperCase()
}

export type NotationInput = {
  number: number
  year: number
  documentType: string
  organizationAbbreviation: string
  unitAbbreviation: string | null
}

/** The notation part (after the slash). */
export function buildNotation(input: Omit<NotationInput, 'number'>): string {
  const type = documentTypeByCode(input.documentType)
  const organ = compact(input.organizationAbbreviation)
  if (!type || type.abbreviation === null) {
    // Công văn, Thư công: the drafting unit (or field) follows the organ.
    return input.unitAbbreviation ? `${organ}-${compact(input.unitAbbreviation)}` : organ
  }
  if (type.group === 'legal') return `${input.year}/${type.abbreviation}-${organ}`
  return `${type.abbreviation}-${organ}`
}

export function buildNumberAndNotation(input: NotationInput): string {
  return `${formatNumber(input.number)}/${buildNotation(input)}`
}
