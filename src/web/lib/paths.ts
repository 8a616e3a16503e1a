/** The paths of the application, in one place for links and the navigation. */
export const PATHS = {
  home: '/',
  directory: '/directory',
  myDelegations: '/my-delegations',
  units: '/admin/units',
  users: '/admin/users',
  organizations: '/admin/organizations',
  delegations: '/admin/delegations',
  audit: '/admin/audit',
  profile: '/account/profile',
  password: '/account/password',
  twoFactor: '/account/two-factor',
} as const
