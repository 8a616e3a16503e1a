/** Delegations: a secretary acts for a leader within a time window and scopes; every action records both. */
import type { AppModule } from '../../app.ts'
import { delegationRoutes } from './routes.ts'

export { activeDelegationsOf, hasDelegation } from './queries.ts'
export { scopesCover } from './policy.ts'

export const delegationsModule: AppModule = { name: 'delegations', routes: delegationRoutes }
