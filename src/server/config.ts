/** The only reader of process.env: every setting is declared, validated once and passed around as `Config`. */
import path from 'node:path'
import { z } from 'zod'

const DEV_SECRET = 'dev-only-secret-change-me-in-production-0123456789'

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes')

const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.string().url().optional(),
  TRUST_PROXY: bool.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z.string().optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  DATA_DIR: z.string().default('./data'),
  APP_SECRET: z.string().min(32).default(DEV_SECRET),
  ORGANIZATION_CODE: z.string().default('000.00.00.G38'),
  ORGANIZATION_NAME: z.string().default('Ủy ban sông Mê Công Việt Nam'),
  ORGANIZATION_SHORT_NAME: z.string().default('UBSMCVN'),
  SEED_DEMO: bool.optional(),
  DEMO_PASSWORD: z.string().min(10).optional(),
  BLOB_STORE: z.enum(['local', 's3']).default('local'),
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_BUCKET: z.string().optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: bool.default(true),
  MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(2048).default(100),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(60),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  LOGIN_IP_MAX_FAILURES: z.coerce.number().int().min(1).default(30),
  REQUIRE_ADMIN_MFA: bool.default(true),
  RUN_WORKER: bool.default(true),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/]+/, 'must look like smtp://user:pass@host:587 or smtps://host:465')
    .optional(),
  MAIL_FROM: z.string().optional(),
  SOFFICE_PATH: z.string().default('soffice'),
  CONVERT_TIMEOUT_SECONDS: z.coerce.number().int().min(5).max(900).default(120),
  CONVERT_CONCURRENCY: z.coerce.number().int().min(1).max(4).default(1),
  TESSERACT_PATH: z.string().default('tesseract'),
  PDFTOPPM_PATH: z.string().default('pdftoppm'),
  OCR_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(1),
  OCR_TIMEOUT_SECONDS: z.coerce.number().int().min(5).max(3600).default(120),
  EXCHANGE_AXIS_URL: z.string().url().optional(),
  EXCHANGE_SYSTEM_ID: z.string().optional(),
  EXCHANGE_SECRET: z.string().optional(),
  EXCHANGE_POLL_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  EXCHANGE_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(300).default(20),
  EXCHANGE_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(50),
})

const DEFAULT_MAIL_FROM = '"Mekong eOffice" <no-reply@localhost>'

/** `addr@host` or `Name <addr@host>` / `"Name" <addr@host>`: one address, nothing else. */
function isMailbox(value: string): boolean {
  const m = /^(?:"?[^"<>]*"?\s*<([^<>\s]+)>|([^<>\s"]+))$/.exec(value.trim())
  const address = m?.[1] ?? m?.[2]
  return !!address && /^[^@\s]+@[^@\s.][^@\s]*$/.test(address)
}

export type Config = {
  env: 'development' | 'production' | 'test'
  isProduction: boolean
  host: string
  port: number
  publicUrl: string | undefined
  trustProxy: boolean
  logLevel: string
  databaseUrl: string | undefined
  databasePoolMax: number
  dataDir: string
  pgliteDir: string
  appSecret: string
  organization: { code: string; name: string; shortName: string }
  seedDemo: boolean
  demoPassword: string | undefined
  blobs:
    | { kind: 'local'; dir: string }
    | {
        kind: 's3'
        endpoint: string | undefined
        region: string
        bucket: string
        accessKeyId: string | undefined
        secretAccessKey: string | undefined
        forcePathStyle: boolean
      }
  maxUploadBytes: number
  session: { idleMinutes: number; absoluteHours: number }
  login: { maxFailures: number; lockMinutes: number; ipMaxFailures: number }
  requireAdminMfa: boolean
  runWorker: boolean
  /** SMTP for e-mail; `smtpUrl` unset means e-mail is off. */
  mail: { smtpUrl: string | undefined; from: string }
  /** DOCX to PDF through LibreOffice headless. */
  convert: { sofficePath: string; timeoutMs: number; concurrency: number }
  /** OCR of scanned PDFs and images (Tesseract with Vietnamese data; missing means "OCR unavailable"). */
  ocr: { tesseractPath: string; pdftoppmPath: string; concurrency: number; timeoutMs: number }
  /**
   * Inter-agency exchange: the national axis adapter when its URL, system id and secret are set
   * (issued per agency by the axis operator); agencies with an endpoint in the directory are reached
   * directly (peer). The queue retries with back-off up to `maxAttempts`.
   */
  exchange: {
    axis: { url: string; systemId: string; secret: string } | undefined
    pollSeconds: number
    timeoutMs: number
    maxAttempts: number
  }
}

/** Settings the web app may see (served at /api/config). */
export type PublicConfig = { organizationName: string; organizationCode: string; maxUploadBytes: number }

export class ConfigError extends Error {}

