/** Placeholder while the module is being written. */
import type { AppModule } from '../../app.ts'

export const auditModule: AppModule = { name: 'audit', routes: async () => undefined }
