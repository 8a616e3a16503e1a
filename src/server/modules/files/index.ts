/** Placeholder while the module is being written. */
import type { AppModule } from '../../app.ts'

export const filesModule: AppModule = { name: 'files', routes: async () => undefined }
