/**
 * The incoming register as a workbook: the organ and title rows, the ten columns of the paper
 * register (Annex IV), dates as real dates (dd/mm/yyyy), wrapped text, set widths, A4 landscape.
 */
import ExcelJS from 'exceljs'
import { coverLines, REGISTER_COLUMNS, type RegisterExport } from './layout.ts'

/** A yyyy-mm-dd day as the Date exceljs writes as that serial day (it counts in UTC). */
function excelDay(day: string): Date {
  const [y, m, d] = day.split('-').map(Number)
  return new Date(Date.UTC(y!, m! - 1, d!))
}

const FONT = 'Times New Roman'
const THIN = { style: 'thin' } as const
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN }

export async function writeRegisterXlsx(e: RegisterExport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Mekong eOffice'
  const ws = wb.addWorksheet('Sổ văn bản đến', {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 1.18, right: 0.59, top: 0.79, bottom: 0.79, header: 0.3, footer: 0.3 },
      printTitlesRow: '5:6',
    },
  })
  const n = REGISTER_COLUMNS.length
  ws.columns = REGISTER_COLUMNS.map((c) => ({ width: Math.round(c.width / 5) }))
  const lines = coverLines(e)
  const title = (row: number, text: string, bold: boolean, size: number) => {
    ws.mergeCells(row, 1, row, n)
    const cell = ws.getCell(row, 1)
    cell.value = text
    cell.font = { name: FONT, size, bold }
    cell.alignment = { horizontal: 'center', vertical: 'middle' }
  }
  const organs = [e.cover.parentOrganName, e.cover.organName].filter(Boolean).join(' – ')
  title(1, organs.toUpperCase(), true, 12)
  title(2, e.registerName.toUpperCase(), true, 14)
  title(3, `${lines.year}. ${lines.dates}. ${lines.numbers}`, false, 12)

  const head = ws.getRow(5)
  const numbers = ws.getRow(6)
  REGISTER_COLUMNS.forEach((c, i) => {
    const h = head.getCell(i + 1)
    h.value = c.title
    const k = numbers.getCell(i + 1)
    k.value = `(${i + 1})`
    for (const cell of [h, k]) {
      cell.font = { name: FONT, size: 11, bold: true }
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
      cell.border = BORDER
    }
  })
  ws.views = [{ state: 'frozen', ySplit: 6 }]

  e.rows.forEach((r, index) => {
    const row = ws.getRow(7 + index)
    REGISTER_COLUMNS.forEach((c, i) => {
      const v = c.value(r)
      const cell = row.getCell(i + 1)
      if (v.date) {
        cell.value = excelDay(v.date)
        cell.numFmt = 'dd/mm/yyyy'
      } else if (i === 1) cell.value = r.registerNumber
      else cell.value = v.text
      cell.font = { name: FONT, size: 11 }
      cell.alignment = { horizontal: c.align, vertical: 'top', wrapText: true }
      cell.border = BORDER
    })
  })
  return Buffer.from(await wb.xlsx.writeBuffer())
}
