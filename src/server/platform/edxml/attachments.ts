/**
 * Attachment bytes: zipping for the wire (the SDK samples zip before base64) and unzipping what
 * arrives, with the declared sizes checked before anything is inflated.
 */
import { deflateSync, unzipSync, zipSync, type UnzipFileInfo } from 'fflate'
import { EdxmlError, type EdxmlWarning } from './errors.ts'

const TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  rtf: 'application/rtf',
  txt: 'text/plain',
  csv: 'text/csv',
  xml: 'application/xml',
  htm: 'text/html',
  html: 'text/html',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  bmp: 'image/bmp',
  zip: 'application/zip',
  rar: 'application/vnd.rar',
  '7z': 'application/x-7z-compressed',
  mp3: 'audio/mpeg',
  mp4: 'video/mp4',
}

/** The content type for a file name's extension, or undefined when the extension is unknown. */
export function guessContentType(name: string): string | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase()
  return ext ? TYPES[ext] : undefined
}

const ZIP_TYPES = new Set([
  'application/zip',
  'application/x-zip-compressed',
  'application/x-zip',
  'multipart/x-zip',
])
/** Formats that are zip files by design: PK magic there means the file itself, not a wrapper. */
const ZIP_BASED = /openxmlformats|opendocument|epub|java-archive|android|xpsdocument|ms-package/i
const ZIP_BASED_NAME = /\.(docx|xlsx|pptx|odt|ods|odp|epub|jar|apk|xps|zip)$/i

export function isZipType(contentType: string): boolean {
  return ZIP_TYPES.has(contentType.trim().toLowerCase())
}

/** A name safe as a zip entry (no folders, no reserved characters). */
export function zipEntryName(name: string): string {
  const safe = Array.from(name, (c) => (c < ' ' || '\\/:*?"<>|'.includes(c) ? '_' : c))
    .join('')
    .trim()
  return safe || 'tep-dinh-kem'
}

const SAMPLE = 16 * 1024

/**
 * Whether deflating would gain almost nothing (scanned PDFs, images, office files): fflate takes
 * ~100 ms per MB on such data for under 1% saved, so those are stored instead. Judged on a
 * 16 KB sample from the middle of the file.
 */
function isIncompressible(data: Uint8Array): boolean {
  if (data.length < 4 * SAMPLE) return false
  const at = Math.floor((data.length - SAMPLE) / 2)
  return deflateSync(data.subarray(at, at + SAMPLE), { level: 1 }).length > SAMPLE * 0.9
}

/** The file zipped alone under its name, as the SDK samples carry it (stored when deflate cannot help). */
export function zipOne(name: string, data: Uint8Array): Uint8Array {
  return zipSync({ [zipEntryName(name)]: [data, { level: isIncompressible(data) ? 0 : 6 }] })
}

export type Unpacked = { data: Uint8Array; contentType: string; name: string; zipped: boolean }

type Context = {
  name: string
  contentType: string
  path: string
  /** Bytes this attachment may still take, unzipped. */
  budget: number
  warn: (w: EdxmlWarning) => void
}

function listEntries(carried: Uint8Array): UnzipFileInfo[] | null {
  const entries: UnzipFileInfo[] = []
  try {
    unzipSync(carried, {
      filter: (f) => {
        entries.push(f)
        return false
      },
    })
  } catch {
    return null // not a readable zip: the caller keeps the bytes as they came
  }
  return entries
}

/**
 * What was carried → the file itself. Zip (declared, or PK magic under a type that is not
 * zip-based) holding one file → that file; several files → the zip as it is, with a warning.
 */
export function unpack(carried: Uint8Array, ctx: Context): Unpacked {
  const asIs: Unpacked = { data: carried, contentType: ctx.contentType, name: ctx.name, zipped: false }
  const isDeclaredZip = isZipType(ctx.contentType)
  const hasMagic = carried[0] === 0x50 && carried[1] === 0x4b && carried[2] === 0x03 && carried[3] === 0x04
  if (!isDeclaredZip && !(hasMagic && !ZIP_BASED.test(ctx.contentType) && !ZIP_BASED_NAME.test(ctx.name)))
    return asIs
  const entries = listEntries(carried)
  const files = entries?.filter((e) => !e.name.endsWith('/') && !e.name.startsWith('__MACOSX/'))
  if (!files || files.length !== 1) {
    if (isDeclaredZip)
      ctx.warn({
        code: files ? 'ZIP_MULTIPLE_FILES' : 'ZIP_UNREADABLE',
        path: ctx.path,
        message: files
          ? `Tệp nén "${ctx.name}" chứa ${files.length} tệp; giữ nguyên tệp nén`
          : `Không đọc được tệp nén "${ctx.name}"; giữ nguyên dữ liệu nhận được`,
      })
    return asIs
  }
  const entry = files[0]!
  if (entry.originalSize > ctx.budget)
    throw new EdxmlError('ZIP_BOMB', {
      message: `Tệp nén "${ctx.name}" khai báo ${entry.originalSize} byte khi giải nén, vượt giới hạn`,
      path: ctx.path,
    })
  if (entry.compression !== 0 && entry.compression !== 8) {
    ctx.warn({
      code: 'ZIP_UNREADABLE',
      path: ctx.path,
      message: `Tệp nén "${ctx.name}" dùng phương pháp nén ${entry.compression} không hỗ trợ; giữ nguyên tệp nén`,
    })
    return asIs
  }
  let data: Uint8Array | undefined
  try {
    // The output buffer is the declared size: a lying header cannot make it grow.
    data = unzipSync(carried, { filter: (f) => f.name === entry.name })[entry.name]
  } catch {
    data = undefined
  }
  if (!data) {
    if (isDeclaredZip)
      ctx.warn({
        code: 'ZIP_UNREADABLE',
        path: ctx.path,
        message: `Không giải nén được "${ctx.name}"; giữ nguyên tệp nén`,
      })
    return asIs
  }
  const entryName = entry.name.split('/').pop() || entry.name
  if (!isDeclaredZip)
    ctx.warn({
      code: 'ZIPPED_WITHOUT_ZIP_TYPE',
      path: ctx.path,
      message: `Tệp "${ctx.name}" được nén zip nhưng khai báo kiểu ${ctx.contentType}; đã giải nén`,
    })
  const isGeneric = isDeclaredZip || /^application\/octet-stream$/i.test(ctx.contentType.trim())
  const contentType = isGeneric
    ? (guessContentType(entryName) ??
      (/\.zip$/i.test(ctx.name) ? undefined : guessContentType(ctx.name)) ??
      'application/octet-stream')
    : ctx.contentType
  const name = /\.zip$/i.test(ctx.name) ? entryName : ctx.name
  return { data, contentType, name, zipped: true }
}