/** Read and validate the environment; in production refuse default secrets and missing settings. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable counts as unset (VAR= in a shell or a compose file).
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''))
  const parsed = ZEnv.safeParse(present)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const e = parsed.data
  const isProduction = e.NODE_ENV === 'production'
  const dataDir = path.resolve(e.DATA_DIR)
  if (isProduction) {
    const problems: string[] = []
    if (e.APP_SECRET === DEV_SECRET)
      problems.push('APP_SECRET must be set to a random value of 32+ characters')
    if (e.SEED_DEMO) problems.push('SEED_DEMO must not be enabled in production')
    if (!e.PUBLIC_URL) problems.push('PUBLIC_URL must be set (https://...)')
    if (e.SMTP_URL && !e.MAIL_FROM)
      problems.push('MAIL_FROM must be set when SMTP_URL is set (e.g. "Văn phòng" <eoffice@example.gov.vn>)')
    if (problems.length > 0)
      throw new ConfigError(`Refusing to start in production:\n  ${problems.join('\n  ')}`)
  }
  const axisParts = [e.EXCHANGE_AXIS_URL, e.EXCHANGE_SYSTEM_ID, e.EXCHANGE_SECRET]
  if (axisParts.some(Boolean) && !axisParts.every(Boolean))
    throw new ConfigError('EXCHANGE_AXIS_URL, EXCHANGE_SYSTEM_ID and EXCHANGE_SECRET go together')
  if (e.BLOB_STORE === 's3' && !e.S3_BUCKET) throw new ConfigError('BLOB_STORE=s3 needs S3_BUCKET')
  if (e.MAIL_FROM && !isMailbox(e.MAIL_FROM))
    throw new ConfigError(
      'MAIL_FROM must be one address: no-reply@example.gov.vn or "Name" <no-reply@example.gov.vn>',
    )
  return {
    env: e.NODE_ENV,
    isProduction,
    host: e.HOST,
    port: e.PORT,
    publicUrl: e.PUBLIC_URL,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    databaseUrl: e.DATABASE_URL || undefined,
    databasePoolMax: e.DATABASE_POOL_MAX,
    dataDir,
    pgliteDir: path.join(dataDir, 'pg'),
    appSecret: e.APP_SECRET,
    organization: {
      code: e.ORGANIZATION_CODE,
      name: e.ORGANIZATION_NAME,
      shortName: e.ORGANIZATION_SHORT_NAME,
    },
    seedDemo: e.SEED_DEMO ?? !isProduction,
    demoPassword: e.DEMO_PASSWORD,
    blobs:
      e.BLOB_STORE === 's3'
        ? {
            kind: 's3',
            endpoint: e.S3_ENDPOINT,
            region: e.S3_REGION,
            bucket: e.S3_BUCKET as string,
            accessKeyId: e.S3_ACCESS_KEY_ID,
            secretAccessKey: e.S3_SECRET_ACCESS_KEY,
            forcePathStyle: e.S3_FORCE_PATH_STYLE,
          }
        : { kind: 'local', dir: path.join(dataDir, 'blobs') },
    maxUploadBytes: e.MAX_UPLOAD_MB * 1024 * 1024,
    session: { idleMinutes: e.SESSION_IDLE_MINUTES, absoluteHours: e.SESSION_ABSOLUTE_HOURS },
    login: {
      maxFailures: e.LOGIN_MAX_FAILURES,
      lockMinutes: e.LOGIN_LOCK_MINUTES,
      ipMaxFailures: e.LOGIN_IP_MAX_FAILURES,
    },
    requireAdminMfa: e.REQUIRE_ADMIN_MFA,
    runWorker: e.RUN_WORKER,
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM ?? DEFAULT_MAIL_FROM },
    convert: {
      sofficePath: e.SOFFICE_PATH,
      timeoutMs: e.CONVERT_TIMEOUT_SECONDS * 1000,
      concurrency: e.CONVERT_CONCURRENCY,
    },
    ocr: {
      tesseractPath: e.TESSERACT_PATH,
      pdftoppmPath: e.PDFTOPPM_PATH,
      concurrency: e.OCR_CONCURRENCY,
      timeoutMs: e.OCR_TIMEOUT_SECONDS * 1000,
    },
    exchange: {
      axis:
        e.EXCHANGE_AXIS_URL && e.EXCHANGE_SYSTEM_ID && e.EXCHANGE_SECRET
          ? { url: e.EXCHANGE_AXIS_URL, systemId: e.EXCHANGE_SYSTEM_ID, secret: e.EXCHANGE_SECRET }
          : undefined,
      pollSeconds: e.EXCHANGE_POLL_SECONDS,
      timeoutMs: e.EXCHANGE_TIMEOUT_SECONDS * 1000,
      maxAttempts: e.EXCHANGE_MAX_ATTEMPTS,
    },
  }
}

export function publicConfig(config: Config): PublicConfig {
  return {
    organizationName: config.organization.name,
    organizationCode: config.organization.code,
    maxUploadBytes: config.maxUploadBytes,
  }
}
