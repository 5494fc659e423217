import { z } from 'zod';

/**
 * Every environment variable the system reads, validated once at start-up into one typed object.
 * docs/configuration.md mirrors this schema; keep them in step.
 */
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const url = (protocols: string[]) =>
  z.string().refine((v) => {
    try {
      return protocols.includes(new URL(v).protocol);
    } catch {
      return false;
    }
  }, `must be a URL starting with ${protocols.join(' or ')}//`);

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: url(['postgres:', 'postgresql:']).default('postgres://postgres@127.0.0.1:5432/eoffice'),
  REDIS_URL: url(['redis:', 'rediss:']).default('redis://127.0.0.1:6379'),
  QUEUE_PREFIX: z.string().regex(/^[a-z0-9_-]+$/i, 'letters, digits, - and _ only').default('eoffice'),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(900),
  REFRESH_TOKEN_TTL_SECONDS: z.coerce.number().int().min(3600).default(30 * 24 * 3600),
  SIGNING_KEY_ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded'),
  /** PEM bundle of the CA certificates signer certificates must chain to; unset: no chain check. */
  SIGNING_TRUST_ANCHORS: z.string().optional(),
  /** Directory of CRLs (DER or PEM), re-read when its files change. */
  SIGNING_CRL_DIR: z.string().optional(),
  BOOTSTRAP_ADMIN_USERNAME: z.string().regex(/^[a-z][a-z0-9._-]{1,31}$/, 'lower-case login name').default('admin'),
  BOOTSTRAP_ADMIN_PASSWORD: z.string().optional(),
  MAIL_DOMAIN: z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'a DNS domain').default('eoffice.gov.vn'),
  FILE_STORE: z.enum(['local', 's3']).default('local'),
  FILE_STORE_DIR: z.string().default('./.data/files'),
  S3_ENDPOINT: z.string().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_BUCKET: z.string().optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: bool.default(true),
  UPLOAD_MAX_BYTES: z.coerce.number().int().min(1024).default(50 * 1024 * 1024),
  JSON_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024),
  FIXITY_CHECK_CRON: z.string().default('0 2 * * *'),
  TZ_NAME: z.string().default('Asia/Ho_Chi_Minh'),
  /** JSON list of calendar exceptions ({date, kind: holiday|working_day, name}) over the built-in national schedule. */
  CALENDAR_EXCEPTIONS_FILE: z.string().optional(),
  /** Outgoing mail for external recipients, e.g. smtp://user:pass@mail.example.gov.vn:587; unset: not sent. */
  SMTP_URL: url(['smtp:', 'smtps:']).optional(),
  MAIL_FROM: z.string().default('eoffice@eoffice.gov.vn'),
  LIBREOFFICE_PATH: z.string().min(1).default('soffice'),
  CONVERSION_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  OCR_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(7200).default(600),
  OCR_MAX_PAGES: z.coerce.number().int().min(1).max(2000).default(100),
  /** Lists count matches up to this many; beyond it `total` is this cap and `totalIsExact` false. */
  LIST_COUNT_CAP: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
  /** A search ranks only this many newest matches; older matches follow, newest first. */
  SEARCH_RANK_WINDOW: z.coerce.number().int().min(1).max(100_000).default(2_000),
  /** How often the worker relays jobs left in the outbox (written by a change whose process could not reach Redis). */
  OUTBOX_POLL_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
});

export type AppConfig = z.infer<typeof schema>;

export class ConfigError extends Error {}

/** Parses the environment; the first problem becomes one line that names the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = String(issue.path[0] ?? 'environment');
    const message = issue.code === 'invalid_type' && cleaned[name] === undefined ? 'is required' : issue.message;
    throw new ConfigError(`Invalid configuration: ${name} ${message}`);
  }
  const config = result.data;
  if (config.FILE_STORE === 's3' && !config.S3_BUCKET) {
    throw new ConfigError('Invalid configuration: S3_BUCKET is required when FILE_STORE=s3');
  }
  return config;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
