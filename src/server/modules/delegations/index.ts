/** Placeholder while the module is being written. */
import type { AppModule } from '../../app.ts'
import type { Executor } from '../../platform/db/client.ts'

export const delegationsModule: AppModule = { name: 'delegations', routes: async () => undefined }

export async function activeDelegationsOf(
  _db: Executor,
  _userId: string,
  _now: Date,
): Promise<{ principalId: string; principalName: string; scopes: string[]; endsAt: string }[]> {
  return []
}
