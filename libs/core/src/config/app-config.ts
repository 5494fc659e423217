import { z } from 'zod';
import { parseCheckpointKey } from '../audit/checkpoint-key';

/**
 * Every environment variable the system reads, validated once at start-up into one typed object.
 * docs/configuration.md mirrors this schema; keep them in step.
 */
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
/** `30,7,1`: distinct whole numbers from 1 to `max`, largest first; empty for none. */
const positiveList = (max: number) =>
  z
    .string()
    .regex(/^\s*(\d+\s*(,\s*\d+\s*)*)?$/, 'must be whole numbers separated by commas')
    .transform((v) => [...new Set(v.split(',').map((n) => n.trim()).filter(Boolean).map(Number))].sort((a, b) => b - a))
    .refine((list) => list.every((n) => n >= 1 && n <= max), `each must be from 1 to ${max}`);
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
  /**
   * Client credentials of the remote signing providers (chữ ký số từ xa), JSON keyed by the name an
   * agency's provider configuration gives: {"vnpt": {"clientId": "…", "clientSecret": "…"}}. Secrets
   * live here only; the database names the key.
   */
  REMOTE_SIGNING_CREDENTIALS: z
    .string()
    .default('{}')
    .transform((v, ctx) => {
      try {
        const parsed: unknown = JSON.parse(v);
        const entries = Object.entries(parsed as Record<string, unknown>);
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
        for (const [, c] of entries) {
          const creds = c as Record<string, unknown>;
          if (typeof creds?.clientId !== 'string' || typeof creds.clientSecret !== 'string') throw new Error('entry without clientId/clientSecret');
        }
        return parsed as Record<string, { clientId: string; clientSecret: string }>;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be a JSON object of {"name": {"clientId": "…", "clientSecret": "…"}}' });
        return z.NEVER;
      }
    }),
  /** RFC 3161 time-stamping authority (TSA) over HTTP: signatures become PAdES B-T/B-LT; unset: B-B only. */
  SIGNING_TSA_URL: url(['http:', 'https:']).optional(),
  /** OCSP responder used for certificates that name none in their Authority Information Access. */
  SIGNING_OCSP_URL: url(['http:', 'https:']).optional(),
  /** true: refuse to issue when the TSA or OCSP responder cannot be reached; false: sign at B-B, warn, upgrade later. */
  SIGNING_LONG_TERM_REQUIRED: bool.default(false),
  /** How long one TSA or OCSP call may take. */
  SIGNING_LONG_TERM_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(120).default(10),
  /** An issue left below B-LT is upgraded by a job this long after (then again by the nightly run). */
  SIGNING_LONG_TERM_RETRY_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  /** When the worker upgrades pending signatures and refreshes long-term records (B-LTA); `off` disables it. */
  SIGNING_LONG_TERM_CRON: z.string().default('15 2 * * *'),
  /** A record is re-time-stamped when its last time-stamp's TSA certificate expires within this many days. */
  SIGNING_LTA_REFRESH_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
  /** Public base URL printed (with a QR code) on issued documents: <base>/verify/<token>; unset: no link. */
  PUBLIC_VERIFY_BASE_URL: url(['http:', 'https:']).optional(),
  /** Public verification look-ups per client address and minute. */
  PUBLIC_VERIFY_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(30),
  /** A seal made without a stored key (token, remote e-seal) must arrive within this; then its number is voided. */
  SEAL_SAGA_TIMEOUT_MINUTES: z.coerce.number().positive().max(24 * 60).default(30),
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
  /** The address people open the web client at: links in e-mails point there. */
  PUBLIC_URL: url(['http:', 'https:']).default('http://127.0.0.1:3000'),
  /** How often new notifications are e-mailed (seconds); urgent documents go out within this. */
  NOTIFICATION_MAIL_SECONDS: z.coerce.number().int().min(1).max(3600).default(20),
  /** The daily digest for those who chose it (cron, TZ_NAME); `off` switches it off. */
  NOTIFICATION_DIGEST_CRON: z.string().default('0 7 * * *'),
  /** When reminders are looked for (validity ending, intake items waiting; cron, TZ_NAME); `off` switches them off. */
  REMINDERS_CRON: z.string().default('*/15 * * * *'),
  /** Days before an incoming document's validity ends (thời gian hiệu lực) at which its handlers are told, each once. */
  VALIDITY_REMINDER_DAYS: positiveList(365).prefault('30,7,1'),
  /** Hours an intake item may wait before the agency's clerks are reminded, each threshold once (Decree 30: registered the same day). */
  INTAKE_WAITING_REMINDER_HOURS: positiveList(24 * 30).prefault('4'),
  LIBREOFFICE_PATH: z.string().min(1).default('soffice'),
  CONVERSION_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  OCR_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(7200).default(600),
  OCR_MAX_PAGES: z.coerce.number().int().min(1).max(2000).default(100),
  /** Lists count matches up to this many; beyond it `total` is this cap and `totalIsExact` false. */
  LIST_COUNT_CAP: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
  /** A search ranks only this many newest matches; older matches follow, newest first. */
  SEARCH_RANK_WINDOW: z.coerce.number().int().min(1).max(100_000).default(2_000),
  /**
   * Most documents a search reads newest first (incoming_received_idx) to find its window before
   * it asks the trigram index instead; 0: always the trigram index (bench/incoming).
   */
  SEARCH_WALK_ROWS: z.coerce.number().int().min(0).max(10_000_000).default(100_000),
  /** How often the worker relays jobs left in the outbox (written by a change whose process could not reach Redis). */
  OUTBOX_POLL_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
  /** How long a worker's claim on a running job lasts without renewal; a job whose worker died is found stalled after it. */
  JOB_LOCK_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /** How often each worker looks for stalled jobs (their lock expired: the worker that ran them died). */
  JOB_STALLED_CHECK_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /**
   * The worker's scheduling priority (nice 0–19, inherited by the tools it runs): text extraction and
   * OCR yield the CPU to the API and PostgreSQL while clerks register, and catch up when they pause.
   */
  WORKER_NICENESS: z.coerce.number().int().min(0).max(19).default(10),
  /** How often the worker writes its heartbeat to Redis; three missed beats and it is reported stale. */
  WORKER_HEARTBEAT_SECONDS: z.coerce.number().int().min(1).max(3600).default(10),
  /** Port of the worker's Prometheus endpoint (job durations and failures); unset: none. */
  WORKER_METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** Lifetime of the queue dashboard's sign-in cookie. */
  DASHBOARD_SESSION_SECONDS: z.coerce.number().int().min(60).max(8 * 3600).default(900),
  /** An upload that sends nothing for this long is answered 408 and cut off (slow-loris). */
  UPLOAD_IDLE_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /** The most one HTTP request may take to arrive in full, headers and body. */
  HTTP_REQUEST_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  /** How often an API or worker process chains the audit entries written since (one process at a time). */
  AUDIT_SEAL_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  /** Ed25519 private key (PEM, or base64 of PKCS#8 DER or of the 32-byte seed) that signs audit checkpoints; unset: none. */
  AUDIT_CHECKPOINT_KEY: z
    .string()
    .refine((v) => {
      try {
        parseCheckpointKey(v);
        return true;
      } catch {
        return false;
      }
    }, 'must be an Ed25519 private key: PEM, or base64 of PKCS#8 DER or of the 32-byte seed')
    .optional(),
  /** When the worker publishes a signed audit checkpoint; empty: only on request (POST /audit/checkpoints). */
  AUDIT_CHECKPOINT_CRON: z.string().default('*/15 * * * *'),
  /** restic repository of the backups (a local directory, or s3:https://host/bucket/path); unset: backups are not configured. */
  BACKUP_REPOSITORY: z.string().optional(),
  BACKUP_REPOSITORY_PASSWORD: z.string().optional(),
  /** A second, independent destination (another medium or an S3-compatible bucket), backed up and verified on its own. */
  BACKUP_REPOSITORY_2: z.string().optional(),
  /** Its password when it differs from BACKUP_REPOSITORY_PASSWORD. */
  BACKUP_REPOSITORY_2_PASSWORD: z.string().optional(),
  /** Credentials for s3: repositories. */
  BACKUP_S3_ACCESS_KEY_ID: z.string().optional(),
  BACKUP_S3_SECRET_ACCESS_KEY: z.string().optional(),
  BACKUP_S3_REGION: z.string().optional(),
  /** PEM file of the CA that signed a private S3 endpoint's certificate (restic --cacert). */
  BACKUP_S3_CA_FILE: z.string().optional(),
  /** `off` disables the scheduled backup (POST /admin/backups still works). */
  BACKUP_CRON: z.string().default('30 1 * * *'),
  BACKUP_KEEP_DAILY: z.coerce.number().int().min(0).max(3650).default(7),
  BACKUP_KEEP_WEEKLY: z.coerce.number().int().min(0).max(520).default(4),
  BACKUP_KEEP_MONTHLY: z.coerce.number().int().min(0).max(1200).default(12),
  BACKUP_TIMEOUT_MINUTES: z.coerce.number().int().min(1).max(7 * 24 * 60).default(240),
  /** Verification reads every pack back (`restic check --read-data`), not only the structure. */
  BACKUP_VERIFY_READ_DATA: bool.default(false),
  /** pg_dump of the server's major version; pg_restore is taken from the same directory. */
  BACKUP_PG_DUMP_PATH: z.string().min(1).default('pg_dump'),
  /**
   * `dump` (default): each backup streams a whole pg_dump. `wal`: continuous archiving — a physical
   * base backup (pg_basebackup) every BACKUP_WAL_BASE_HOURS and, on every run, the WAL segments the
   * server archived into BACKUP_WAL_DIR since the last one; restore replays them, to a point in time too.
   */
  BACKUP_MODE: z.enum(['dump', 'wal']).default('dump'),
  /** Where the server's archive_command puts each finished WAL segment (WAL mode). */
  BACKUP_WAL_DIR: z.string().optional(),
  /** WAL mode: a run takes a new base backup when the last one is older than this. */
  BACKUP_WAL_BASE_HOURS: z.coerce.number().min(0).max(24 * 366).default(168),
  /** PostgreSQL's server programs (pg_basebackup, pg_ctl, postgres) for WAL mode; default /usr/lib/postgresql/<server major>/bin. */
  BACKUP_PG_BIN_DIR: z.string().optional(),
  /** Where the database dump and the manifest are written before they go into the repository, and where drills restore. */
  BACKUP_SCRATCH_DIR: z.string().default('./.data/backup-scratch'),
  /** `off` disables the weekly restore drill. */
  RESTORE_DRILL_CRON: z.string().default('0 3 * * 0'),
  /** `off` disables the collector of blobs no record refers to. */
  ORPHAN_COLLECTOR_CRON: z.string().default('0 4 * * *'),
  ORPHAN_GRACE_HOURS: z.coerce.number().min(0).max(24 * 365).default(24),
  /** Seals the TOTP secrets of the second sign-in factor (AES-256-GCM). */
  MFA_ENCRYPTION_KEY: z.string().refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded'),
  /** The name authenticator apps show next to the account. */
  MFA_ISSUER: z.string().min(1).max(64).default('eOffice'),
  /** Most pixels of one scanned page: an uploaded image, or a PDF page rendered for OCR (A3 at 600 dpi is ~70 M). */
  SCAN_MAX_PIXELS: z.coerce.number().int().min(1_000_000).max(1_000_000_000).default(100_000_000),
  /** Most address space of one OCR tool process (tesseract, pdftoppm), in MiB; beyond it the tool fails, not the machine. */
  OCR_MAX_MEMORY_MB: z.coerce.number().int().min(64).max(65_536).default(2048),
  /** Scan pages one clerk may send to POST /scans per minute (PDF pages, one per image); 0 = no limit. */
  SCAN_PAGES_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(600),
  /** How often the access history buffered by an API process is written (docs/access-history.md). */
  VIEW_FLUSH_MS: z.coerce.number().int().min(50).max(60_000).default(500),
  /** Flags a pool query made while the same request holds a transaction (a pool deadlock in waiting); unset: `log` outside production. */
  DB_POOL_GUARD: z.enum(['off', 'log', 'throw']).optional(),
  /** `false` only to measure what recording costs (bench/views): the access history is a legal record. */
  VIEW_RECORDING: bool.default(true),
  /** Days after a document is closed or issued before it shows in its handler's "to file" list (hồ sơ, docs/records.md). */
  RECORDS_TO_FILE_AFTER_DAYS: z.coerce.number().int().min(0).max(3650).default(7),
  /** A hand-over or destruction list waiting longer for its approval reminds the agency's leaders (once). */
  RECORDS_PENDING_APPROVAL_DAYS: z.coerce.number().int().min(0).max(3650).default(7),
  /** A JSON file replacing the built-in default retention per document type (docs/records.md, "Default retention"); empty: the built-in schedule. */
  RECORDS_RETENTION_SCHEDULE: z.string().default(''),
  /** When closed records near their hand-over deadline are looked for (nộp lưu, docs/records.md); `off` to stop. */
  HANDOVER_SCAN_CRON: z.string().default('50 6 * * *'),
  /** Where hand-over packages (BagIt, one directory per record) are written once and kept. */
  HANDOVER_DIR: z.string().default('./.data/handovers'),
  /** The agency mailbox read into the intake (docs/intake.md), e.g. imap://van-thu@mail.example.gov.vn:993/INBOX; unset: no e-mail intake. */
  INTAKE_IMAP_URL: url(['imap:', 'imaps:']).optional(),
  /** The mailbox's password (a secret: from the environment only, never in the URL). */
  INTAKE_IMAP_PASSWORD: z.string().optional(),
  /** The agency (unit id) whose intake the mailbox feeds; required with INTAKE_IMAP_URL. */
  INTAKE_IMAP_AGENCY_ID: z.string().uuid().optional(),
  /** How often the worker looks for new mail. */
  INTAKE_POLL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  /** PUT /units/:unitId/intake-mailbox connects, logs in and opens the folder before storing it: how long that may take. */
  INTAKE_MAILBOX_CHECK_SECONDS: z.coerce.number().int().min(1).max(120).default(10),
  /** An attachment larger than this is not kept (the item is flagged; the whole message stays in its .eml). */
  INTAKE_MAX_ATTACHMENT_MB: z.coerce.number().int().min(1).max(1024).default(25),
  /** Exchange (edXML): how often the worker turns the steps of received copies into status messages for their senders. */
  EXCHANGE_STATUS_SCAN_SECONDS: z.coerce.number().int().min(1).max(86_400).default(30),
  /** Exchange: a received package larger than this is refused before it is read (413). */
  EXCHANGE_MAX_PACKAGE_MB: z.coerce.number().int().min(1).max(1024).default(64),
  /** The national document axis (trục liên thông, docs/exchange.md): its service URL; unset, no agency is reached through it. */
  EXCHANGE_AXIS_URL: url(['https:', 'http:']).optional(),
  /** This installation's system id at the axis (sent as the `systemId` header). */
  EXCHANGE_AXIS_SYSTEM_ID: z.string().max(200).optional(),
  /** The secret the axis issued with the system id (a secret: from the environment only). */
  EXCHANGE_AXIS_SECRET: z.string().max(500).optional(),
  /** How often the worker asks the axis for what arrived (packages and statuses). */
  EXCHANGE_AXIS_POLL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  /** How often our sent and received packages are compared with the axis's lists. */
  EXCHANGE_AXIS_RECONCILE_SECONDS: z.coerce.number().int().min(10).max(604_800).default(3600),
  /** When the agency directory is synchronised from the axis's agency list; `off` to stop. */
  EXCHANGE_AXIS_DIRECTORY_CRON: z.string().default('20 2 * * *'),
  /**
   * Exchange (Decision 28/2018/QĐ-TTg: sent the same working day): after this many hours an issued
   * document not yet sent to an agency recipient, or sent and not acknowledged (no 01), is a reminder
   * to the clerks — once per document and threshold. Fractions allowed (0.5 = 30 minutes).
   */
  EXCHANGE_ACK_REMINDER_HOURS: z.coerce.number().min(0.0001).max(720).default(4),
});

