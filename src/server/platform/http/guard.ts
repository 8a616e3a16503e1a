/**
 * Authentication and access: resolve the session from the cookie, refuse routes the caller may
 * not use (deny by default: a route without `config.access` cannot be registered), and demand
 * the CSRF token on every cookie-authenticated write.
 */
import { timingSafeEqual } from 'node:crypto'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { AppError } from '../errors.ts'
import type { Actor } from '../context.ts'
import { findSession, sessionCookieName } from './session.ts'
import type { Access } from './types.ts'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export type RouteAccess = { method: string; url: string; access: Access }

export function registerGuard(app: FastifyInstance): void {
  app.decorateRequest('session', null)
  const table: RouteAccess[] = []
  app.decorate('routeAccess', table)

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.method === 'HEAD') return
    if (route.url.startsWith('/api/docs')) {
      route.config = { ...(route.config as object), access: 'public' }
      return
    }
    const access = (route.config as { access?: Access } | undefined)?.access
    if (!access) throw new Error(`route ${String(route.method)} ${route.url} does not declare config.access`)
    for (const method of [route.method].flat()) table.push({ method, url: route.url, access })
  })

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access
    if (!access) return
    const token = request.cookies[sessionCookieName(app.deps.config)]
    if (token) {
      request.session = await findSession(app.deps.database.db, app.deps.config, token, app.deps.clock())
    }
    if (access === 'public') return
    const session = request.session
    if (!session) throw new AppError('UNAUTHENTICATED', { message: 'Sign in first' })
    if (!SAFE_METHODS.has(request.method)) checkCsrf(request, session.csrfToken)
    if (access === 'session') return
    if (session.mfaState === 'totp_pending')
      throw new AppError('MFA_REQUIRED', { message: 'Enter your one-time code' })
    if (session.mfaState === 'totp_setup_required') {
      throw new AppError('MFA_SETUP_REQUIRED', { message: 'Set up two-factor authentication first' })
    }
    // A temporary password (new account, reset) must be replaced before any other work.
    if (session.user.mustChangePassword && request.routeOptions.url !== '/api/auth/password') {
      throw new AppError('PASSWORD_CHANGE_REQUIRED', { message: 'Change your temporary password first' })
    }
    if (access === 'user') return
    if (!app.globalCan(session.user, access))
      throw new AppError('NOT_ALLOWED', { message: 'You may not do this' })
  })
}

function checkCsrf(request: FastifyRequest, expected: string): void {
  const sent = request.headers['x-csrf-token']
  const value = Array.isArray(sent) ? sent[0] : sent
  if (
    !value ||
    value.length !== expected.length ||
    !timingSafeEqual(Buffer.from(value), Buffer.from(expected))
  ) {
    throw new AppError('CSRF_INVALID', { message: 'Missing or wrong CSRF token' })
  }
}

/** The signed-in user of a route declared 'user' or stricter. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.session) throw new AppError('UNAUTHENTICATED', { message: 'Sign in first' })
  return request.session.user
}
