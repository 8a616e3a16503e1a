/**
 * Action names checked by server policies and shown to the UI as abilities.
 * A user's global abilities decide which navigation entries exist for them.
 */
export const GLOBAL_ACTIONS = [
  'admin.units.manage',
  'admin.users.manage',
  'admin.organizations.manage',
  'admin.delegations.manage',
  'audit.read',
  'organizations.read',
  'delegations.own.manage',
  'files.upload',
  'registers.manage',
  'documentsIn.register',
  'documentsIn.read',
  'calendar.manage',
  'documentsOut.draft',
  'documentsOut.read',
  'documentsOut.issue',
  'signatures.verify',
  'signing.manage',
  'exchange.receive',
  'exchange.manage',
  'migration.manage',
  'consultations.manage',
  'consultations.answer',
] as const
export type GlobalAction = (typeof GLOBAL_ACTIONS)[number]

export type TAbilities<A extends string> = Partial<Record<A, boolean>>
