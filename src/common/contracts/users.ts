import { z } from 'zod'
import { ROLES } from '../domain.ts'
import { ZNewPassword } from './auth.ts'
import { ZBooleanQuery, ZId, ZOptionalText, ZPage, ZPageQuery } from './common.ts'

export const ZUsername = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,50}$/, { error: 'Tên đăng nhập gồm 3–50 ký tự a-z, 0-9, dấu chấm, gạch' })

export const ZUserAbilities = z.object({
  update: z.boolean(),
  disable: z.boolean(),
  enable: z.boolean(),
  resetPassword: z.boolean(),
  resetTotp: z.boolean(),
  unlock: z.boolean(),
})

export const ZUser = z.object({
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
  isActive: z.boolean(),
  isLocked: z.boolean(),
  hasTotp: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  abilities: ZUserAbilities,
})
export type TUser = z.infer<typeof ZUser>

export const ZUserListQuery = ZPageQuery.extend({
  q: z.string().trim().max(100).optional(),
  unitId: ZId.optional(),
  organizationId: ZId.optional(),
  role: z.enum(ROLES).optional(),
  isActive: ZBooleanQuery.optional(),
}).strict()
export type TUserListQuery = z.infer<typeof ZUserListQuery>

export const ZUserPage = ZPage(ZUser)

export const ZCreateUser = z
  .object({
    username: ZUsername,
    fullName: z.string().trim().min(2).max(200),
    email: z.email().nullish().or(z.literal('')),
    phone: ZOptionalText(30),
    organizationId: ZId,
    unitId: ZId.nullish(),
    position: ZOptionalText(200),
    roles: z.array(z.enum(ROLES)).min(1, { error: 'Chọn ít nhất một vai trò' }),
    /** Left empty, the system generates a temporary password and returns it once. */
    password: ZNewPassword.optional(),
  })
  .strict()
export type TCreateUser = z.infer<typeof ZCreateUser>

export const ZUpdateUser = ZCreateUser.omit({ username: true, password: true }).partial().strict()
export type TUpdateUser = z.infer<typeof ZUpdateUser>

/** A user with a freshly generated temporary password, shown once to the administrator. */
export const ZUserWithPassword = z.object({ user: ZUser, temporaryPassword: z.string().nullable() })
export type TUserWithPassword = z.infer<typeof ZUserWithPassword>

/** A short user reference for pickers. */
export const ZUserOption = z.object({
  id: z.string(),
  fullName: z.string(),
  username: z.string(),
  position: z.string().nullable(),
  unitName: z.string().nullable(),
  organizationName: z.string(),
  roles: z.array(z.enum(ROLES)),
})
export type TUserOption = z.infer<typeof ZUserOption>
