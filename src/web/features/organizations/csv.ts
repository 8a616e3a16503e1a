/** The CSV template for importing organizations, and reading a picked file as UTF-8 text. */

export const CSV_HEADER = ['code', 'name', 'short_name', 'kind', 'email', 'phone', 'address'] as const

function cell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

export function csvLine(values: readonly string[]): string {
  return values.map(cell).join(',')
}

/** A template with the header row and example rows; with a BOM so spreadsheet programs read it as UTF-8. */
export function templateCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${[CSV_HEADER, ...rows].map(csvLine).join('\r\n')}\r\n`
}

/** Read a file as UTF-8 text, dropping a byte-order mark. */
export async function readCsvFile(file: Blob): Promise<string> {
  const text = await file.text()
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1_000)
}
