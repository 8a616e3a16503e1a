/** Accounts: sign-in, sessions, second factor, profiles and the administration of users. */
import type { FastifyInstance } from 'fastify'
import type { AppModule } from '../../app.ts'
import { authRoutes } from './routes-auth.ts'
import { userAdminRoutes } from './routes-users.ts'

export { globalCan, globalAbilities } from './policy.ts'
export { hashPassword, temporaryPassword } from './password.ts'
export { currentTotp } from './totp.ts'
export { unsafeFindUser } from './queries.ts'

export const accountsModule: AppModule = {
  name: 'accounts',
  routes: async (app: FastifyInstance) => {
    await authRoutes(app)
    await userAdminRoutes(app)
  },
}
