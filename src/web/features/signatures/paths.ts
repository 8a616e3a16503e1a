/** Paths of the signature pages: verification for everyone, signing administration for the admin. */
export const SIGNATURE_PATHS = {
  verify: '/signatures/verify',
  trustedRoots: '/admin/trusted-roots',
  signingKeys: '/admin/signing-keys',
  approvalChains: '/admin/approval-chains',
} as const
