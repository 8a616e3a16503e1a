/**
 * Capture: read the registration fields of a received document from its own text (issue 3,
 * "smart capture"). extractText turns a PDF, DOCX or text file into text; captureFields reads the
 * fields from any text, so OCR output (issue 6) will feed the same parser.
 */
import type { FastifyInstance } from 'fastify'
import type { AppModule } from '../../app.ts'
import { captureRoutes } from './routes.ts'

export { captureFile, type CaptureDeps } from './capture-file.ts'
export {
  CAPTURE_MEDIA_TYPES,
  extractText,
  isCaptureMediaType,
  type ExtractOptions,
  type Extraction,
} from './extract/extract-text.ts'
export { captureFields } from './parse/capture-fields.ts'
export { findOcrRead, keepOcrRead, type OcrRead } from './ocr-reads.ts'

export const captureModule: AppModule = {
  name: 'capture',
  routes: async (app: FastifyInstance) => {
    await captureRoutes(app)
  },
}
