/**
 * The database schema: the single source for tables; `npm run db:generate` writes migrations from it.
 * Modules own their tables but the definitions live here so drizzle-kit sees one schema.
 */
import { sql } from 'drizzle-orm'
import {
  bigint,
  boolean,
  char,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })
const id = () => uuid('id').primaryKey().defaultRandom()
const createdAt = () => ts('created_at').notNull().defaultNow()
const updatedAt = () => ts('updated_at').notNull().defaultNow()

/** Our own organization and every agency in the directory (ministries, provinces, partners). */
export const organizations = pgTable(
  'organizations',
  {
    id: id(),
    code: text('code'),
    name: text('name').notNull(),
    shortName: text('short_name'),
    kind: text('kind').notNull(),
    isOwn: boolean('is_own').notNull().default(false),
    email: text('email'),
    phone: text('phone'),
    address: text('address'),
    endpoint: text('endpoint'),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('organizations_code_key').on(t.code),
    uniqueIndex('organizations_one_own').on(t.isOwn).where(sql`${t.isOwn}`),
    // The directory's order (own first, then by name without diacritics): pages read the index, no sort.
    index('organizations_directory_order_idx').on(t.isOwn.desc().nullsFirst(), sql`f_unaccent(${t.name})`, t.name, t.id),
  ],
)

/** Units (departments) of our organization, as a tree. */
export const units = pgTable(
  'units',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    parentId: uuid('parent_id'),
    code: text('code').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    sortOrder: integer('sort_order').notNull().default(0),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('units_org_code_key').on(t.organizationId, t.code), index('units_parent_idx').on(t.parentId)],
)

export const users = pgTable(
  'users',
  {
    id: id(),
    username: text('username').notNull(),
    fullName: text('full_name').notNull(),
    email: text('email'),
    phone: text('phone'),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    unitId: uuid('unit_id').references(() => units.id),
    position: text('position'),
    roles: text('roles').array().notNull().default(sql`'{}'::text[]`),
    passwordHash: text('password_hash').notNull(),
    passwordChangedAt: ts('password_changed_at').notNull().defaultNow(),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    totpSecret: text('totp_secret'),
    totpEnabledAt: ts('totp_enabled_at'),
    /** The last accepted TOTP time step: a code is never accepted twice. */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lockedUntil: ts('locked_until'),
    isActive: boolean('is_active').notNull().default(true),
    isDemo: boolean('is_demo').notNull().default(false),
    locale: text('locale').notNull().default('vi'),
    lastLoginAt: ts('last_login_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('users_username_key').on(sql`lower(${t.username})`),
    index('users_unit_idx').on(t.unitId),
    index('users_org_idx').on(t.organizationId),
  ],
)

/** Server-side sessions. The cookie holds a random token; only its SHA-256 is stored. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: char('token_hash', { length: 64 }).primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    /** 'verified' | 'totp_pending' | 'totp_setup_required' */
    mfaState: text('mfa_state').notNull(),
    createdAt: createdAt(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    idleExpiresAt: ts('idle_expires_at').notNull(),
    absoluteExpiresAt: ts('absolute_expires_at').notNull(),
    revokedAt: ts('revoked_at'),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
)

/** Every login attempt, successful or not (also the source of the login rate limit). */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    username: text('username').notNull(),
    userId: uuid('user_id'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    isSuccess: boolean('is_success').notNull(),
    reason: text('reason'),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('login_attempts_ip_at_idx').on(t.ip, t.at), index('login_attempts_user_at_idx').on(t.username, t.at)],
)

/** Who acts for whom, from when to when, for what (a secretary for a leader). */
export const delegations = pgTable(
  'delegations',
  {
    id: id(),
    principalId: uuid('principal_id')
      .notNull()
      .references(() => users.id),
    delegateId: uuid('delegate_id')
      .notNull()
      .references(() => users.id),
    scopes: text('scopes').array().notNull(),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    note: text('note'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    revokedAt: ts('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [index('delegations_delegate_idx').on(t.delegateId), index('delegations_principal_idx').on(t.principalId)],
)

/**
 * The audit log and the trigger for after-commit handlers: append-only (a trigger refuses
 * UPDATE and DELETE) and hash-chained (each row's hash covers the previous row's hash).
 */
export const events = pgTable(
  'events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey(),
    occurredAt: ts('occurred_at').notNull(),
    actorId: uuid('actor_id'),
    principalId: uuid('principal_id'),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    data: jsonb('data').notNull().default(sql`'{}'::jsonb`),
    prevHash: char('prev_hash', { length: 64 }).notNull(),
    hash: char('hash', { length: 64 }).notNull(),
  },
  (t) => [
    index('events_occurred_at_idx').on(t.occurredAt),
    index('events_target_idx').on(t.targetType, t.targetId),
    index('events_actor_idx').on(t.actorId),
    index('events_action_idx').on(t.action),
  ],
)

/** How far each after-commit handler has processed the events table. */
export const eventCursors = pgTable('event_cursors', {
  handler: text('handler').primaryKey(),
  lastEventId: bigint('last_event_id', { mode: 'number' }).notNull().default(0),
  updatedAt: updatedAt(),
})

/** Content-addressed blobs: one row per distinct content. */
export const blobs = pgTable('blobs', {
  sha256: char('sha256', { length: 64 }).primaryKey(),
  size: bigint('size', { mode: 'number' }).notNull(),
  mediaType: text('media_type').notNull(),
  createdAt: createdAt(),
})

/** A stored file: a name and an owner pointing at a blob. */
export const files = pgTable(
  'files',
  {
    id: id(),
    sha256: char('sha256', { length: 64 })
      .notNull()
      .references(() => blobs.sha256),
    filename: text('filename').notNull(),
    mediaType: text('media_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('files_sha_idx').on(t.sha256), index('files_uploader_idx').on(t.uploadedBy)],
)

/** In-app notifications, written by event handlers. */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    eventId: bigint('event_id', { mode: 'number' }).notNull(),
    kind: text('kind').notNull(),
    data: jsonb('data').notNull().default(sql`'{}'::jsonb`),
    readAt: ts('read_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    uniqueIndex('notifications_event_user_key').on(t.eventId, t.userId, t.kind),
  ],
)
