import { z } from 'zod'
import { LOCALES, ROLES } from '../domain.ts'
import { GLOBAL_ACTIONS } from '../permissions.ts'
import { ZOptionalText } from './common.ts'

/** Password rule, also used by the forms: 10+ characters with a letter and a digit. */
export const ZNewPassword = z
  .string()
  .min(10, { error: 'Mật khẩu cần ít nhất 10 ký tự' })
  .max(200)
  .refine((v) => /\p{L}/u.test(v) && /\d/.test(v), { error: 'Mật khẩu cần có cả chữ và số' })

export const ZLoginRequest = z
  .object({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(200) })
  .strict()
export type TLoginRequest = z.infer<typeof ZLoginRequest>

export const ZMfaState = z.enum(['verified', 'totp_pending', 'totp_setup_required'])

export const ZSessionUser = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  organizationId: z.string(),
  organizationName: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  position: z.string().nullable(),
  roles: z.array(z.enum(ROLES)),
  locale: z.enum(LOCALES),
  mustChangePassword: z.boolean(),
  hasTotp: z.boolean(),
})
export type TSessionUser = z.infer<typeof ZSessionUser>

export const ZSession = z.object({
  user: ZSessionUser,
  mfaState: ZMfaState,
  csrfToken: z.string(),
  /** Global abilities: which modules and admin pages this user may use. */
  abilities: z.partialRecord(z.enum(GLOBAL_ACTIONS), z.boolean()),
  /** Leaders this user may currently act for (active delegations). */
  actingFor: z.array(
    z.object({
      principalId: z.string(),
      principalName: z.string(),
      scopes: z.array(z.string()),
      endsAt: z.string(),
    }),
  ),
})
export type TSession = z.infer<typeof ZSession>

export const ZTotpCode = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, { error: 'Mã gồm 6 chữ số' }),
  })
  .strict()
export type TTotpCode = z.infer<typeof ZTotpCode>

export const ZTotpSetup = z.object({ secret: z.string(), otpauthUrl: z.string(), qrDataUrl: z.string() })
export type TTotpSetup = z.infer<typeof ZTotpSetup>

export const ZTotpDisable = z.object({ password: z.string().min(1).max(200) }).strict()

export const ZChangePassword = z
  .object({ currentPassword: z.string().min(1).max(200), newPassword: ZNewPassword })
  .strict()
export type TChangePassword = z.infer<typeof ZChangePassword>

export const ZUpdateProfile = z
  .object({
    fullName: z.string().trim().min(2).max(200).optional(),
    email: z.email().nullish().or(z.literal('')),
    phone: ZOptionalText(30).optional(),
    locale: z.enum(LOCALES).optional(),
  })
  .strict()
export type TUpdateProfile = z.infer<typeof ZUpdateProfile>

export const ZPublicConfig = z.object({
  organizationName: z.string(),
  organizationCode: z.string(),
  maxUploadBytes: z.number(),
})
