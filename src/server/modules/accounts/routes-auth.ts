/** Sign-in, second factor, session, profile and password: the signed-in user's own account. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import {
  ZChangePassword,
  ZLoginRequest,
  ZSession,
  ZTotpCode,
  ZTotpDisable,
  ZTotpSetup,
  ZUpdateProfile,
  type TSession,
} from '@common/contracts/auth'
import { ZOk } from '@common/contracts/common'
import { ZUserOption } from '@common/contracts/users'
import type { Locale } from '@common/domain'
import { z } from 'zod'
import { activeDelegationsOf } from '../delegations/index.ts'
import { AppError } from '../../platform/errors.ts'
import { requestFacts, runAction } from '../../platform/http/run-action.ts'
import { findSession, sessionCookieName, type SessionInfo } from '../../platform/http/session.ts'
import { changePassword } from './actions/change-password.ts'
import { login } from './actions/login.ts'
import { signOut } from './actions/sign-out.ts'
import { disableTotp, enableTotp, startTotpSetup, verifyTotp } from './actions/totp-actions.ts'
import { updateProfile } from './actions/update-profile.ts'
import { globalAbilities } from './policy.ts'
import { presentUserOption } from './present.ts'
import { searchUserOptions, unsafeFindUser } from './queries.ts'

function sessionOf(request: FastifyRequest): SessionInfo {
  if (!request.session) throw new AppError('UNAUTHENTICATED')
  return request.session
}

async function presentSession(app: FastifyInstance, session: SessionInfo): Promise<TSession> {
  const db = app.deps.database.db
  const now = app.deps.clock()
  const [user, acting] = await Promise.all([
    unsafeFindUser(db, session.user.id),
    activeDelegationsOf(db, session.user.id, now),
  ])
  if (!user) throw new AppError('UNAUTHENTICATED')
  return {
    user: {
      id: user.id,
      username: user.username,
      fullName: user.fullName,
      email: user.email,
      phone: user.phone,
      organizationId: user.organizationId,
      organizationName: user.organizationName,
      unitId: user.unitId,
      unitName: user.unitName,
      position: user.position,
      roles: session.user.roles as TSession['user']['roles'],
      locale: (user.locale === 'en' ? 'en' : 'vi') as Locale,
      mustChangePassword: user.mustChangePassword,
      hasTotp: user.totpEnabledAt !== null,
    },
    mfaState: session.mfaState,
    csrfToken: session.csrfToken,
    abilities: session.mfaState === 'verified' ? globalAbilities(session.user) : {},
    actingFor: acting,
  }
}

function setCookie(app: FastifyInstance, reply: FastifyReply, token: string): void {
  const { config } = app.deps
  reply.setCookie(sessionCookieName(config), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.isProduction,
    maxAge: config.session.absoluteHours * 3600,
  })
}

export async function authRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>()
  const tags = ['auth']

  app.post(
    '/api/auth/login',
    { schema: { tags, body: ZLoginRequest, response: { 200: ZSession } }, config: { access: 'public' } },
    async (request, reply) => {
      const result = await login(
        {
          db: app.deps.database.db,
          config: app.deps.config,
          now: app.deps.clock(),
          request: requestFacts(request),
        },
        request.body,
      )
      app.deps.kickDispatch()
      setCookie(app, reply, result.token)
      const session = await findSession(app.deps.database.db, app.deps.config, result.token, app.deps.clock())
      return presentSession(app, session!)
    },
  )

  app.get(
    '/api/auth/session',
    { schema: { tags, response: { 200: ZSession } }, config: { access: 'session' } },
    async (request) => presentSession(app, sessionOf(request)),
  )

  app.post(
    '/api/auth/logout',
    { schema: { tags, response: { 200: ZOk } }, config: { access: 'session' } },
    async (request, reply) => {
      await runAction(request, signOut, { sessionTokenHash: sessionOf(request).tokenHash })
      reply.clearCookie(sessionCookieName(app.deps.config), { path: '/' })
      return { ok: true as const }
    },
  )

  app.post(
    '/api/auth/totp/verify',
    { schema: { tags, body: ZTotpCode, response: { 200: ZSession } }, config: { access: 'session' } },
    async (request) => {
      const session = sessionOf(request)
      await runAction(request, verifyTotp, { code: request.body.code, sessionTokenHash: session.tokenHash })
      return presentSession(app, { ...session, mfaState: 'verified' })
    },
  )

  app.post(
    '/api/auth/totp/setup',
    { schema: { tags, response: { 200: ZTotpSetup } }, config: { access: 'session' } },
    async (request) => {
      if (sessionOf(request).mfaState === 'totp_pending') throw new AppError('MFA_REQUIRED')
      return runAction(request, startTotpSetup, undefined)
    },
  )

  app.post(
    '/api/auth/totp/enable',
    { schema: { tags, body: ZTotpCode, response: { 200: ZSession } }, config: { access: 'session' } },
    async (request) => {
      const session = sessionOf(request)
      if (session.mfaState === 'totp_pending') throw new AppError('MFA_REQUIRED')
      await runAction(request, enableTotp, { code: request.body.code, sessionTokenHash: session.tokenHash })
      return presentSession(app, { ...session, mfaState: 'verified' })
    },
  )

  app.post(
    '/api/auth/totp/disable',
    { schema: { tags, body: ZTotpDisable, response: { 200: ZOk } }, config: { access: 'user' } },
    async (request) => {
      await runAction(request, disableTotp, request.body)
      return { ok: true as const }
    },
  )

  app.post(
    '/api/auth/password',
    { schema: { tags, body: ZChangePassword, response: { 200: ZOk } }, config: { access: 'user' } },
    async (request) => {
      await runAction(request, changePassword, {
        ...request.body,
        sessionTokenHash: sessionOf(request).tokenHash,
      })
      return { ok: true as const }
    },
  )

  app.patch(
    '/api/auth/profile',
    { schema: { tags, body: ZUpdateProfile, response: { 200: ZSession } }, config: { access: 'user' } },
    async (request) => {
      await runAction(request, updateProfile, request.body)
      return presentSession(app, sessionOf(request))
    },
  )

  app.get(
    '/api/users/options',
    {
      schema: {
        tags: ['users'],
        querystring: z
          .object({
            q: z.string().trim().max(100).optional(),
            limit: z.coerce.number().int().min(1).max(50).default(20),
          })
          .strict(),
        response: { 200: z.object({ items: z.array(ZUserOption) }) },
      },
      config: { access: 'organizations.read' },
    },
    async (request) => {
      const rows = await searchUserOptions(app.deps.database.db, request.query.q, request.query.limit)
      return { items: rows.map(presentUserOption) }
    },
  )
}
