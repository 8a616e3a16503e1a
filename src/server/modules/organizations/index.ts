/** Placeholder while the module is being written. */
import type { AppModule } from '../../app.ts'

export const organizationsModule: AppModule = { name: 'organizations', routes: async () => undefined }
