import { describe, expect, it } from 'vitest'
import { AppError } from '../../platform/errors.ts'
import { normalizeKey, normalizeKind, parseOrganizationCsv } from './csv.ts'

function csvError(csv: string): AppError {
  try {
    parseOrganizationCsv(csv)
  } catch (err) {
    if (err instanceof AppError) return err
    throw err
  }
  throw new Error('expected CSV_INVALID')
}

describe('organization CSV reading', () => {
  it('normalises Vietnamese headers and kinds', () => {
    expect(normalizeKey(' Tên viết tắt ')).toBe('ten_viet_tat')
    expect(normalizeKey('Mã định danh')).toBe('ma_dinh_danh')
    expect(normalizeKey('Điện thoại')).toBe('dien_thoai')
    expect(normalizeKind('Bộ')).toBe('ministry')
    expect(normalizeKind('Tỉnh')).toBe('province')
    expect(normalizeKind('PROVINCE')).toBe('province')
    expect(normalizeKind('Quốc tế')).toBe('international')
    expect(normalizeKind('xyz')).toBe('xyz')
  })

  it('reads English headers, a BOM, quoted cells over two lines, and reports where each row starts', () => {
    const csv =
      '\uFEFFcode,name,short_name,kind\n000.00.00.G01,"Bộ Tài nguyên\nvà Môi trường",BTNMT,ministry\n\n000.00.00.H02,Tỉnh An Giang,,tinh\n'
    const { columns, rows } = parseOrganizationCsv(csv)
    expect(columns).toEqual(['code', 'name', 'shortName', 'kind'])
    expect(rows.map((r) => r.line)).toEqual([2, 5])
    expect(rows[0]!.cells).toEqual({
      code: '000.00.00.G01',
      name: 'Bộ Tài nguyên\nvà Môi trường',
      shortName: 'BTNMT',
      kind: 'ministry',
    })
    expect(rows[1]!.problem).toBeNull()
  })

  it('reads Vietnamese headers with ";" as Excel writes them, and ignores an STT column', () => {
    const { columns, rows } = parseOrganizationCsv(
      'STT;Mã định danh;Tên;Loại;Địa chỉ\n1;000.00.00.G01;Bộ Ngoại giao;Bộ;1 Tôn Thất Đàm, Hà Nội\n',
    )
    expect(columns).toEqual(['code', 'name', 'kind', 'address'])
    expect(rows[0]!.cells.address).toBe('1 Tôn Thất Đàm, Hà Nội')
  })

  it('flags a row with the wrong number of cells without failing the file', () => {
    const { rows } = parseOrganizationCsv('code,name\n000.00.00.G01,Bộ A,extra\n000.00.00.G02,Bộ B\n')
    expect(rows[0]!.problem).toMatch(/3 cột/)
    expect(rows[1]!.problem).toBeNull()
  })

  it('refuses files it cannot read with CSV_INVALID and a message', () => {
    expect(csvError('').code).toBe('CSV_INVALID')
    expect(csvError('name,kind\nBộ A,ministry\n').message).toMatch(/code/)
    expect(csvError('code,name,fax\n1,2,3\n').message).toMatch(/fax/)
    expect(csvError('code,name,ma\n1,2,3\n').message).toMatch(/lặp/)
    expect(csvError('code,name\n"000,Bộ\n').message).toMatch(/định dạng/)
  })
})
