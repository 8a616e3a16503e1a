/**
 * Word lists the parsers recognise, in comparison-key form (see key() in text.ts): lower case,
 * canonical tones. Longer phrases come first where one is a prefix of another.
 */

/** Words that open the name of an organ: a header line starting with one begins a new body. */
export const ORGAN_HEADS = [
  'ủy ban nhân dân',
  'hội đồng nhân dân',
  'ủy ban',
  'hội đồng',
  'văn phòng',
  'tổng cục',
  'tổng công ty',
  'tổng liên đoàn',
  'chi cục',
  'cục',
  'bộ chỉ huy',
  'bộ tư lệnh',
  'bộ',
  'sở',
  'vụ',
  'viện kiểm sát',
  'viện',
  'học viện',
  'ban chỉ đạo',
  'ban quản lý',
  'ban',
  'phòng',
  'trung tâm',
  'trường',
  'đại học',
  'bệnh viện',
  'tòa án',
  'kiểm toán',
  'thanh tra',
  'ngân hàng',
  'kho bạc',
  'công an',
  'quân khu',
  'quân đoàn',
  'sư đoàn',
  'bộ đội',
  'cảng vụ',
  'công ty',
  'tập đoàn',
  'đài',
  'báo',
  'thông tấn xã',
  'đại sứ quán',
  'tỉnh ủy',
  'thành ủy',
  'đảng ủy',
  'chính phủ',
  'thủ tướng chính phủ',
  'quốc hội',
  'liên đoàn',
  'hội',
  'đoàn',
] as const

/** Administrative units written in lower case before a proper name (Phụ lục II of Decree 30). */
export const LOCALITY_WORDS = [
  'thành phố',
  'tỉnh',
  'huyện',
  'quận',
  'thị xã',
  'thị trấn',
  'xã',
  'phường',
  'đặc khu',
] as const

/** Words that open a leader's title (signature block, the authority line of a decision). */
export const TITLE_HEADS = [
  'bộ trưởng',
  'thứ trưởng',
  'chủ tịch',
  'phó chủ tịch',
  'chủ nhiệm',
  'phó chủ nhiệm',
  'thủ tướng',
  'phó thủ tướng',
  'tổng cục trưởng',
  'phó tổng cục trưởng',
  'cục trưởng',
  'phó cục trưởng',
  'vụ trưởng',
  'phó vụ trưởng',
  'giám đốc',
  'phó giám đốc',
  'tổng giám đốc',
  'phó tổng giám đốc',
  'trưởng ban',
  'phó trưởng ban',
  'trưởng phòng',
  'phó trưởng phòng',
  'chánh văn phòng',
  'phó chánh văn phòng',
  'chánh thanh tra',
  'phó chánh thanh tra',
  'tổng thanh tra',
  'chánh án',
  'viện trưởng',
  'phó viện trưởng',
  'hiệu trưởng',
  'phó hiệu trưởng',
  'tư lệnh',
  'phó tư lệnh',
  'chính ủy',
  'tổng kiểm toán',
  'thống đốc',
  'phó thống đốc',
  'chi cục trưởng',
  'trưởng đoàn',
  'trưởng',
  'phó',
  'ủy viên',
  'thư ký',
  'người ký',
] as const

/** Military and police ranks printed before a signer's name ("Thiếu tướng Nguyễn Văn A"). */
export const RANKS = [
  'đại tướng',
  'thượng tướng',
  'trung tướng',
  'thiếu tướng',
  'đô đốc',
  'phó đô đốc',
  'chuẩn đô đốc',
  'đại tá',
  'thượng tá',
  'trung tá',
  'thiếu tá',
  'đại úy',
  'thượng úy',
  'trung úy',
  'thiếu úy',
] as const

/** Academic titles and degrees sometimes printed before a name ("PGS.TS. Trần Văn B"). */
export const HONORIFIC_PATTERN =
  /^((?:(?:GS|PGS|TS|ThS|TSKH|BS|CKII|CKI|KS|LS|NGND|NGƯT|NSND|NSƯT)\.?\s*)+)\s+/u

/** How paragraphs of a body usually begin: a subject or a list of addressees has ended. */
export const BODY_OPENERS = [
  'căn cứ',
  'thực hiện',
  'theo',
  'xét',
  'để',
  'nhằm',
  'ngày',
  'trong',
  'hôm nay',
  'điều',
  'kính gửi',
  'nơi nhận',
  'quyết định:',
  'thời gian',
  'vừa qua',
  'hiện nay',
  'tiếp theo',
  'phúc đáp',
  'trả lời',
] as const

/** Phrases of the national name and motto (Quốc hiệu, Tiêu ngữ; Phụ lục I, ô 1), loose keys. */
export const MOTTO_LOOSE = ['cong hoa xa hoi', 'chu nghia viet nam', 'doc lap - tu do', 'doc lap'] as const

/** Urgency and secrecy stamps (Decree 30 Art. 8, Phụ lục I ô 10a/10b), loose keys. */
export const URGENCY_LOOSE = ['hoa toc', 'thuong khan', 'khan'] as const
export const SECRECY_LOOSE = ['tuyet mat', 'toi mat', 'mat'] as const

import { key, looseKey } from './text.ts'

/** Whether `k` (a key) starts with one of the phrases, as whole words ("bộ trưởng, chủ nhiệm" opens with "bộ trưởng"). */
export function startsWithPhrase(k: string, phrases: readonly string[]): string | undefined {
  return phrases.find(
    (p) => k.startsWith(p) && (k.length === p.length || /^[\s:.,;]/.test(k.slice(p.length))),
  )
}

/** startsWithPhrase on a line, also when the line lost its diacritics (OCR): "CUC THUE" opens with "cục". */
export function opensWith(line: string, phrases: readonly string[]): string | undefined {
  const exact = startsWithPhrase(key(line), phrases)
  if (exact) return exact
  const loose = looseKey(key(line))
  return phrases.find((p) => startsWithPhrase(loose, [looseKey(p)]))
}
