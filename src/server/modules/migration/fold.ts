/** Text compared without regard to case and Vietnamese diacritics (đ → d): headers, names, vocabularies. */

/** Lower case, no diacritics, single spaces: 'Cơ quan  Ban hành' → 'co quan ban hanh'. */
export function fold(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
}

/** fold() without anything but letters and digits: 'Số, ký hiệu' → 'sokyhieu', 'SignerInfo/FullName' → 'signerinfofullname'. */
export function foldKey(value: string): string {
  return fold(value).replace(/[^a-z0-9]/g, '')
}

/** NFC, lower case, single spaces; diacritics kept: two people whose names differ only by tone marks stay apart. */
export function nameKey(value: string): string {
  return value.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim()
}
