/** DOCX → PDF conversion (LibreOffice headless). */
export {
  CONVERSION_ERROR_CODES,
  ConversionError,
  createDocxConverter,
  type ConversionErrorCode,
  type DocxConverter,
} from './docx-to-pdf.ts'