export type AppConfig = z.infer<typeof schema> & {
  /**
   * Passwords of agencies' own intake mailboxes (docs/intake.md), from every INTAKE_IMAP_PASSWORD_<NAME>
   * variable: an agency's mailbox settings name the variable, the database never holds the secret.
   */
  intakeImapPasswords?: Readonly<Record<string, string>>;
  /** Secrets of agencies' own axis accounts (docs/exchange.md), from every EXCHANGE_AXIS_SECRET_<NAME> variable. */
  axisSecrets?: Readonly<Record<string, string>>;
};

/** INTAKE_IMAP_PASSWORD_<NAME>: the family an agency's mailbox may name (checked again where it is set). */
const INTAKE_PASSWORD_VARIABLE = /^INTAKE_IMAP_PASSWORD_[A-Z0-9_]{1,60}$/;
/** EXCHANGE_AXIS_SECRET_<NAME>: the family an agency's axis account may name (checked again where it is set). */
const AXIS_SECRET_VARIABLE = /^EXCHANGE_AXIS_SECRET_[A-Z0-9_]{1,60}$/;
/** The variables of one family, by name. */
const family = (env: Record<string, string | undefined>, pattern: RegExp): Record<string, string> =>
  Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => pattern.test(e[0]) && typeof e[1] === 'string'));

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
  const config: AppConfig = {
    ...result.data,
    intakeImapPasswords: family(cleaned, INTAKE_PASSWORD_VARIABLE),
    axisSecrets: family(cleaned, AXIS_SECRET_VARIABLE),
  };
  if (config.INTAKE_IMAP_URL && !config.INTAKE_IMAP_AGENCY_ID) {
    throw new ConfigError('Invalid configuration: INTAKE_IMAP_AGENCY_ID is required when INTAKE_IMAP_URL is set');
  }
  if (config.EXCHANGE_AXIS_URL && (!config.EXCHANGE_AXIS_SYSTEM_ID || !config.EXCHANGE_AXIS_SECRET)) {
    throw new ConfigError('Invalid configuration: EXCHANGE_AXIS_SYSTEM_ID and EXCHANGE_AXIS_SECRET are required when EXCHANGE_AXIS_URL is set');
  }
  if (config.FILE_STORE === 's3' && !config.S3_BUCKET) {
    throw new ConfigError('Invalid configuration: S3_BUCKET is required when FILE_STORE=s3');
  }
  return config;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
