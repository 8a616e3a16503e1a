/**
 * OCR and scan checks for digitisation (issue 6). No HTTP, no database: capture jobs call
 * `ocrPdf` on image-only PDFs and keep the searchable copy; uploads of scans run `checkScanRules`.
 */
export { OcrError, OCR_ERROR_CODES, type OcrErrorCode } from './errors.ts'
export {
  createOcrEngine,
  type OcrEngine,
  type OcrEngineOptions,
  type OcrImageResult,
  type OcrPageResult,
  type OcrPdfOptions,
  type OcrPdfResult,
} from './engine.ts'
export {
  checkScanRules,
  MIN_PDF_VERSION,
  MIN_SCAN_DPI,
  SCAN_PROBLEM_CODES,
  type ScanPage,
  type ScanProblem,
  type ScanProblemCode,
  type ScanReport,
} from './scan-rules.ts'
