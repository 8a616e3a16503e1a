/** The column mapping and the row checks, on CSV and Excel bytes, without a database. */
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { MIGRATION_COLUMNS } from '@common/contracts/migration'
import { readDay } from './cells.ts'
import { MigrationFileError } from './errors.ts'
import { prepareRows } from './prepare.ts'
import { readTable, XLSX_TYPE } from './read-table.ts'
import { documentTypeFromNotation, documentTypeOf, urgencyOf } from './vocab.ts'

const TODAY = '2026-03-20'

function csv(lines: string[]): Buffer {
  return Buffer.from(lines.join('\r\n'), 'utf8')
}

describe('headers', () => {
  it('reads Vietnamese headers with or without diacritics, in any case, and the TT 02/2019 English names', async () => {
    const variants = [
      'Số đến,Ngày đến,Cơ quan ban hành,Trích yếu,Loại văn bản',
      'SO DEN;ngay den;CO QUAN BAN HANH;trich yeu;loai van ban',
      'ArrivalNumber,ArrivalDate,OrganName,Subject,TypeName',
    ]
    for (const header of variants) {
      const delimiter = header.includes(';') ? ';' : ','
      const row = ['7', '05/01/2019', 'Bộ Ngoại giao', 'Về hợp tác sông Mê Công', 'QĐ'].join(delimiter)
      const { rows, warnings } = await prepareRows('incoming', csv([header, row]), 'text/csv', TODAY)
      expect(warnings, header).toEqual([])
      expect(rows[0]!.problems, header).toEqual([])
      expect(rows[0]!.record, header).toMatchObject({
        registerNumber: 7,
        registerYear: 2019,
        senderName: 'Bộ Ngoại giao',
        documentType: 'QĐ',
        key: 'incoming:2019:7',
      })
    }
  })

  it('skips a title row above the header, warns of unknown columns and ignores STT', async () => {
    const { rows, warnings } = await prepareRows(
      'incoming',
      csv([
        'SỔ ĐĂNG KÝ VĂN BẢN ĐẾN NĂM 2019,,,,,',
        'STT,Số đến,Ngày đến,Cơ quan ban hành,Trích yếu,Người nhận bản lưu',
        '1,12,2019-02-01,Bộ Tài chính,Về kinh phí,Văn thư',
      ]),
      'text/csv',
      TODAY,
    )
    expect(rows).toHaveLength(1)
    expect(rows[0]!.row).toBe(3)
    expect(warnings).toEqual([
      expect.objectContaining({ row: 2, column: 'Người nhận bản lưu', level: 'warning' }),
    ])
  })

  it('fails the file when a required column is missing, naming it', async () => {
    const error = await prepareRows(
      'incoming',
      csv(['Số đến,Ngày đến,Trích yếu', '1,01/01/2019,Về việc A']),
      'text/csv',
      TODAY,
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(MigrationFileError)
    expect((error as Error).message).toContain('Cơ quan ban hành')
  })

  it('documents every column and every accepted name in docs/migration.md', () => {
    const doc = fs.readFileSync(path.resolve(import.meta.dirname, '../../../../docs/migration.md'), 'utf8')
    const missing = (['incoming', 'outgoing'] as const).flatMap((kind) =>
      MIGRATION_COLUMNS[kind].flatMap((c) => [c.header, ...c.aliases]).filter((name) => !doc.includes(name)),
    )
    expect(missing).toEqual([])
  })

  it('has a template header for every column, each header mapping to its own field', () => {
    for (const kind of ['incoming', 'outgoing'] as const) {
      const headers = MIGRATION_COLUMNS[kind].map((c) => c.header)
      expect(new Set(headers).size).toBe(headers.length)
    }
  })
})

describe('cells', () => {
  it('reads dd/mm/yyyy, yyyy-mm-dd, "ngày … tháng … năm …" and Excel dates; refuses impossible days', () => {
    expect(readDay('05/01/2019', 2027)).toEqual({ value: { date: '2019-01-05', time: null } })
    expect(readDay('5-1-2019 08:30', 2027)).toEqual({ value: { date: '2019-01-05', time: '08:30' } })
    expect(readDay('2019-01-05', 2027)).toEqual({ value: { date: '2019-01-05', time: null } })
    expect(readDay('ngày 05 tháng 01 năm 2019', 2027)).toEqual({ value: { date: '2019-01-05', time: null } })
    expect(readDay(new Date(Date.UTC(2019, 0, 5)), 2027)).toEqual({
      value: { date: '2019-01-05', time: null },
    })
    expect(readDay(43470, 2027)).toEqual({ value: { date: '2019-01-05', time: null } })
    expect(readDay('31/02/2019', 2027)).toEqual({ error: "'31/02/2019' không phải ngày hợp lệ" })
    expect(readDay('05/01/19', 2027)).toMatchObject({ error: expect.stringContaining('4 chữ số') })
    expect(readDay('hôm qua', 2027)).toMatchObject({ error: expect.stringContaining('dd/mm/yyyy') })
  })

  it('maps type names and abbreviations, with or without diacritics, and infers the type from the notation', () => {
    expect(documentTypeOf('Quyết định')).toBe('QĐ')
    expect(documentTypeOf('quyet dinh')).toBe('QĐ')
    expect(documentTypeOf('QĐ')).toBe('QĐ')
    expect(documentTypeOf('qđ')).toBe('QĐ')
    expect(documentTypeOf('TTr')).toBe('TTr')
    expect(documentTypeOf('Tờ trình')).toBe('TTr')
    expect(documentTypeOf('Công văn')).toBe('CV')
    expect(documentTypeOf('ĐA')).toBe('ĐA')
    expect(documentTypeOf('DA')).toBe('DA')
    expect(documentTypeOf('Đề án')).toBe('ĐA')
    expect(documentTypeOf('Thư chúc mừng')).toBeNull()
    expect(documentTypeFromNotation('QĐ-UBND')).toBe('QĐ')
    expect(documentTypeFromNotation('2020/NĐ-CP')).toBe('NĐ')
    expect(documentTypeFromNotation('UBND-VP')).toBe('CV')
    expect(urgencyOf('Hỏa tốc')).toBe('flash')
    expect(urgencyOf('thuong khan')).toBe('very_urgent')
    expect(urgencyOf('')).toBe('normal')
    expect(urgencyOf('Rất gấp')).toBeNull()
  })
})

describe('rows', () => {
  const HEADER =
    'Mã,Số đến,Ngày đến,Số ký hiệu,Ngày ban hành,Cơ quan ban hành,Loại văn bản,Trích yếu,Độ khẩn,Số trang'

  it('reports every problem of a row with its row number and column, in Vietnamese', async () => {
    const { rows } = await prepareRows(
      'incoming',
      csv([
        HEADER,
        'A1,1,02/01/2019,12/BNG-VP,01/01/2019,Bộ Ngoại giao,CV,Về việc một,,2',
        'A2,2,31/02/2019,,,Bộ Ngoại giao,Thư chúc mừng,,Rất gấp,hai',
        'A3,x3,03/01/2019,,05/01/2019,,,Về việc ba,,',
      ]),
      'text/csv',
      TODAY,
    )
    expect(rows[0]!.problems).toEqual([])
    expect(rows[1]!.record).toBeNull()
    expect(rows[1]!.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [3, 'Ngày đến', "'31/02/2019' không phải ngày hợp lệ"],
      [3, 'Loại văn bản', expect.stringContaining("'Thư chúc mừng' không có trong danh mục")],
      [3, 'Trích yếu', 'bắt buộc, ô đang trống'],
      [3, 'Độ khẩn', expect.stringContaining("'Rất gấp' không phải độ khẩn")],
      [3, 'Số trang', "'hai' không phải số nguyên dương"],
    ])
    expect(rows[2]!.problems.map((p) => [p.row, p.column])).toEqual([
      [4, 'Số đến'],
      [4, 'Ngày ban hành'],
      [4, 'Cơ quan ban hành'],
      [4, 'Loại văn bản'],
    ])
  })

  it('reports duplicates inside the file: the same Mã, and the same number in a year, naming the first row', async () => {
    const { rows } = await prepareRows(
      'incoming',
      csv([
        HEADER,
        'A1,1,02/01/2019,,,Bộ Ngoại giao,CV,Về việc một,,',
        'A1,2,03/01/2019,,,Bộ Ngoại giao,CV,Về việc hai,,',
        'A3,1,04/01/2019,,,Bộ Ngoại giao,CV,Về việc ba,,',
        'A4,1,04/01/2020,,,Bộ Ngoại giao,CV,Số 1 của năm sau,,',
      ]),
      'text/csv',
      TODAY,
    )
    expect(rows.map((r) => r.problems.map((p) => `${p.row}|${p.column}|${p.message}`))).toEqual([
      [],
      ["3|Mã|mã 'A1' trùng với dòng 2"],
      ['4|Số đến|Số đến 1 năm 2019 trùng với dòng 2'],
      [],
    ])
  })

  it('reads outgoing numbers from "Số" and "Ký hiệu" or from "Số ký hiệu", and checks they agree', async () => {
    const { rows } = await prepareRows(
      'outgoing',
      csv([
        'Số,Ký hiệu,Số ký hiệu,Ngày ban hành,Trích yếu,Người ký',
        '15,QĐ-UBSMCVN,,12/03/2019,Ban hành quy chế,Lê Minh Hoàng',
        ',,Số: 16 / UBSMCVN-VP,13/03/2019,V/v phối hợp,',
        '17,,18/TB-UBSMCVN,14/03/2019,Thông báo,',
        ',,TB-UBSMCVN,15/03/2019,Không số,',
      ]),
      'text/csv',
      TODAY,
    )
    expect(rows[0]!.record).toMatchObject({
      registerNumber: 15,
      numberAndNotation: '15/QĐ-UBSMCVN',
      documentType: 'QĐ',
      key: 'outgoing:2019:15',
    })
    expect(rows[1]!.record).toMatchObject({
      registerNumber: 16,
      numberAndNotation: '16/UBSMCVN-VP',
      documentType: 'CV',
    })
    expect(rows[2]!.problems.map((p) => p.message)).toEqual(['số 18 khác với cột Số (17)'])
    expect(rows[3]!.problems.map((p) => p.column)).toEqual(['Số'])
  })

  it('refuses secret documents (Decree 30/2020 Art. 15.2)', async () => {
    const { rows } = await prepareRows(
      'incoming',
      csv(['Số đến,Ngày đến,Cơ quan ban hành,Trích yếu,Độ mật', '1,02/01/2019,Bộ Công an,Về việc X,Mật']),
      'text/csv',
      TODAY,
    )
    expect(rows[0]!.problems[0]!.message).toContain('văn bản mật')
  })

  it('reads the first sheet of an .xlsx, with real Excel dates and numbers', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('Văn bản đến')
    ws.addRow(['Số đến', 'Ngày đến', 'Cơ quan ban hành', 'Trích yếu', 'Loại văn bản', 'Tệp'])
    ws.addRow([
      41,
      new Date(Date.UTC(2019, 4, 6)),
      'UBND tỉnh An Giang',
      'Báo cáo tình hình hạn mặn',
      'Báo cáo',
      'a.pdf; b.pdf',
    ])
    const bytes = Buffer.from(await wb.xlsx.writeBuffer())
    const { rows } = await prepareRows('incoming', bytes, XLSX_TYPE, TODAY)
    expect(rows[0]!.record).toMatchObject({
      row: 2,
      registerNumber: 41,
      registerYear: 2019,
      arrivedAt: new Date('2019-05-06T00:00:00+07:00'),
      documentType: 'BC',
      files: ['a.pdf', 'b.pdf'],
    })
  })

  it('reads a large .xlsx in a worker thread: every row in order, and the event loop keeps turning', async () => {
    const ROWS = 20_000
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('Sổ')
    ws.addRow(['Mã', 'Số đến', 'Ngày đến', 'Cơ quan ban hành', 'Trích yếu'])
    for (let n = 1; n <= ROWS; n++)
      ws.addRow([`X-${n}`, n, new Date(Date.UTC(2019, 0, 1)), 'Bộ Ngoại giao', `Văn bản thứ ${n}`])
    const bytes = Buffer.from(await wb.xlsx.writeBuffer())
    // Read on the main thread, exceljs held it in one stretch for about half the read (0.6 s of
    // 1.2 s at this size); in the worker the main thread only takes batches of rows. A share of
    // the read rather than a fixed bound: the machine may be busy with other work.
    const started = performance.now()
    let last = started
    let longest = 0
    const probe = setInterval(() => {
      const now = performance.now()
      longest = Math.max(longest, now - last)
      last = now
    }, 5)
    const table = await readTable(bytes, XLSX_TYPE)
    clearInterval(probe)
    const total = performance.now() - started
    expect(table).toHaveLength(ROWS + 1)
    expect(table.map((r) => r.row)).toEqual(Array.from({ length: ROWS + 1 }, (_, i) => i + 1))
    expect(table[ROWS]!.cells.slice(0, 2)).toEqual([`X-${ROWS}`, ROWS])
    expect(longest, `longest stall ${longest.toFixed(0)} ms of ${total.toFixed(0)} ms`).toBeLessThan(
      total / 4,
    )
  }, 60_000)

  it('explains an .xlsx that is not one, in Vietnamese', async () => {
    const error = await prepareRows('incoming', Buffer.from('không phải Excel'), XLSX_TYPE, TODAY).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(MigrationFileError)
    expect((error as Error).message).toMatch(
      /^Tệp Excel không đọc được \(.+\)\. Mở lại bằng Excel và lưu dạng \.xlsx\.$/,
    )
  })
})
