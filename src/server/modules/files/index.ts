/** Files: uploads checked by content, stored as verified content-addressed blobs, read under access rules. */
import type { FastifyInstance } from 'fastify'
import type { AppModule } from '../../app.ts'
import { fileRoutes } from './routes.ts'

// How other modules (documents, dossiers, ...) let their readers read attached files; see access.ts.
export { fileReadableBy, registerFileReadGrant, type FileReadGrant } from './access.ts'
export type { FileRecord } from './policy.ts'
export { unsafeFindFile, type FileRow } from './queries.ts'
export { contentDisposition } from './filename.ts'
// Files a module produces itself (signed PDFs, conversions): blob already stored, file row here.
export { insertFileWithBlob } from './store.ts'

export const filesModule: AppModule = {
  name: 'files',
  routes: async (app: FastifyInstance) => {
    await fileRoutes(app)
  },
}
