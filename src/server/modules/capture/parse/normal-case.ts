/**
 * Organ names from upper case to normal case, after the capitalisation rules of Nghị định
 * 30/2020/NĐ-CP, Phụ lục II: capital on the first syllable of the organ's type and of each word
 * group naming its function ("Bộ Tài nguyên và Môi trường"); administrative unit words in lower
 * case before a proper name, which takes a capital on every syllable ("tỉnh Đắk Lắk"). Scoring
 * compares names case-insensitively, so this is for display; it is not a full grammar.
 */
import { key } from './text.ts'
import { LOCALITY_WORDS, ORGAN_HEADS, startsWithPhrase } from './vocabulary.ts'

/** Proper names that keep a capital on every syllable inside an organ name. */
const PROPER_NAMES = [
  'việt nam',
  'mê công',
  'cửu long',
  'hồ chí minh',
  'trung ương',
  'hà nội',
  'huế',
  'đà nẵng',
  'hải phòng',
  'cần thơ',
  'an giang',
  'đồng tháp',
  'vĩnh long',
  'cà mau',
  'tây ninh',
  'đồng nai',
  'lâm đồng',
  'đắk lắk',
  'gia lai',
  'khánh hòa',
  'quảng ngãi',
  'quảng trị',
  'quảng ninh',
  'kiên giang',
  'sóc trăng',
  'bạc liêu',
  'hậu giang',
  'bến tre',
  'trà vinh',
  'tiền giang',
  'long an',
  'sê san',
  'srêpốk',
] as const

/** Organ heads whose second word is also capitalised (Phụ lục II examples). */
const HEAD_FORMS: Record<string, string> = {
  'ban chỉ đạo': 'Ban Chỉ đạo',
  'ban quản lý': 'Ban Quản lý',
  'bộ chỉ huy': 'Bộ Chỉ huy',
  'bộ tư lệnh': 'Bộ Tư lệnh',
}

const CONNECTORS = new Set(['và', 'về', 'của', 'các', 'thuộc', 'trực', 'tại'])
const VOWELS = /[aăâeêioôơuưyáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]/

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}

/** An acronym has no vowel (UBND, HĐND, TTĐT) and keeps its capitals. */
function isAcronym(upperWord: string): boolean {
  return !VOWELS.test(upperWord.toLowerCase().replace(/[^\p{L}]/gu, ''))
}

/** Normal case for an upper-case organ name ("ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK" → "Ủy ban nhân dân tỉnh Đắk Lắk"). */
export function organNormalCase(upper: string): string {
  const words = upper.trim().split(/\s+/).filter(Boolean)
  const out: string[] = []
  let i = 0
  const head = startsWithPhrase(key(upper), ORGAN_HEADS)
  if (head) {
    const n = head.split(' ').length
    out.push(HEAD_FORMS[head] ?? capitalize(words.slice(0, n).join(' ').toLowerCase()))
    i = n
  }
  let chunkStart = true
  let properRun = false
  while (i < words.length) {
    const word = words[i]!
    const lower = word.toLowerCase()
    const rest = key(words.slice(i).join(' '))
    const locality = startsWithPhrase(rest, LOCALITY_WORDS)
    const proper = startsWithPhrase(rest, PROPER_NAMES)
    if (rest.startsWith('thành phố hồ chí minh')) {
      out.push('Thành phố Hồ Chí Minh')
      i += 5
      continue
    }
    if (locality && i + locality.split(' ').length < words.length) {
      const n = locality.split(' ').length
      out.push(
        words
          .slice(i, i + n)
          .join(' ')
          .toLowerCase(),
      )
      i += n
      properRun = true // everything after an administrative unit word is its proper name
      continue
    }
    if (proper) {
      const n = proper.split(' ').length
      out.push(...words.slice(i, i + n).map((w) => capitalize(w.toLowerCase())))
      i += n
      chunkStart = false
      continue
    }
    if (/^\d/.test(word) || isAcronym(word)) out.push(word)
    else if (properRun) out.push(capitalize(lower))
    else if (CONNECTORS.has(lower.replace(/,$/, ''))) out.push(lower)
    else out.push(chunkStart ? capitalize(lower) : lower)
    chunkStart = CONNECTORS.has(lower) || /,$/.test(word)
    i++
  }
  return out.join(' ')
}
