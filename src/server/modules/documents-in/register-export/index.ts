/** Printing and exporting an incoming register for a date range (Decree 30/2020 Art. 22, Annex IV). */
export { exportFilename, type RegisterExport } from './layout.ts'
export { renderRegisterPdf } from './pdf.ts'
export { loadRegisterCover, loadRegisterRows, type RegisterExportRow } from './rows.ts'
export { writeRegisterXlsx } from './xlsx.ts'
export { exportRegister, REGISTER_EXPORTED } from './export-register.ts'
