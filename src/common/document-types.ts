/**
 * Document types (loại văn bản). The 29 administrative types and their abbreviations come from
 * Nghị định 30/2020/NĐ-CP, Điều 7 and Phụ lục III §I; the abbreviation is what appears in the
 * notation (ký hiệu) and is case-sensitive ("QyĐ", "TTr", "CTr"). Legal normative types
 * (Luật ban hành văn bản quy phạm pháp luật) are added because agencies receive them too.
 *
 * `code` is our stable identifier; it equals the abbreviation where there is one. Công văn and
 * Thư công have no abbreviation, so their notation starts with the issuer's abbreviation instead.
 */
export const DOCUMENT_TYPES = [
  { code: 'NQ', name: 'Nghị quyết', abbreviation: 'NQ', group: 'administrative' },
  { code: 'QĐ', name: 'Quyết định', abbreviation: 'QĐ', group: 'administrative' },
  { code: 'CT', name: 'Chỉ thị', abbreviation: 'CT', group: 'administrative' },
  { code: 'QC', name: 'Quy chế', abbreviation: 'QC', group: 'administrative' },
  { code: 'QyĐ', name: 'Quy định', abbreviation: 'QyĐ', group: 'administrative' },
  { code: 'TC', name: 'Thông cáo', abbreviation: 'TC', group: 'administrative' },
  { code: 'TB', name: 'Thông báo', abbreviation: 'TB', group: 'administrative' },
  { code: 'HD', name: 'Hướng dẫn', abbreviation: 'HD', group: 'administrative' },
  { code: 'CTr', name: 'Chương trình', abbreviation: 'CTr', group: 'administrative' },
  { code: 'KH', name: 'Kế hoạch', abbreviation: 'KH', group: 'administrative' },
  { code: 'PA', name: 'Phương án', abbreviation: 'PA', group: 'administrative' },
  { code: 'ĐA', name: 'Đề án', abbreviation: 'ĐA', group: 'administrative' },
  { code: 'DA', name: 'Dự án', abbreviation: 'DA', group: 'administrative' },
  { code: 'BC', name: 'Báo cáo', abbreviation: 'BC', group: 'administrative' },
  { code: 'BB', name: 'Biên bản', abbreviation: 'BB', group: 'administrative' },
  { code: 'TTr', name: 'Tờ trình', abbreviation: 'TTr', group: 'administrative' },
  { code: 'HĐ', name: 'Hợp đồng', abbreviation: 'HĐ', group: 'administrative' },
  { code: 'CV', name: 'Công văn', abbreviation: null, group: 'administrative' },
  { code: 'CĐ', name: 'Công điện', abbreviation: 'CĐ', group: 'administrative' },
  { code: 'BGN', name: 'Bản ghi nhớ', abbreviation: 'BGN', group: 'administrative' },
  { code: 'BTT', name: 'Bản thỏa thuận', abbreviation: 'BTT', group: 'administrative' },
  { code: 'GUQ', name: 'Giấy ủy quyền', abbreviation: 'GUQ', group: 'administrative' },
  { code: 'GM', name: 'Giấy mời', abbreviation: 'GM', group: 'administrative' },
  { code: 'GGT', name: 'Giấy giới thiệu', abbreviation: 'GGT', group: 'administrative' },
  { code: 'GNP', name: 'Giấy nghỉ phép', abbreviation: 'GNP', group: 'administrative' },
  { code: 'PG', name: 'Phiếu gửi', abbreviation: 'PG', group: 'administrative' },
  { code: 'PC', name: 'Phiếu chuyển', abbreviation: 'PC', group: 'administrative' },
  { code: 'PB', name: 'Phiếu báo', abbreviation: 'PB', group: 'administrative' },
  { code: 'THC', name: 'Thư công', abbreviation: null, group: 'administrative' },
  { code: 'LUAT', name: 'Luật', abbreviation: null, group: 'legal' },
  { code: 'PL', name: 'Pháp lệnh', abbreviation: null, group: 'legal' },
  { code: 'NĐ', name: 'Nghị định', abbreviation: 'NĐ', group: 'legal' },
  { code: 'TT', name: 'Thông tư', abbreviation: 'TT', group: 'legal' },
  { code: 'TTLT', name: 'Thông tư liên tịch', abbreviation: 'TTLT', group: 'legal' },
  { code: 'VBHN', name: 'Văn bản hợp nhất', abbreviation: 'VBHN', group: 'legal' },
] as const

export type DocumentType = (typeof DOCUMENT_TYPES)[number]
export type DocumentTypeCode = DocumentType['code']

export const DOCUMENT_TYPE_CODES = DOCUMENT_TYPES.map((t) => t.code) as [
  DocumentTypeCode,
  ...DocumentTypeCode[],
]

/** The official letter: no type name on the page, a "V/v …" subject under the number (Phụ lục I, ô 5b). */
export const OFFICIAL_LETTER_CODE = 'CV' satisfies DocumentTypeCode

export function documentTypeByCode(code: string): DocumentType | undefined {
  return DOCUMENT_TYPES.find((t) => t.code === code)
}

/**
 * The type whose abbreviation opens a notation ("QĐ-UBND" → Quyết định). Exact case first, since
 * the abbreviations are case-sensitive; then case-insensitively, for text that lost its case (OCR).
 */
export function documentTypeByAbbreviation(abbreviation: string): DocumentType | undefined {
  const exact = DOCUMENT_TYPES.find((t) => t.abbreviation === abbreviation)
  if (exact) return exact
  const upper = abbreviation.toUpperCase()
  return DOCUMENT_TYPES.find((t) => t.abbreviation !== null && t.abbreviation.toUpperCase() === upper)
}
