/** Small real files and multipart bodies for any module's tests (the files module keeps them; this is the shared door). */
export { docxBytes, multipartBody, pdfBytes, PNG_BYTES } from '../modules/files/test-fixtures.ts'
