/** Organizations: the directory of agencies (ours and every other) and the unit tree of ours. */
import type { FastifyInstance } from 'fastify'
import type { AppModule } from '../../app.ts'
import { organizationRoutes } from './routes-organizations.ts'
import { unitRoutes } from './routes-units.ts'

export { findOwnOrganization } from './queries.ts'

export const organizationsModule: AppModule = {
  name: 'organizations',
  routes: async (app: FastifyInstance) => {
    await organizationRoutes(app)
    await unitRoutes(app)
  },
}
