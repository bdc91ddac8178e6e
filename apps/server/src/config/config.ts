import path from 'node:path';
import { z } from 'zod';

/** Environment read once at start; every setting has a default so `npm start` needs none. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /**
   * The interface to listen on. Only this machine by default: a fresh start serves the demo's
   * well-known passwords, which must not reach the network unasked. `0.0.0.0` serves every interface.
   */
  HOST: z.string().default('127.0.0.1'),
  /**
   * The proxies whose X-Forwarded-For is believed (addresses or CIDRs, comma-separated, e.g.
   * `127.0.0.1` for an nginx on the same machine). None by default: anyone could otherwise claim any
   * address and sign in past the per-address rate limit.
   */
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((v) => v?.trim() || undefined),
  DATA_DIR: z.string().default('./data'),
  // An empty value counts as unset, as shells and .env files often leave it.
  DATABASE_URL: z
    .string()
    .optional()
    .transform((v) => v || undefined),
  /** Set when Concord is served over HTTPS, so the session cookie is marked Secure. */
  COOKIE_SECURE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(12),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_DEMO: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  SMTP_URL: z
    .string()
    .optional()
    .transform((v) => v || undefined),
  /** The From address of notification e-mail. */
  SMTP_FROM: z.string().default('Concord <no-reply@concord.local>'),
  /** Where users open Concord (https://oa.example.com), for links in e-mail and group chats. */
  PUBLIC_URL: z
    .string()
    .optional()
    .transform((v) => v || undefined),
  /** The audit chain's HMAC key; DATA_DIR/audit.key (created on first start) when unset. */
  AUDIT_KEY: z
    .string()
    .optional()
    .transform((v) => v?.trim() || undefined)
    .refine((v) => v === undefined || v.length >= 32, 'AUDIT_KEY must be at least 32 characters'),
  /** Where signed checkpoints of the audit chain go; DATA_DIR/audit-checkpoints.jsonl when unset. */
  AUDIT_CHECKPOINT_FILE: z
    .string()
    .optional()
    .transform((v) => v || undefined),
});

export type Config = {
  port: number;
  host: string;
  /** Proxies trusted for X-Forwarded-For; none when unset. */
  trustProxy?: string;
  dataDir: string;
  /** Attachments: DATA_DIR/files. */
  filesDir: string;
  databaseUrl: string;
  cookieSecure: boolean;
  sessionTtlHours: number;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  seedDemo: boolean;
  webDistDir: string;
  smtpUrl?: string;
  smtpFrom: string;
  publicUrl?: string;
  /** AUDIT_KEY when set; main and the CLI read DATA_DIR/audit.key otherwise (loadAuditKey). */
  auditKeyFromEnv?: string;
  auditCheckpointFile: string;
};

/** Whether HOST serves this machine only. */
export function isLoopback(host: string): boolean {
  return ['127.0.0.1', 'localhost', '::1'].includes(host) || host.startsWith('127.');
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment:\n${lines}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    trustProxy: e.TRUST_PROXY,
    dataDir,
    filesDir: path.join(dataDir, 'files'),
    databaseUrl: e.DATABASE_URL ?? `sqlite:${path.join(dataDir, 'concord.db')}`,
    cookieSecure: e.COOKIE_SECURE,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    logLevel: e.LOG_LEVEL,
    seedDemo: e.SEED_DEMO,
    webDistDir: path.resolve(import.meta.dirname, '../../../web/dist'),
    smtpUrl: e.SMTP_URL,
    smtpFrom: e.SMTP_FROM,
    publicUrl: e.PUBLIC_URL,
    auditKeyFromEnv: e.AUDIT_KEY,
    auditCheckpointFile: path.resolve(
      e.AUDIT_CHECKPOINT_FILE ?? path.join(dataDir, 'audit-checkpoints.jsonl'),
    ),
  };
}
