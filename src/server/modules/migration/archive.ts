/**
 * The zip of the previous system's files: an index of its entries by path and by name, so the
 * "Tệp" column can name a file as "2019/123.pdf" or just "123.pdf" (case and Unicode form do not
 * matter), and extraction of the entries a chunk needs, each checked by its content against the
 * types the files module accepts. Names stored without the zip's UTF-8 flag are read as UTF-8 when
 * they are (most Vietnamese tools write them so), else as the bytes say.
 */
import { isUtf8 } from 'node:buffer'
import { fileTypeFromBuffer } from 'file-type'
import { unzipSync } from 'fflate'
import { ALLOWED_MEDIA_TYPES } from '@common/contracts/files'
import { MigrationFileError } from './errors.ts'
import { fold } from './fold.ts'

export type ArchiveEntry = { raw: string; path: string; size: number }

export type ArchiveIndex = {
  data: Uint8Array
  entries: ArchiveEntry[]
  byPath: Map<string, ArchiveEntry>
  byName: Map<string, ArchiveEntry[]>
  byFoldedName: Map<string, ArchiveEntry[]>
}

const ALLOWED: ReadonlySet<string> = new Set(ALLOWED_MEDIA_TYPES)
const TEXT_TYPES: Readonly<Record<string, string>> = {
  txt: 'text/plain',
  csv: 'text/csv',
  xml: 'application/xml',
}
/** What the dry run accepts by name (the import checks the content). */
const KNOWN_EXTENSIONS = new Set([
  'pdf',
  'docx',
  'xlsx',
  'odt',
  'png',
  'jpg',
  'jpeg',
  'tif',
  'tiff',
  'xml',
  'txt',
  'csv',
])

function decodeName(raw: string): string {
  const bytes = Buffer.from(raw, 'latin1')
  // fflate read the name as Latin-1 unless the UTF-8 flag was set; a UTF-8 name survives the round trip.
  const name = [...raw].every((c) => c.charCodeAt(0) < 256) && isUtf8(bytes) ? bytes.toString('utf8') : raw
  return name.normalize('NFC')
}

function normalizePath(path: string): string {
  return path
    .normalize('NFC')
    .replace(/\\/g, '/')
    .replace(/^(\.\/|\/)+/, '')
    .toLowerCase()
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

function push<K>(map: Map<K, ArchiveEntry[]>, key: K, entry: ArchiveEntry): void {
  const list = map.get(key)
  if (list) list.push(entry)
  else map.set(key, [entry])
}

/** List a zip's files without decompressing them; a file that is not a zip fails the run. */
export function indexArchive(data: Uint8Array): ArchiveIndex {
  const entries: ArchiveEntry[] = []
  try {
    unzipSync(data, {
      filter: (info) => {
        const path = decodeName(info.name)
        if (!path.endsWith('/') && !path.startsWith('__MACOSX/') && !baseName(path).startsWith('.'))
          entries.push({ raw: info.name, path, size: info.originalSize })
        return false
      },
    })
  } catch (err) {
    throw new MigrationFileError(
      `Tệp nén không đọc được (${err instanceof Error ? err.message : String(err)}): nén lại các tệp thành một tệp .zip.`,
    )
  }
  const index: ArchiveIndex = { data, entries, byPath: new Map(), byName: new Map(), byFoldedName: new Map() }
  for (const e of entries) {
    const path = normalizePath(e.path)
    index.byPath.set(path, e)
    push(index.byName, baseName(path), e)
    push(index.byFoldedName, fold(baseName(path)), e)
  }
  return index
}

export type Resolved = { entry: ArchiveEntry } | { error: string }

/** The entry a "Tệp" name designates: exact path first, then the file name alone, then without diacritics. */
export function resolveFile(index: ArchiveIndex | null, name: string, maxBytes: number): Resolved {
  if (!index)
    return { error: `không có tệp nén (.zip) để lấy tệp '${name}': tải tệp nén lên cùng tệp dữ liệu` }
  const path = normalizePath(name)
  const candidates = index.byPath.get(path)
    ? [index.byPath.get(path)!]
    : (index.byName.get(baseName(path)) ?? index.byFoldedName.get(fold(baseName(path))) ?? [])
  if (candidates.length === 0) return { error: `không tìm thấy tệp '${name}' trong tệp nén` }
  if (candidates.length > 1)
    return {
      error: `tệp nén có ${candidates.length} tệp tên '${baseName(name)}' (${candidates.map((c) => c.path).join(', ')}): ghi rõ thư mục`,
    }
  const entry = candidates[0]!
  if (entry.size > maxBytes)
    return {
      error: `tệp '${name}' lớn ${Math.ceil(entry.size / 1048576)} MB, quá giới hạn ${Math.floor(maxBytes / 1048576)} MB`,
    }
  const ext = baseName(entry.path).split('.').pop()?.toLowerCase() ?? ''
  if (!KNOWN_EXTENSIONS.has(ext))
    return {
      error: `tệp '${name}' có dạng .${ext} không được phép (PDF, DOCX, XLSX, ODT, ảnh PNG/JPEG/TIFF, XML, TXT, CSV)`,
    }
  return { entry }
}

/** Decompress the given entries (names as listed). */
export function extractEntries(
  index: ArchiveIndex,
  entries: readonly ArchiveEntry[],
): Map<string, Uint8Array> {
  if (entries.length === 0) return new Map()
  const wanted = new Set(entries.map((e) => e.raw))
  const out = unzipSync(index.data, { filter: (info) => wanted.has(info.name) })
  return new Map(Object.entries(out))
}

/** Control characters other than tab, line feed, form feed and carriage return mark binary data. */
function hasControlCharacters(bytes: Uint8Array): boolean {
  return bytes.some((b) => (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f)
}

/** The media type of extracted content if the files module would accept it, else null (checked by bytes, not by name). */
export async function acceptedMediaType(name: string, bytes: Uint8Array): Promise<string | null> {
  if (bytes.length === 0) return null
  const detected = (await fileTypeFromBuffer(bytes))?.mime
  if (detected && ALLOWED.has(detected)) return detected
  const text = TEXT_TYPES[name.split('.').pop()?.toLowerCase() ?? '']
  return text && isUtf8(bytes) && !hasControlCharacters(bytes) ? text : null
}
